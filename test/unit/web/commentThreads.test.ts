import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, excerptOf, threadComments } from '../../../web/composables/commentThreads.ts';

const at = (minute: number) => `2026-11-29T09:${String(minute).padStart(2, '0')}:00.000Z`;
const comment = (id: number, minute: number, replyTo: number | null, body: string) => ({ id, createdAt: at(minute), replyTo, body });

describe('threadComments groups a segment’s comments under the comment that started each thread', () => {
  it('keeps threads in the order they were started and replies in the order they were written', () => {
    const comments = [
      comment(3, 12, 1, 'Shipping, as in the Shanghai portal.'),
      comment(1, 10, null, '“航运”: shipping or maritime?'),
      comment(2, 11, null, 'Rejected: 新质生产力 must be “new quality productive forces”.'),
      comment(5, 14, 1, 'Agreed.'),
      comment(4, 13, 2, 'Fixed.'),
    ];
    expect(threadComments(comments).map((t) => [t.start.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [3, 5]],
      [2, [4]],
    ]);
  });

  it('shows a reply whose first comment is gone as a thread of its own, in time order', () => {
    const comments = [comment(7, 20, 99, 'Answer to a removed comment'), comment(6, 19, null, 'Question')];
    expect(threadComments(comments).map((t) => [t.start.id, t.replies.length])).toEqual([
      [6, 0],
      [7, 0],
    ]);
  });

  it('returns no threads for no comments', () => {
    expect(threadComments([])).toEqual([]);
  });
});

describe('excerptOf puts the comment being answered on one line', () => {
  it.each([
    ['  “基础研究先行区”\nshould read\n“pilot zones”  ', '“基础研究先行区” should read “pilot zones”'],
    ['x'.repeat(EXCERPT_CHARS), 'x'.repeat(EXCERPT_CHARS)],
    ['y'.repeat(EXCERPT_CHARS + 5), `${'y'.repeat(EXCERPT_CHARS - 1)}…`],
  ])('%j → %j', (body, excerpt) => {
    expect(excerptOf(body)).toBe(excerpt);
  });
});
