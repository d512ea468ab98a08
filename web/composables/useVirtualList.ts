// Reactive wrapper around HeightIndex for the segment list: the component feeds it scroll positions
// and measured row heights; it answers which rows to render and where. Scroll anchoring follows the
// CSS overflow-anchor idea: when a row above the viewport grows, the scroll position grows with it,
// so measuring rows never makes the text under the reader jump.
import { computed, ref, shallowRef, watch } from 'vue';
import type { Ref } from 'vue';
import { HeightIndex, scrollToReveal, visibleRange } from './heightIndex.ts';

export interface VirtualListOptions {
  estimate?: number;
  overscan?: number;
  viewportHeight?: number;
}

export function useVirtualList(count: Ref<number>, options: VirtualListOptions = {}) {
  const estimate = options.estimate ?? 56;
  const overscan = options.overscan ?? 6;
  const index = shallowRef(new HeightIndex(count.value, estimate));
  const scrollTop = ref(0);
  const viewportHeight = ref(options.viewportHeight ?? 600);
  /** Bumped whenever geometry changes; computed values depend on it because HeightIndex is not reactive. */
  const geometry = ref(0);

  watch(count, (n) => {
    index.value.resize(n);
    geometry.value++;
  });

  const range = computed(() => {
    void geometry.value;
    return visibleRange(index.value, scrollTop.value, viewportHeight.value, overscan);
  });
  const totalHeight = computed(() => {
    void geometry.value;
    return index.value.total();
  });

  function offsetOf(i: number): number {
    void geometry.value;
    return index.value.offsetOf(i);
  }

  /**
   * Records measured heights. Returns how far the caller must move scrollTop to keep the first
   * visible row still (the sum of changes of rows that lie entirely above the viewport).
   */
  function measure(rows: Iterable<[number, number]>): number {
    let anchorShift = 0;
    let changed = false;
    const firstVisible = index.value.indexAt(scrollTop.value);
    for (const [i, h] of rows) {
      if (i >= index.value.count || h <= 0) continue;
      const delta = index.value.setHeight(i, h);
      if (delta !== 0) {
        changed = true;
        if (i < firstVisible) anchorShift += delta;
      }
    }
    if (changed) geometry.value++;
    if (anchorShift !== 0) scrollTop.value += anchorShift;
    return anchorShift;
  }

  function onScroll(top: number, height?: number): void {
    scrollTop.value = top;
    if (height !== undefined) viewportHeight.value = height;
  }

  /** The scrollTop that reveals row i, or null when it is already in view. */
  function reveal(i: number): number | null {
    return scrollToReveal(index.value, i, scrollTop.value, viewportHeight.value);
  }

  /** Tells the computed geometry that the index changed outside `measure` (new estimates). */
  function refresh(): void {
    geometry.value++;
  }

  return { range, totalHeight, offsetOf, measure, onScroll, reveal, refresh, scrollTop, viewportHeight, index };
}
