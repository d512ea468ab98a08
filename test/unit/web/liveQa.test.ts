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
