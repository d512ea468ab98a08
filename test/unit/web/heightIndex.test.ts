import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HeightIndex, recycleSlots, scrollToReveal, visibleRange } from '../../../web/composables/heightIndex.ts';

/** The obvious O(n) answer the Fenwick tree must agree with. */
function naiveIndexAt(heights: number[], y: number): number {
  let top = 0;
  for (let i = 0; i < heights.length; i++) {
    if (y < top + heights[i]) return i;
    top += heights[i];
  }
  return heights.length - 1;
}

describe('HeightIndex keeps cumulative row heights for the segment list', () => {
  it('starts every row at the estimate, so 20,000 segments of 56 px span 1,120,000 px', () => {
    const index = new HeightIndex(20_000, 56);
    expect(index.total()).toBe(1_120_000);
    expect(index.offsetOf(10_000)).toBe(560_000);
    expect(index.indexAt(560_000)).toBe(10_000);
    expect(index.indexAt(559_999)).toBe(9_999);
  });

  it.each([
    // [measured rows, pixel, row at that pixel]
    [[[0, 120]], 119, 0],
    [[[0, 120]], 120, 1],
    [[[1, 30], [2, 200]], 56 + 30 + 199, 2],
    [[[1, 30], [2, 200]], 56 + 30 + 200, 3],
  ] as [[number, number][], number, number][])('after measuring %j, pixel %i lies in row %i', (measured, y, row) => {
    const index = new HeightIndex(10, 56);
    for (const [i, h] of measured) index.setHeight(i, h);
    expect(index.indexAt(y)).toBe(row);
  });

  it('clamps pixels above the first and below the last row', () => {
    const index = new HeightIndex(5, 40);
    expect(index.indexAt(-10)).toBe(0);
    expect(index.indexAt(10_000)).toBe(4);
    expect(new HeightIndex(0, 40).indexAt(5)).toBe(0);
  });

  it('reports how much a measurement moved the rows below it', () => {
    const index = new HeightIndex(3, 56);
    expect(index.setHeight(1, 90)).toBe(34);
    expect(index.setHeight(1, 90)).toBe(0);
    expect(index.offsetOf(2)).toBe(56 + 90);
  });

  it('keeps measured heights when the filtered row count changes', () => {
    const index = new HeightIndex(4, 50);
    index.setHeight(1, 80);
    index.resize(2);
    expect(index.total()).toBe(130);
    index.resize(3);
    expect(index.total()).toBe(180);
  });

  it('rejects a negative row count and a zero estimate with a message naming the argument', () => {
    expect(() => new HeightIndex(-1, 50)).toThrow(/count/);
    expect(() => new HeightIndex(3, 0)).toThrow(/estimate/);
    expect(() => new HeightIndex(3, 50).setHeight(3, 10)).toThrow(/row 3/);
  });

  it('agrees with naive prefix sums for any measurements and any pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.tuple(fc.nat(299), fc.integer({ min: 1, max: 400 })), { maxLength: 80 }),
        fc.integer({ min: 0, max: 120_000 }),
        (count, measures, y) => {
          const index = new HeightIndex(count, 56);
          const heights = new Array(count).fill(56);
          for (const [i, h] of measures) {
            if (i >= count) continue;
            index.setHeight(i, h);
            heights[i] = h;
          }
          const sum = heights.reduce((a, b) => a + b, 0);
          expect(index.total()).toBe(sum);
          expect(index.indexAt(y % (sum + 50))).toBe(naiveIndexAt(heights, y % (sum + 50)));
        },
      ),
    );
  });
});

describe('visibleRange picks the rows to render', () => {
  it('renders the rows under a 600 px viewport plus the overscan on both sides', () => {
    const index = new HeightIndex(20_000, 60);
    expect(visibleRange(index, 0, 600, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(index, 60 * 1000, 600, 5)).toEqual({ start: 995, end: 1015 });
    expect(visibleRange(index, 60 * 20_000, 600, 5)).toEqual({ start: 19_994, end: 20_000 });
  });

  it('scrolls only when a row is outside the viewport', () => {
    const index = new HeightIndex(100, 50);
    expect(scrollToReveal(index, 3, 0, 500)).toBeNull();
    expect(scrollToReveal(index, 20, 0, 500)).toBe(21 * 50 - 500);
    expect(scrollToReveal(index, 2, 400, 500)).toBe(100);
  });
});

describe('recycling row slots', () => {
  it('gives every row of the window its own slot', () => {
    const slots = recycleSlots({ start: 995, end: 1015 }, 20);
    expect(slots.map((s) => s.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => 995 + k));
    expect(new Set(slots.map((s) => s.slot)).size).toBe(20);
  });

  it('keeps a row in its slot when the window moves by one row, refilling only one slot', () => {
    const before = new Map(recycleSlots({ start: 100, end: 118 }, 18).map((s) => [s.slot, s.index]));
    const after = new Map(recycleSlots({ start: 101, end: 119 }, 18).map((s) => [s.slot, s.index]));
    const changed = [...after].filter(([slot, index]) => before.get(slot) !== index);
    expect(changed).toEqual([[100 % 18, 118]]);
  });

  it('leaves slots empty near the end of a short list and refuses a pool too small', () => {
    expect(recycleSlots({ start: 0, end: 3 }, 8).map((s) => s.index)).toEqual([0, 1, 2]);
    expect(() => recycleSlots({ start: 0, end: 9 }, 8)).toThrow(/9 rows do not fit a pool of 8/);
  });
});

describe('refining estimates before rows are measured', () => {
  it('replaces the estimates of unmeasured rows and keeps the measured ones', () => {
    const index = new HeightIndex(5, 50);
    index.setHeight(1, 120);
    index.refine(0, 5, (i) => 60 + i);
    expect([0, 1, 2, 3, 4].map((i) => index.heightOf(i))).toEqual([60, 120, 62, 63, 64]);
    expect(index.total()).toBe(60 + 120 + 62 + 63 + 64);
    expect(index.indexAt(60 + 120 + 62)).toBe(3);
  });

  it('keeps the measurements of rows that survive a resize', () => {
    const index = new HeightIndex(3, 50);
    index.setHeight(0, 90);
    index.resize(6);
    index.refine(0, 6, () => 70);
    expect(index.heightOf(0)).toBe(90);
    expect(index.heightOf(5)).toBe(70);
  });
});
