import { describe, expect, it } from 'vitest';
import { parseList, searchGlossary, toTermEntry } from '../../../web/composables/glossarySearch.ts';
import { GLOSSARY } from './fixtures.ts';

describe('searching the glossary manager', () => {
  it.each([
    ['新质生产力', '新质生产力'],
    ['新质', '新质生产力'],
    ['five centers', '五个中心'],
    ['OBOR', '一带一路'],
    ['new productive forces', '新质生产力'],
  ])('%s finds %s first', (query, zh) => {
    expect(searchGlossary(GLOSSARY, query)[0]?.zh).toBe(zh);
  });

  it('returns everything for an empty query and nothing for a stranger', () => {
    expect(searchGlossary(GLOSSARY, '  ')).toHaveLength(GLOSSARY.length);
    expect(searchGlossary(GLOSSARY, 'qwertyuiop')).toEqual([]);
  });

  it('reads | and line breaks as list separators, as the CSV format does', () => {
    expect(parseList('new-quality productive forces | new productive forces\nnew-type productive forces|')).toEqual([
      'new-quality productive forces',
      'new productive forces',
      'new-type productive forces',
    ]);
  });
});

describe("the server's glossary entries", () => {
  it('become term-base entries the checker can index, with the database id as a string', () => {
    const e = toTermEntry({ ...GLOSSARY[0], id: 17, externalId: GLOSSARY[0].id, updatedAt: '2026-11-29T15:00:00.000Z' });
    expect(e).toEqual({ ...GLOSSARY[0], id: '17' });
  });
});
