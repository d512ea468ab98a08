// The 409 conflict: the server's segment beside the user's text with a word diff between them.
// Whatever the user picks is saved against the server's version, so the resolution itself cannot
// overwrite a third save silently — it would meet its own 409.
import type { DiffPart, Segment, SegmentChange } from '../api/types.ts';
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
