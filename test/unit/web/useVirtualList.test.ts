import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { useVirtualList } from '../../../web/composables/useVirtualList.ts';

describe('useVirtualList windows a 20,000-segment document', () => {
  it('renders a few dozen rows wherever the reader scrolls', () => {
    const list = useVirtualList(ref(20_000), { estimate: 64, overscan: 4, viewportHeight: 640 });
    expect(list.range.value).toEqual({ start: 0, end: 14 });
    list.onScroll(64 * 12_345);
    expect(list.range.value.start).toBe(12_341);
    expect(list.range.value.end - list.range.value.start).toBeLessThanOrEqual(20);
    expect(list.totalHeight.value).toBe(64 * 20_000);
  });

  it('keeps the first visible row still when rows above it turn out taller (scroll anchoring)', () => {
    const list = useVirtualList(ref(1000), { estimate: 50, viewportHeight: 500 });
    list.onScroll(50 * 100);
    const shift = list.measure([
      [98, 80],
      [99, 70],
      [100, 120],
    ]);
    expect(shift).toBe(30 + 20);
    expect(list.scrollTop.value).toBe(50 * 100 + 50);
    expect(list.offsetOf(100)).toBe(list.scrollTop.value);
  });

  it('follows the filtered row count', async () => {
    const count = ref(20_000);
    const list = useVirtualList(count, { estimate: 50 });
    count.value = 37;
    await nextTick();
    expect(list.totalHeight.value).toBe(37 * 50);
  });
});
