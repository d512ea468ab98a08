import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, excerptOf, parseComment, quoteComment } from '../../../web/composables/commentQuote.ts';

const REJECTION = { id: 7, user: 'rui', body: 'Translate the whole heading and body: the pilot zones and strategic scientists are missing.' };
const LONG = {
  id: 9,
  user: 'tina',
  body: 'We will let sci-tech innovation lead the way and drive the development of new quality productive forces,\nstrengthen the supply of original, pioneering and leading achievements, and enhance our capacity for breakthroughs.',
};

describe('quoting a comment in a new comment', () => {
  it('opens the new comment with one quote line naming the original by id, and reads it back', () => {
    const body = quoteComment(REJECTION, '  Added 基础研究先行区 as "pilot zones for basic research".  ');
    expect(body).toBe(`> #7 rui: ${REJECTION.body}\n\nAdded 基础研究先行区 as "pilot zones for basic research".`);
    expect(parseComment(body)).toEqual({
      quote: { id: 7, user: 'rui', excerpt: REJECTION.body },
      text: 'Added 基础研究先行区 as "pilot zones for basic research".',
    });
  });

  it('quotes a long comment on one line, cut with an ellipsis', () => {
    const excerpt = excerptOf(LONG.body);
    expect(excerpt).toHaveLength(EXCERPT_CHARS);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toContain('\n');
    expect(parseComment(quoteComment(LONG, 'Agreed.')).quote?.excerpt).toBe(excerpt);
  });

  it("quotes a reply's own text, not the quote it holds", () => {
    const reply = { id: 10, user: 'tina', body: quoteComment(REJECTION, 'Fixed: pilot zones added.') };
    expect(parseComment(quoteComment(reply, 'Approved.'))).toEqual({ quote: { id: 10, user: 'tina', excerpt: 'Fixed: pilot zones added.' }, text: 'Approved.' });
  });

  it.each([
    ['a plain comment', '请核对“新质生产力”的译法。'],
    ['the old reply prefix', '↪ rui: Please check the term.'],
    ['a quote sign without an id', '> rui: check this\n\nok'],
  ])('leaves %s as plain text', (_name, body) => {
    expect(parseComment(body)).toEqual({ quote: null, text: body });
  });

  it('keeps a colon or line break in a user name from breaking the quote line', () => {
    const parsed = parseComment(quoteComment({ id: 3, user: 'a:b', body: 'x' }, 'y'));
    expect(parsed.quote).toEqual({ id: 3, user: 'a b', excerpt: 'x' });
  });
});
