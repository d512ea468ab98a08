// Row geometry for the virtualised segment list: every row starts at a fixed-height estimate and is
// replaced by its measured height once rendered. Cumulative heights live in a Fenwick tree
// (binary indexed tree; Fenwick 1994, "A new data structure for cumulative frequency tables"), so a
// measurement is an O(log n) update and "which row is at pixel y" is a binary search by binary
// lifting over the same tree — 20,000 rows never need an O(n) prefix-sum rebuild while scrolling.

export class HeightIndex {
  private tree: Float64Array;
  private heights: Float64Array;
  /** 1 where the height was measured in the DOM, 0 where it is still an estimate. */
  private measured: Uint8Array;
  private n: number;
  readonly estimate: number;

  constructor(count: number, estimate: number) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`HeightIndex: count must be a non-negative integer, got ${count}`);
    if (!(estimate > 0)) throw new Error(`HeightIndex: estimate must be a positive height, got ${estimate}`);
    this.n = count;
    this.estimate = estimate;
    this.heights = new Float64Array(count).fill(estimate);
    this.measured = new Uint8Array(count);
    this.tree = new Float64Array(count + 1);
    this.build();
  }

  /** Linear-time construction: each node pushes its sum to its parent once. */
  private build(): void {
    const t = this.tree;
    t.fill(0);
    for (let i = 1; i <= this.n; i++) {
      t[i] += this.heights[i - 1];
      const parent = i + (i & -i);
      if (parent <= this.n) t[parent] += t[i];
    }
  }

  get count(): number {
    return this.n;
  }

  /** Changes the row count, keeping the measured heights of rows that remain. */
  resize(count: number): void {
    if (count === this.n) return;
    const heights = new Float64Array(count).fill(this.estimate);
    heights.set(this.heights.subarray(0, Math.min(count, this.n)));
    this.heights = heights;
    const measured = new Uint8Array(count);
    measured.set(this.measured.subarray(0, Math.min(count, this.n)));
    this.measured = measured;
    this.n = count;
    this.tree = new Float64Array(count + 1);
    this.build();
  }

  heightOf(i: number): number {
    return this.heights[i];
  }

  /** Records a measured height; returns the change in pixels (0 when nothing moved). */
  setHeight(i: number, height: number): number {
    if (i < 0 || i >= this.n) throw new Error(`HeightIndex: row ${i} is outside 0..${this.n - 1}`);
    this.measured[i] = 1;
    const delta = height - this.heights[i];
    if (delta === 0) return 0;
    this.heights[i] = height;
    for (let k = i + 1; k <= this.n; k += k & -k) this.tree[k] += delta;
    return delta;
  }

  /**
   * Replaces the estimates of rows [from, to) that were never measured with better guesses (from
   * their text length, say), in one O(n) rebuild. Measured rows keep their measurement.
   */
  refine(from: number, to: number, guess: (i: number) => number): void {
    let changed = false;
    for (let i = Math.max(0, from); i < Math.min(to, this.n); i++) {
      if (this.measured[i]) continue;
      const h = guess(i);
      if (h > 0 && h !== this.heights[i]) {
        this.heights[i] = h;
        changed = true;
      }
    }
    if (changed) this.build();
  }

  /** Top of row i: the sum of the heights of rows 0..i-1 (i may equal count: the total height). */
  offsetOf(i: number): number {
    let sum = 0;
    for (let k = Math.min(i, this.n); k > 0; k -= k & -k) sum += this.tree[k];
    return sum;
  }

  total(): number {
    return this.offsetOf(this.n);
  }

  /** The row whose box contains pixel y (clamped to the first and last rows). */
  indexAt(y: number): number {
    if (this.n === 0) return 0;
    if (y <= 0) return 0;
    let pos = 0;
    let remaining = y;
    let step = 1;
    while (step * 2 <= this.n) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.n && this.tree[next] <= remaining) {
        pos = next;
        remaining -= this.tree[next];
      }
    }
    return Math.min(pos, this.n - 1);
  }
}

export interface VisibleRange {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row + 1. */
  end: number;
}

/** Rows to render for a viewport, with `overscan` extra rows on each side so fast scrolls do not flash. */
export function visibleRange(index: HeightIndex, scrollTop: number, viewportHeight: number, overscan = 6): VisibleRange {
  if (index.count === 0) return { start: 0, end: 0 };
  const first = index.indexAt(scrollTop);
  const last = index.indexAt(scrollTop + Math.max(0, viewportHeight - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(index.count, last + 1 + overscan) };
}

/** The scrollTop that brings row i fully into view, or null when it already is. */
export function scrollToReveal(index: HeightIndex, i: number, scrollTop: number, viewportHeight: number): number | null {
  const top = index.offsetOf(i);
  const bottom = top + index.heightOf(i);
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

export interface Slot {
  slot: number;
  index: number;
}

/**
 * Row recycling: with a pool of `pool` DOM slots, row i lives in slot i mod pool. Rows of a window
 * no longer than the pool get distinct slots, and a row keeps its slot while it stays in view, so a
 * scroll by one row re-fills one slot instead of shifting all of them.
 */
export function recycleSlots(range: VisibleRange, pool: number): Slot[] {
  if (range.end - range.start > pool) throw new Error(`recycleSlots: ${range.end - range.start} rows do not fit a pool of ${pool}`);
  const out: Slot[] = [];
  for (let slot = 0; slot < pool; slot++) {
    const index = range.start + ((((slot - range.start) % pool) + pool) % pool);
    if (index < range.end) out.push({ slot, index });
  }
  return out;
}
