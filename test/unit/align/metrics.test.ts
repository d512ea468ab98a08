import { describe, expect, it } from 'vitest';
import { countBeads, formatBeads, parseBeads, scores } from '../../../segments/align/metrics.ts';

describe('the beads format', () => {
  it('reads and writes MAC gold files', () => {
    const text = '[0,1]:[0]\n[2]:[1,2]\n[]:[3]\n[3]:[]\n';
    const beads = parseBeads(text);
    expect(beads).toEqual([
      { zh: [0, 1], en: [0] },
      { zh: [2], en: [1, 2] },
      { zh: [], en: [3] },
      { zh: [3], en: [] },
    ]);
    expect(formatBeads(beads)).toBe(text);
  });

  it('names the line of a malformed bead', () => {
    expect(() => parseBeads('[0]:[0]\n[1]-[1]\n', 'gold/001.align')).toThrow("gold/001.align: line 2: expected [zh ids]:[en ids], found '[1]-[1]'");
  });
});

describe('scores', () => {
  const gold = parseBeads('[0]:[0]\n[1]:[1,2]\n[2,3]:[3]\n[]:[4]\n');

  it('are perfect for the gold itself', () => {
    const s = scores(countBeads(gold, gold));
    expect([s.strict.f1, s.lax.f1, s.exact.f1]).toEqual([1, 1, 1]);
  });

  it('count overlapping beads as lax but not strict matches', () => {
    const test = parseBeads('[0]:[0]\n[1]:[1]\n[]:[2]\n[2,3]:[3,4]\n');
    const c = countBeads(gold, test);
    // Precision over the four test beads: one identical; [1]:[1] and [2,3]:[3,4] overlap gold; []:[2] does not.
    expect(c.precision).toEqual([1, 3, 3, 1]);
    // Recall over the three non-null gold beads: one identical, all three overlap.
    expect(c.recall).toEqual([1, 2, 3, 0]);
    expect(c.exact).toEqual([1, 4, 4]);
    const s = scores(c);
    expect(s.strict.p).toBeCloseTo(0.25);
    expect(s.strict.r).toBeCloseTo(1 / 3);
    expect(s.lax.p).toBeCloseTo(0.75);
    expect(s.lax.r).toBeCloseTo(1);
    expect(s.exact.f1).toBeCloseTo(0.25);
  });
});
