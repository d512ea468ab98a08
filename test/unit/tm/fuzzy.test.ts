import { describe, expect, it } from 'vitest';
import { bigramKeys, normalize, similarity, TmIndex } from '../../../server/tm/fuzzy.ts';
import { sampleUnits } from '../../peers/sample.ts';

interface Unit {
  id: number;
  source: string;
  target: string;
  project: number;
}

function sampleIndex(): { index: TmIndex<Unit>; units: Unit[] } {
  const index = new TmIndex<Unit>();
  const units = sampleUnits().map((u, i) => ({ id: i + 1, source: u.source, target: u.target, project: i % 2 === 0 ? 1 : 2 }));
  for (const u of units) index.add(u);
  return { index, units };
}

const { index, units } = sampleIndex();
const find = (source: string) => units.find((u) => u.source === source)!;

describe('similarity (Dice over character bigrams, percent)', () => {
  it.each([
    ['the same sentence', '加快建设具有全球影响力的科技创新中心。', '加快建设具有全球影响力的科技创新中心。', 100, 100],
    ['the same sentence with full-width digits and spaces', '到２０３５年 基本建成', '到2035年基本建成', 100, 100],
    ['one character changed', '加快建设具有全球影响力的科技创新中心。', '加快建设具有世界影响力的科技创新中心。', 80, 99],
    ['one character added', '推动长三角一体化发展。', '推动长三角一体化高质量发展。', 75, 99],
    ['a different sentence on the same topic', '加快建设具有全球影响力的科技创新中心。', '强化国际科技创新中心策源功能。', 0, 59.9],
    ['unrelated sentences', '发展特色港区经济。', '完善城市更新体制机制。', 0, 10],
  ])('scores %s between %d and %d', (_name, a, b, low, high) => {
    const s = similarity(a, b);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
    expect(similarity(b, a)).toBe(s);
  });

  it('keeps 100 for identical normalized texts only', () => {
    // Same bigram set, different text: ABAB vs BABA share {AB, BA}.
    expect(similarity('上海上海', '海上海上')).toBe(99);
    expect(normalize('Ｐｕｄｏｎｇ　新区')).toBe('pudong新区');
  });

  it('gives a one-character text a key of its own', () => {
    expect(bigramKeys('城')).toHaveLength(1);
    expect(similarity('城', '城')).toBe(100);
    expect(similarity('城', '城市')).toBe(0);
  });
});

describe('TmIndex.match over the sample', () => {
  it('finds a repeated sentence at 100%', () => {
    const unit = find('深化空运通平台建设，推动跨境电商货物全链条数据流通认证。');
    const [best] = index.match(unit.source);
    expect(best.score).toBe(100);
    expect(best.entry.target).toBe(unit.target);
  });

  it('finds a sentence with a one-character edit with a high score, best first', () => {
    const unit = find('深化空运通平台建设，推动跨境电商货物全链条数据流通认证。');
    const matches = index.match('深化空运通平台建设，推动跨境电商货物全流程数据流通认证。');
    expect(matches[0].entry.id).toBe(unit.id);
    expect(matches[0].score).toBeGreaterThanOrEqual(85);
    expect(matches[0].score).toBeLessThan(100);
    for (let i = 1; i < matches.length; i++) expect(matches[i].score).toBeLessThanOrEqual(matches[i - 1].score);
  });

  it.each([
    '今天天气很好，我们去公园散步吧。',
    '完善城市更新体制机制，推动老旧小区改造。',
    'We will build an upgraded version of smart ports.',
  ])('returns nothing at or above 60%% for an unrelated sentence: %s', (query) => {
    const matches = index.match(query, { threshold: 0 });
    expect(matches.every((m) => m.score < 60)).toBe(true);
    expect(index.match(query)).toEqual([]);
  });

  it('returns every unit at or above the threshold, and only those', () => {
    const query = '加快建设具有全球影响力的科技创新中心，强化策源功能。';
    const expected = units.filter((u) => similarity(query, u.source) >= 60).map((u) => u.id).sort();
    expect(index.match(query, { limit: 1000 }).map((m) => m.entry.id).sort()).toEqual(expected);
  });

  it('agrees with similarity() for every unit it returns', () => {
    const query = '提升港口全域数字化服务能级';
    for (const m of index.match(query, { threshold: 30, limit: 50 })) expect(m.score).toBe(similarity(query, m.entry.source));
  });

  it('applies a filter before the limit', () => {
    const unit = find('深化空运通平台建设，推动跨境电商货物全链条数据流通认证。');
    const other = unit.project === 1 ? 2 : 1;
    expect(index.match(unit.source, { accept: (e) => e.project === other })).not.toContainEqual(expect.objectContaining({ score: 100 }));
  });

  it('prefers the more recent of two equal matches', () => {
    const small = new TmIndex<Unit>();
    small.add({ id: 1, source: '推动长三角一体化发展。', target: 'old', project: 1 });
    small.add({ id: 2, source: '推动长三角一体化发展。', target: 'new', project: 1 });
    expect(small.match('推动长三角一体化发展。').map((m) => m.entry.target)).toEqual(['new', 'old']);
  });
});

describe('TmIndex.concordance', () => {
  it.each([
    ['a Chinese term', '科技创新', 'source', (u: Unit) => u.source.includes('科技创新')],
    ['an English term, whatever its case', 'sci-tech innovation', 'target', (u: Unit) => u.target.toLowerCase().includes('sci-tech innovation')],
    ['an English place name', 'Lujiazui', 'target', (u: Unit) => u.target.includes('Lujiazui')],
  ])('finds %s in every unit holding it, newest first', (_name, term, side, holds) => {
    const hits = index.concordance(term, { limit: 1000 });
    const expected = units.filter(holds).map((u) => u.id).sort((a, b) => b - a);
    expect(expected.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.entry.id)).toEqual(expected);
    expect(hits.every((h) => h.in === side)).toBe(true);
  });

  it('says when a term is found on both sides', () => {
    const small = new TmIndex<Unit>();
    small.add({ id: 1, source: '建设5G网络', target: 'build 5G networks', project: 1 });
    expect(small.concordance('5G')).toEqual([{ entry: expect.objectContaining({ id: 1 }), in: 'both' }]);
  });

  it('finds nothing for a term that is not there', () => {
    expect(index.concordance('量子计算机')).toEqual([]);
    expect(index.concordance('quantum computer')).toEqual([]);
  });
});
