import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { align } from '../../../segments/align/index.ts';
import type { Bead, Lexicon } from '../../../segments/align/index.ts';
import { loadLexicon } from '../../../segments/align/lexicon-loader.ts';
import { AFTER, BEFORE, CASES } from '../../fixtures/align/policy-cases.ts';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

// Real sentences of the policy fixtures, drawn at random so that documents are of any shape.
const ZH = [BEFORE.zh, AFTER.zh, ...CASES.flatMap((c) => c.zh)];
const EN = [BEFORE.en, AFTER.en, ...CASES.flatMap((c) => c.en)];
const zhDoc = fc.array(fc.constantFrom(...ZH, ''), { maxLength: 25 });
const enDoc = fc.array(fc.constantFrom(...EN, ''), { maxLength: 25 });

/** Beads are in order, each sentence appears exactly once, and bead ids run contiguously. */
function checkPartition(beads: Bead[], n: number, m: number): void {
  let nextZh = 0;
  let nextEn = 0;
  for (const b of beads) {
    expect(b.zh.length + b.en.length).toBeGreaterThan(0);
    for (const i of b.zh) expect(i).toBe(nextZh++);
    for (const j of b.en) expect(j).toBe(nextEn++);
    expect(b.confidence).toBeGreaterThanOrEqual(0);
    expect(b.confidence).toBeLessThanOrEqual(1);
    expect(Number.isFinite(b.score)).toBe(true);
  }
  expect(nextZh).toBe(n);
  expect(nextEn).toBe(m);
}

describe('alignment properties', () => {
  it('is monotonic and covers both sides exactly once, for any documents', () => {
    fc.assert(
      fc.property(zhDoc, enDoc, (zh, en) => {
        checkPartition(align(zh, en, { lexicon }), zh.length, en.length);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(zhDoc, enDoc, (zh, en) => {
        expect(align(zh, en, { lexicon })).toEqual(align(zh, en, { lexicon }));
      }),
      { numRuns: 25 },
    );
  });

  it('gives only 0–1 beads when the Chinese side is empty, and only 1–0 beads when the English is', () => {
    fc.assert(
      fc.property(enDoc, (en) => {
        expect(align([], en, { lexicon })).toEqual(en.map((_, j) => ({ zh: [], en: [j], score: 0, confidence: 1 })));
      }),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(zhDoc, (zh) => {
        expect(align(zh, [], { lexicon })).toEqual(zh.map((_, i) => ({ zh: [i], en: [], score: 0, confidence: 1 })));
      }),
      { numRuns: 20 },
    );
  });

  it('returns no beads for two empty documents', () => {
    expect(align([], [])).toEqual([]);
  });

  it('works without a lexicon, on lengths, numbers and Latin tokens alone', () => {
    fc.assert(
      fc.property(zhDoc, enDoc, (zh, en) => {
        checkPartition(align(zh, en), zh.length, en.length);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps its guarantees on a long document, where the band follows a coarse alignment', () => {
    const zh: string[] = [];
    const en: string[] = [];
    for (let k = 0; zh.length < 1200; k++) {
      const c = CASES[k % CASES.length];
      zh.push(...c.zh, BEFORE.zh);
      en.push(...c.en, BEFORE.en);
    }
    const beads = align(zh, en, { lexicon });
    checkPartition(beads, zh.length, en.length);
    // The repeated one-to-one pair is found everywhere it occurs.
    const pairs = beads.filter((b) => b.zh.length === 1 && b.en.length === 1 && zh[b.zh[0]] === BEFORE.zh && en[b.en[0]] === BEFORE.en);
    expect(pairs.length).toBeGreaterThan(0.9 * zh.filter((s) => s === BEFORE.zh).length);
  });

  it('names a bad argument', () => {
    expect(() => align(['一'], [42 as unknown as string])).toThrow(/en\[0\] is not a string/);
    expect(() => align('一' as unknown as string[], [])).toThrow(/arrays of sentences/);
  });
});
