import { describe, expect, it } from 'vitest';
import { clampIndex, nextOpenIndex, progressParts, wordCount } from '../../../web/composables/navigation.ts';
import type { SegmentStatus } from '../../../web/api/types.ts';

const rows = (statuses: (SegmentStatus | undefined)[]) => statuses.map((status) => (status ? { status, heading: false } : undefined));

describe('Ctrl+Enter moves to the next open segment', () => {
  it.each([
    [['translated', 'translated', 'new'], 0, 2],
    [['new', 'approved', 'translated', 'rejected'], 0, 3],
    [['new', 'draft'], 0, 1],
    [['new', 'approved', 'translated'], 0, -1],
    [['new', undefined, 'new'], 0, 2],
  ] as [SegmentStatus[], number, number][])('in %j from %i it lands on %i', (statuses, from, expected) => {
    expect(nextOpenIndex(rows(statuses), from)).toBe(expected);
  });

  it('keeps Alt+arrow moves inside the document', () => {
    expect(clampIndex(-1, 20)).toBe(0);
    expect(clampIndex(20, 20)).toBe(19);
    expect(clampIndex(3, 0)).toBe(-1);
  });
});

describe('document progress', () => {
  it('orders the bar approved first and drops empty statuses', () => {
    const parts = progressParts({ new: 50, translated: 30, approved: 20 }, 100);
    expect(parts.map((p) => [p.status, p.percent])).toEqual([
      ['approved', 20],
      ['translated', 30],
      ['new', 50],
    ]);
  });

  it.each([
    ['加快培育新质生产力。', 9],
    ['Accelerate the cultivation of new quality productive forces.', 8],
    ['推进“人工智能+”行动和AI for Science', 12],
    ["Zhangjiang Science City's high-quality development", 5],
  ])('counts %s as %i words', (text, n) => {
    expect(wordCount(text)).toBe(n);
  });
});
