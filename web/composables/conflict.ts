// The 409 conflict: the server's segment beside the user's text with a word diff between them.
// Whatever the user picks is saved against the server's version, so the resolution itself cannot
// overwrite a third save silently — it would meet its own 409.
// A refused alignment batch (409) is different: its changes were computed from texts that have
// moved on, so "keep mine" would drop or duplicate English. Its view shows what changed in the stale
// rows since they were read and offers to redo the fix on the saved text, or to leave it.
import type { DiffPart, Segment, SegmentChange } from '../api/types.ts';
import type { AlignOp } from './alignment.ts';
import { wordDiff } from './diff.ts';

export interface ConflictState {
  theirs: Segment;
  mine: string;
  /** What the user wanted to do with the status when the save failed. */
  intent: SegmentChange;
  diff: DiffPart[];
}

export function openConflict(theirs: Segment, mine: string, intent: SegmentChange): ConflictState {
  return { theirs, mine, intent, diff: wordDiff(theirs.target, mine) };
}

export type Resolution = { kind: 'mine' } | { kind: 'theirs' } | { kind: 'merge'; text: string };

/** The save that realises a resolution, or null when taking theirs needs no save. */
export function resolveConflict(state: ConflictState, resolution: Resolution): { version: number; change: SegmentChange } | null {
  const version = state.theirs.version;
  switch (resolution.kind) {
    case 'theirs':
      return null;
    case 'mine':
      return { version, change: { ...state.intent, target: state.mine } };
    case 'merge':
      return { version, change: { ...state.intent, target: resolution.text } };
  }
}

export interface StaleRow {
  /** The segment as the server has it now. */
  theirs: Segment;
  /** The target the fix was computed from. */
  seen: string;
  /** Word diff from what was seen to what is saved. */
  diff: DiffPart[];
}

export interface BatchConflictState {
  /** The refused fix, to redo it on the saved text: the bead it was made on and the operation. */
  anchorId: number;
  op: AlignOp;
  /** "merge with the next segment", for the dialog's wording. */
  what: string;
  stale: StaleRow[];
}

export function openBatchConflict(current: Segment[], seen: (id: number) => string | undefined, anchorId: number, op: AlignOp, what: string): BatchConflictState {
  const stale = current.map((theirs) => {
    const before = seen(theirs.id) ?? '';
    return { theirs, seen: before, diff: wordDiff(before, theirs.target) };
  });
  return { anchorId, op, what, stale };
}
