import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alignChanges,
  describeOp,
  isLowConfidence,
  joinEnglish,
  markUnaligned,
  mergeWithNext,
  mergeWithPrevious,
  moveSentence,
  splitAt,
  splitPoints,
} from '../../../web/composables/alignment.ts';
import type { AlignOp, AlignRow } from '../../../web/composables/alignment.ts';
import { openBatchConflict } from '../../../web/composables/conflict.ts';
import type { Segment } from '../../../web/api/types.ts';
import { splitEnglish } from '../../../segments/english.ts';
import { SAMPLE_DRAFT } from '../../helpers/sample.ts';

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

/** How often each sentence occurs: "exactly once" means the counts after a fix equal those before. */
function counts(rows: { target: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences(rows)) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

function occurrences(rows: { target: string }[], sentence: string): number {
  let n = 0;
  for (const { target } of rows) for (let at = target.indexOf(sentence); at >= 0; at = target.indexOf(sentence, at + sentence.length)) n++;
  return n;
}

// The draft's paragraphs as the targets of consecutive rows (headings, one-sentence and long
// multi-sentence paragraphs, as the aligner leaves them).
const PARAGRAPHS = SAMPLE_DRAFT.split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

describe('the change list of one alignment fix, sent as one batch', () => {
  it.each([
    ['merge-next', 0, [11, 12]],
    ['merge-previous', 1, [11, 12]],
    ['move-next', 0, [11, 12]],
    ['move-previous', 1, [11, 12]],
    [{ split: 1 }, 0, [11, 12]],
    ['unaligned', 1, [12]],
  ] as [AlignOp, number, number[]][])('%o on row %i changes rows %o, each at the version it was read at', (op, i, ids) => {
    const changes = alignChanges(ROWS, i, op, splitEnglish);
    expect(changes.map((c) => c.id)).toEqual(ids);
    expect(changes.map((c) => c.version)).toEqual(ids.map((id) => ROWS.find((r) => r.id === id)!.version));
  });

  it.each(['merge-next', 'merge-previous', 'move-next', 'move-previous', { split: 1 }] as AlignOp[])(
    '%o keeps every English sentence of the two rows exactly once',
    (op) => {
      const i = op === 'merge-previous' || op === 'move-previous' ? 1 : 0;
      const after = apply(ROWS, alignChanges(ROWS, i, op, splitEnglish));
      expect(counts(after)).toEqual(counts(ROWS));
    },
  );

  it('keeps every sentence exactly once for any merge, move or split on any three consecutive paragraphs of the sample draft', () => {
    expect(PARAGRAPHS.length).toBeGreaterThan(20);
    const op = fc.oneof(
      fc.constantFrom<AlignOp>('merge-next', 'merge-previous', 'move-next', 'move-previous'),
      fc.integer({ min: 1, max: 6 }).map((k): AlignOp => ({ split: k })),
    );
    let applied = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PARAGRAPHS.length - 3 }), op, (start, o) => {
        const rows: AlignRow[] = PARAGRAPHS.slice(start, start + 3).map((target, k) => ({ id: 100 + k, version: 1 + k, target }));
        let changes;
        try {
          changes = alignChanges(rows, 1, o, splitEnglish);
        } catch {
          return; // an impossible fix (a split point the row does not have) is refused, not sent
        }
        applied++;
        expect(changes.length).toBeLessThanOrEqual(2);
        expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
        // Counted as text, not re-split: a heading without a full stop merged into the next
        // sentence reads as one sentence to the splitter, but both are still there, once, in order.
        const after = apply(rows, changes);
        for (const sentence of sentences(rows)) expect(occurrences(after, sentence), sentence).toBe(occurrences(rows, sentence));
        expect(after.map((r) => r.target).join('').replace(/\s+/g, '')).toBe(rows.map((r) => r.target).join('').replace(/\s+/g, ''));
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(applied).toBeGreaterThan(150);
  });

  it('names the fix in messages', () => {
    expect(describeOp('merge-next')).toBe('merge with the next segment');
    expect(describeOp({ split: 2 })).toBe('split after sentence 2');
  });
});

describe('a batch refused as stale', () => {
  it("shows each stale row's saved text with what changed since the fix read it", () => {
    const theirs = {
      id: 12,
      index: 1,
      version: 2,
      status: 'draft',
      target: 'We will build smart ports and a world-class benchmark for smart airports.',
    } as Segment;
    const state = openBatchConflict([theirs], (id) => ROWS.find((r) => r.id === id)?.target, 11, 'merge-next', describeOp('merge-next'));
    expect(state.anchorId).toBe(11);
    expect(state.stale).toHaveLength(1);
    expect(state.stale[0].seen).toBe(ROWS[1].target);
    expect(state.stale[0].diff.filter((p) => p.added).map((p) => p.value.trim())).toContain('world-class');
    expect(state.stale[0].diff.filter((p) => p.removed).map((p) => p.value.trim())).toContain('global');
  });
});
