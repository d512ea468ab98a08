// Alignment fixes in the browser as pure functions from the rows around a segment to the change
// list that realises them. Each operation touches at most two neighbouring segments and never drops
// or duplicates an English sentence: text moves from one target to the other (the aligner's 1-2/2-1
// bead operations of Gale & Church 1993, done by hand). The list is sent as ONE batch
// (POST /api/documents/:id/segments/batch), all-or-nothing: saved as separate PATCHes, a refused
// second save (403 on an approved neighbour, 409 on a stale one) left the moved sentence in both rows.

export interface AlignRow {
  id: number;
  version: number;
  target: string;
}

/** The fixes the alignment view offers on a bead. */
export type AlignOp = 'merge-next' | 'merge-previous' | 'move-next' | 'move-previous' | 'unaligned' | { split: number };

/** One change of a batch: the target a row gets, sent against the version the row was read at. */
export interface TargetPatch {
  id: number;
  version: number;
  target: string;
}

/** Beads below this confidence are marked for a look. */
export const LOW_CONFIDENCE = 0.5;

export function isLowConfidence(confidence: number | null | undefined): boolean {
  return confidence !== null && confidence !== undefined && confidence < LOW_CONFIDENCE;
}

/** Joins two English pieces with one space, dropping empty ones. */
export function joinEnglish(...pieces: string[]): string {
  return pieces
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');
}

function row(rows: AlignRow[], i: number, what: string): AlignRow {
  const r = rows[i];
  if (!r) throw new Error(`${what}: there is no segment at position ${i}`);
  return r;
}

const patch = (r: AlignRow, target: string): TargetPatch => ({ id: r.id, version: r.version, target });

/** Appends the next segment's target to this one and empties the next. */
export function mergeWithNext(rows: AlignRow[], i: number): TargetPatch[] {
  const a = row(rows, i, 'merge with next');
  const b = row(rows, i + 1, 'merge with next');
  return [patch(a, joinEnglish(a.target, b.target)), patch(b, '')];
}

/** Appends this target to the previous segment's and empties this one. */
export function mergeWithPrevious(rows: AlignRow[], i: number): TargetPatch[] {
  const a = row(rows, i - 1, 'merge with previous');
  const b = row(rows, i, 'merge with previous');
  return [patch(a, joinEnglish(a.target, b.target)), patch(b, '')];
}

/**
 * Splits a target after its `keep`-th sentence: the first `keep` sentences stay, the rest move to
 * the front of the next segment's target.
 */
export function splitAt(rows: AlignRow[], i: number, keep: number, split: (text: string) => string[]): TargetPatch[] {
  const a = row(rows, i, 'split');
  const b = row(rows, i + 1, 'split');
  const sentences = split(a.target);
  if (keep < 1 || keep >= sentences.length) {
    throw new Error(`split: segment ${a.id} has ${sentences.length} sentence(s); keep must be between 1 and ${sentences.length - 1}, got ${keep}`);
  }
  return [patch(a, joinEnglish(...sentences.slice(0, keep))), patch(b, joinEnglish(...sentences.slice(keep), b.target))];
}

/** Moves one English sentence across a boundary: the last to the next segment, or the first to the previous one. */
export function moveSentence(rows: AlignRow[], i: number, direction: 'next' | 'previous', split: (text: string) => string[]): TargetPatch[] {
  const a = row(rows, i, `move sentence to ${direction}`);
  const sentences = split(a.target);
  if (sentences.length === 0) throw new Error(`move sentence: segment ${a.id} has no English to move`);
  if (direction === 'next') {
    const b = row(rows, i + 1, 'move sentence to next');
    return [patch(a, joinEnglish(...sentences.slice(0, -1))), patch(b, joinEnglish(sentences[sentences.length - 1], b.target))];
  }
  const b = row(rows, i - 1, 'move sentence to previous');
  return [patch(b, joinEnglish(b.target, sentences[0])), patch(a, joinEnglish(...sentences.slice(1)))];
}

/** Marks a segment as having no counterpart in the draft: its target is emptied (the history keeps the text). */
export function markUnaligned(rows: AlignRow[], i: number): TargetPatch[] {
  const a = row(rows, i, 'mark unaligned');
  return a.target === '' ? [] : [patch(a, '')];
}

/** Where a target can be split: the number of sentences it has, minus one. */
export function splitPoints(target: string, split: (text: string) => string[]): string[] {
  return split(target).slice(0, -1);
}

/** What an operation is called in messages ("the merge was refused"). */
export function describeOp(op: AlignOp): string {
  if (typeof op === 'object') return `split after sentence ${op.split}`;
  return { 'merge-next': 'merge with the next segment', 'merge-previous': 'merge with the previous segment', 'move-next': 'move of a sentence to the next segment', 'move-previous': 'move of a sentence to the previous segment', unaligned: 'mark as unaligned' }[op];
}

/**
 * The whole change list of one fix on the bead at `i` (`rows` indexed by list position; only i-1,
 * i and i+1 are read). Throws, naming the segment, when the fix is impossible there.
 */
export function alignChanges(rows: AlignRow[], i: number, op: AlignOp, split: (text: string) => string[]): TargetPatch[] {
  if (op === 'merge-next') return mergeWithNext(rows, i);
  if (op === 'merge-previous') return mergeWithPrevious(rows, i);
  if (op === 'move-next') return moveSentence(rows, i, 'next', split);
  if (op === 'move-previous') return moveSentence(rows, i, 'previous', split);
  if (op === 'unaligned') return markUnaligned(rows, i);
  return splitAt(rows, i, op.split, split);
}
