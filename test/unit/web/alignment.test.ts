import { describe, expect, it } from 'vitest';
import { isLowConfidence, joinEnglish, markUnaligned, mergeWithNext, mergeWithPrevious, moveSentence, splitAt, splitPoints } from '../../../web/composables/alignment.ts';
import type { AlignRow } from '../../../web/composables/alignment.ts';
import { splitEnglish } from '../../../segments/english.ts';

// Sections 3.1 and 3.2 of the sample with the draft's English, deliberately misaligned: the second
// sentence of row 0 belongs to row 1.
const ROWS: AlignRow[] = [
  {
    id: 11,
    version: 3,
    target:
      'We will improve the functions of the international container transport service platform. We will deepen the development of the air transport platform.',
  },
  { id: 12, version: 1, target: 'We will build smart ports and a global benchmark for smart airports.' },
  { id: 13, version: 2, target: '' },
];

/** No English sentence may be lost or duplicated by any fix. */
function sentences(rows: { target: string }[]): string[] {
  return rows.flatMap((r) => splitEnglish(r.target));
}

function apply(rows: AlignRow[], patches: { id: number; target: string }[]): AlignRow[] {
  return rows.map((r) => ({ ...r, target: patches.find((p) => p.id === r.id)?.target ?? r.target }));
}

describe('alignment fixes in the browser', () => {
  it.each([
    ['merge with next', () => mergeWithNext(ROWS, 0), [11, 12]],
    ['merge with previous', () => mergeWithPrevious(ROWS, 1), [11, 12]],
    ['move the last sentence down', () => moveSentence(ROWS, 0, 'next', splitEnglish), [11, 12]],
    ['move the first sentence up', () => moveSentence(ROWS, 1, 'previous', splitEnglish), [11, 12]],
    ['split after the first sentence', () => splitAt(ROWS, 0, 1, splitEnglish), [11, 12]],
  ] as [string, () => { id: number; version: number; target: string }[], number[]][])('%s patches only the two neighbours and keeps every sentence', (_n, op, ids) => {
    const patches = op();
    expect(patches.map((p) => p.id)).toEqual(ids);
    expect(sentences(apply(ROWS, patches)).sort()).toEqual(sentences(ROWS).sort());
  });

  it('sends the version each row was read at, so a concurrent edit meets a 409', () => {
    expect(mergeWithNext(ROWS, 0).map((p) => p.version)).toEqual([3, 1]);
  });

  it('moves "We will deepen the development of the air transport platform." to the next segment', () => {
    const [a, b] = moveSentence(ROWS, 0, 'next', splitEnglish);
    expect(a.target).toBe('We will improve the functions of the international container transport service platform.');
    expect(b.target).toBe('We will deepen the development of the air transport platform. We will build smart ports and a global benchmark for smart airports.');
  });

  it('splits a target into an empty next segment', () => {
    const [a, b] = splitAt(ROWS.slice(1), 0, 1, (t) => (t ? ['We will build smart ports', 'and a global benchmark for smart airports.'] : []));
    expect(a.target).toBe('We will build smart ports');
    expect(b.target).toBe('and a global benchmark for smart airports.');
  });

  it('offers one split point fewer than the target has sentences', () => {
    expect(splitPoints(ROWS[0].target, splitEnglish)).toHaveLength(1);
    expect(splitPoints(ROWS[1].target, splitEnglish)).toHaveLength(0);
  });

  it('refuses impossible fixes with a message naming the segment', () => {
    expect(() => splitAt(ROWS, 1, 1, splitEnglish)).toThrow(/segment 12 has 1 sentence/);
    expect(() => mergeWithNext(ROWS, 2)).toThrow(/no segment at position 3/);
    expect(() => moveSentence(ROWS, 2, 'previous', splitEnglish)).toThrow(/segment 13 has no English/);
  });

  it('marks a segment unaligned by emptying its target, and does nothing to an empty one', () => {
    expect(markUnaligned(ROWS, 1)).toEqual([{ id: 12, version: 1, target: '' }]);
    expect(markUnaligned(ROWS, 2)).toEqual([]);
  });

  it('joins English pieces with single spaces and marks confidence below 0.5 as low', () => {
    expect(joinEnglish(' Five Centers. ', '', 'Yangtze River Delta.')).toBe('Five Centers. Yangtze River Delta.');
    expect([0.12, 0.49, 0.5, 0.93, null].map(isLowConfidence)).toEqual([true, true, false, false, false]);
  });
});
