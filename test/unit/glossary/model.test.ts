import { describe, expect, it } from 'vitest';
import { entryProblems, makeEntry, slugId } from '../../../glossary/model.ts';
import * as glossary from '../../../glossary/index.ts';

describe('the term model', () => {
  it('fills in the defaults the formats assume', () => {
    expect(makeEntry({ zh: '五个中心', en: 'Five Centers' })).toEqual({
      id: 'five-centers',
      zh: '五个中心',
      en: 'Five Centers',
      variants: [],
      forbidden: [],
      note: '',
      source: '',
      status: 'preferred',
      caseSensitive: false,
      match: 'inflected',
    });
  });

  it.each([
    ['new quality productive forces', 'new-quality-productive-forces'],
    ['AI Plus', 'ai-plus'],
    ['AI+', 'ai-plus'],
    ['15th Five-Year Plan', 't-15th-five-year-plan'],
    ['Zhangjiang Science City’s', 'zhangjiang-science-city-s'],
    ['新质生产力', '新质生产力'],
  ])('derives the id of “%s” as %s', (text, id) => {
    expect(slugId(text)).toBe(id);
  });

  it('reports entries that cannot be used, by field', () => {
    const bad = makeEntry({ zh: ' ', en: '', forbidden: ['Five Centers'] });
    expect(entryProblems(bad).map((p) => p.field)).toEqual(['zh', 'en']);
    const clash = makeEntry({ zh: '五个中心', en: 'Five Centers', forbidden: ['five centers'] });
    expect(entryProblems(clash)).toEqual([{ field: 'forbidden', message: "'five centers' is listed both as an accepted and as a forbidden rendering" }]);
    expect(entryProblems({ ...clash, caseSensitive: true })).toEqual([]);
    expect(entryProblems({ ...makeEntry({ zh: '五个中心', en: 'Five Centers' }), status: 'official' as never }).map((p) => p.field)).toEqual(['status']);
  });

  it('is reachable from the package index with the matching and checks', () => {
    const index = glossary.buildTermIndex([makeEntry({ zh: '五个中心', en: 'Five Centers' })]);
    expect(glossary.checkPair('加快建设五个中心', 'build the five centres', { index })).toEqual([]);
    expect(glossary.CHECK_IDS).toContain('number-mismatch');
  });
});
