// Offset maps from an edited text back to the text it was made from.
// Algorithm: the edited text is a sequence of pieces, each either copied verbatim from the source
// or a replacement of a source range; a position is looked up by binary search over the pieces
// (the same "piece table" idea editors use). Maps compose, so several passes can be chained.
// Two lookups are needed because a deleted range sits between two edited positions: a segment's
// start should land after it (`toRaw`), a segment's end before it (`toRawEnd`).

export interface OffsetMap {
  /** Source offset of the character at `pos` (start-biased: skips ranges deleted just before it). */
  toRaw(pos: number): number;
  /** Source offset just after the character before `pos` (end-biased: stops before ranges deleted after it). */
  toRawEnd(pos: number): number;
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export const identityMap: OffsetMap = { toRaw: (pos) => pos, toRawEnd: (pos) => pos };

/**
 * Applies non-overlapping edits (sorted by start) to `source` in one linear pass and returns the
 * edited text with its map back to `source`.
 */
export function applyEdits(source: string, edits: readonly Edit[]): { text: string; map: OffsetMap } {
  if (edits.length === 0) return { text: source, map: identityMap };
  const parts: string[] = [];
  // Parallel arrays keep the piece table compact for million-character inputs.
  const outStart: number[] = [];
  const srcStart: number[] = [];
  const srcEnd: number[] = [];
  const copied: boolean[] = [];
  let out = 0;
  let src = 0;
  const push = (text: string, from: number, to: number, isCopy: boolean): void => {
    if (text.length === 0) return; // pure deletions occupy no edited positions
    parts.push(text);
    outStart.push(out);
    srcStart.push(from);
    srcEnd.push(to);
    copied.push(isCopy);
    out += text.length;
  };
  for (const edit of edits) {
    if (edit.start < src || edit.end < edit.start || edit.end > source.length) {
      throw new RangeError(`applyEdits: edit ${edit.start}–${edit.end} overlaps or lies outside the text (at ${src} of ${source.length})`);
    }
    push(source.slice(src, edit.start), src, edit.start, true);
    push(edit.replacement, edit.start, edit.end, false);
    src = edit.end;
  }
  push(source.slice(src), src, source.length, true);
  const total = out;
  const sourceLength = source.length;

  // Index of the last piece whose edited start is <= pos.
  const find = (pos: number): number => {
    let lo = 0;
    let hi = outStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (outStart[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const map: OffsetMap = {
    toRaw(pos) {
      if (pos >= total) return sourceLength;
      if (pos <= 0 && outStart.length === 0) return 0;
      const i = find(Math.max(0, pos));
      return copied[i] ? srcStart[i] + (pos - outStart[i]) : srcStart[i];
    },
    toRawEnd(pos) {
      if (pos <= 0) return 0;
      if (outStart.length === 0) return 0;
      const i = find(Math.min(pos, total) - 1);
      return copied[i] ? srcStart[i] + (Math.min(pos, total) - outStart[i]) : srcEnd[i];
    },
  };
  return { text: parts.join(''), map };
}

/** The map of `outer` (C → B) followed by `inner` (B → A): C → A. */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  if (outer === identityMap) return inner;
  if (inner === identityMap) return outer;
  return {
    toRaw: (pos) => inner.toRaw(outer.toRaw(pos)),
    toRawEnd: (pos) => inner.toRawEnd(outer.toRawEnd(pos)),
  };
}
