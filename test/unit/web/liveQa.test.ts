import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, shallowRef } from 'vue';
import { FindingCache, checkSegment, useLiveQa } from '../../../web/composables/useLiveQa.ts';
import type { TermIndex } from '../../../glossary/match.ts';
import { INDEX } from './fixtures.ts';

const SOURCE = '以科技创新引领新质生产力发展。';

describe('live QA in the target cell', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks once after the typist pauses, not on every key', async () => {
    const scope = effectScope();
    const target = ref('');
    const qa = scope.run(() => useLiveQa({ source: ref(SOURCE), target, index: shallowRef<TermIndex | null>(INDEX), delay: 150 }))!;
    for (const typed of ['Lead the', 'Lead the development of new', 'Lead the development of new productive forces']) {
      target.value = typed;
      await nextTick();
      vi.advanceTimersByTime(50);
    }
    expect(qa.pending.value).toBe(true);
    vi.advanceTimersByTime(150);
    expect(qa.pending.value).toBe(false);
    expect(qa.findings.value.map((f) => f.check)).toContain('term-forbidden');
    scope.stop();
  });

  it('puts errors before warnings and clears them when the translation is right', () => {
    const scope = effectScope();
    const target = ref('Lead new productive forces');
    const qa = scope.run(() => useLiveQa({ source: ref(SOURCE), target, index: shallowRef<TermIndex | null>(INDEX) }))!;
    const first = qa.checkNow();
    expect(first[0].severity).toBe('error');
    target.value = 'Let sci-tech innovation lead the development of new quality productive forces.';
    expect(qa.checkNow().filter((f) => f.severity === 'error')).toEqual([]);
    scope.stop();
  });

  it('checks nothing until the glossary has arrived', () => {
    expect(checkSegment(null, SOURCE, 'new productive forces')).toEqual([]);
  });
});

describe('findings of rows scrolled into view', () => {
  it('are computed once per target text and again after an edit', () => {
    const cache = new FindingCache(INDEX);
    const a = cache.get(7, SOURCE, 'new productive forces');
    expect(cache.get(7, SOURCE, 'new productive forces')).toBe(a);
    const b = cache.get(7, SOURCE, 'Let sci-tech innovation lead the development of new quality productive forces.');
    expect(b).not.toBe(a);
    expect(b.some((f) => f.check === 'term-forbidden')).toBe(false);
  });
});

describe('idle-time checking of rows scrolled into view', () => {
  const rows = [
    { id: 1, source: '以科技创新引领新质生产力发展。', target: 'Let sci-tech innovation drive new productive forces.' },
    { id: 2, source: '深化基础研究先行区建设。', target: 'We will deepen the development of pilot zones for basic research.' },
    { id: 3, source: '携手苏浙皖持续巩固提升长三角一体化发展水平。', target: 'Work with Jiangsu, Zhejiang and Anhui on OBOR.' },
  ];

  it('answers a miss with nothing, then checks the queue only while there is time', () => {
    const cache = new FindingCache(INDEX);
    for (const r of rows) {
      expect(cache.peek(r.id, r.target)).toBeUndefined();
      cache.request(r);
    }
    let budget = 2;
    expect(cache.drain(() => --budget > 0)).toBe(2);
    expect(cache.pending).toBe(1);
    expect(cache.peek(1, rows[0].target)?.some((f) => f.check === 'term-forbidden')).toBe(true);
    expect(cache.peek(3, rows[2].target)).toBeUndefined();
  });

  it('drops rows that scrolled away before their turn', () => {
    const cache = new FindingCache(INDEX);
    for (const r of rows) cache.request(r);
    cache.cancel(2);
    expect(cache.drain(() => true)).toBe(2);
    expect(cache.peek(2, rows[1].target)).toBeUndefined();
  });

  it('forgets findings when the glossary changes', () => {
    const cache = new FindingCache(INDEX);
    cache.get(1, rows[0].source, rows[0].target);
    cache.setIndex(null);
    expect(cache.peek(1, rows[0].target)).toBeUndefined();
    expect(cache.get(1, rows[0].source, rows[0].target)).toEqual([]);
  });
});
