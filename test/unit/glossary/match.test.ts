import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermIndex, findRenderings, highlight, matchSource } from '../../../glossary/match.ts';
import { wordKey } from '../../../glossary/word-keys.ts';
import { makeEntry } from '../../../glossary/model.ts';
import { INDEX, entry } from './helpers.ts';

const terms = (zh: string) => matchSource(INDEX, zh).map((m) => zh.slice(m.start, m.end));

describe('Chinese matching finds the longest term at the leftmost position', () => {
  it.each([
    ['增强国际科技创新中心策源功能', ['国际科技创新中心']],
    ['坚持科技创新打头阵，引领发展新质生产力', ['科技创新', '新质生产力']],
    ['实施人工智能+行动', ['人工智能+']],
    ['结合人工智能应用推动一批专业转型升级', ['人工智能']],
    ['实施“人工智能＋”行动', ['人工智能＋']],
    ['1.1 共建上海（长三角）国际科技创新中心', ['长三角', '国际科技创新中心']],
    ['坚持两个毫不动摇，推进五个中心建设', ['两个毫不动摇', '五个中心']],
    ['服务高质量共建“一带一路”', ['一带一路']],
    ['加快形成智慧高效、绿色低碳的航运发展新格局', []],
  ])('%s → %j', (zh, expected) => {
    expect(terms(zh)).toEqual(expected);
  });

  it('reports spans that slice back to the term, counting every occurrence', () => {
    const zh = '基础研究先行区建设，持续加大财政科技基础研究投入，投入基础研究';
    const matches = matchSource(INDEX, zh);
    expect(matches.map((m) => [m.entry.zh, m.start, m.end])).toEqual([
      ['基础研究', 0, 4],
      ['基础研究', 18, 22],
      ['基础研究', 27, 31],
    ]);
  });

  it('handles overlapping candidates by taking the leftmost, then the longest', () => {
    const index = buildTermIndex([
      makeEntry({ zh: '科技创新', en: 'sci-tech innovation' }),
      makeEntry({ zh: '创新中心', en: 'innovation center' }),
      makeEntry({ zh: '国际科技创新中心', en: 'international sci-tech innovation center' }),
    ]);
    expect(matchSource(index, '科技创新中心').map((m) => m.entry.zh)).toEqual(['科技创新']);
    expect(matchSource(index, '国际科技创新中心').map((m) => m.entry.zh)).toEqual(['国际科技创新中心']);
    expect(matchSource(index, '国际科技创新').map((m) => m.entry.zh)).toEqual(['科技创新']);
  });
});

const found = (zh: string, en: string) => findRenderings(entry(zh), en).map((r) => [r.text, r.form]);

describe('English matching tolerates inflection, hyphens and British/American spelling', () => {
  it.each([
    ['新质生产力', 'We will drive the development of new quality productive forces.', 'new quality productive forces'],
    ['新质生产力', 'developing new quality productive forces', 'new quality productive forces'],
    ['新质生产力', 'New-Quality Productive Forces', 'New-Quality Productive Forces'],
    ['五个中心', 'the five centres', 'five centres'],
    ['五个中心', 'building the Five Centers', 'Five Centers'],
    ['五个中心', "the Five Center's goals", "Five Center's"],
    ['张江科学城', "Zhangjiang Science City's labs", "Zhangjiang Science City's"],
    ['张江科学城', 'two Zhangjiang science cities', 'Zhangjiang science cities'],
    ['产业集群', 'We will develop 10 hard-tech industrial clusters', 'industrial clusters'],
    ['集成电路', 'in integrated circuits, biomedicine', 'integrated circuits'],
    ['劳动力', 'the labor force', 'labor force'],
    ['劳动力', "the labour force's skills", "labour force's"],
    ['现代化产业体系', 'a modernized industrial system', 'modernized industrial system'],
    ['探索者计划', 'the "Explorer Programme" in depth', 'Explorer Programme'],
    ['制度型开放', 'Steadily Expanding Institutional Opening up', 'Institutional Opening up'],
    ['国际科技创新中心', 'an international sci‑tech innovation centre', 'international sci‑tech innovation centre'],
  ])('%s is found in “%s”', (zh, en, text) => {
    expect(found(zh, en)[0]?.[0]).toBe(text);
  });

  it.each([
    ['新质生产力', 'new quality productivity of labour'],
    ['五个中心', 'five central districts'],
    ['基础研究', 'basic researchers'],
    ['营商环境', 'businesses environmentally'],
    ['人工智能', 'the Great Wall is famous'],
    ['长三角', 'the Yangtze River Deltaic plain'],
  ])('%s is not found in “%s”', (zh, en) => {
    expect(found(zh, en)).toEqual([]);
  });

  it('counts every occurrence', () => {
    const en = 'Basic research needs long-term funding; basic research and applied basic research both count.';
    expect(findRenderings(entry('基础研究'), en)).toHaveLength(3);
  });

  it('labels variants and forbidden renderings and prefers the listed spelling on a tie', () => {
    expect(found('新质生产力', 'new-quality productive forces')).toEqual([['new-quality productive forces', 'variant']]);
    expect(found('新质生产力', 'new quality productive forces')).toEqual([['new quality productive forces', 'preferred']]);
    expect(found('新质生产力', 'cultivate new productive forces')).toEqual([['new productive forces', 'forbidden']]);
    expect(found('一带一路', 'the Belt and Road Initiative')).toEqual([['Belt and Road Initiative', 'variant']]);
    expect(found('一带一路', 'One Belt One Road (OBOR)')).toEqual([
      ['One Belt One Road', 'forbidden'],
      ['OBOR', 'forbidden'],
    ]);
  });

  it('respects case sensitivity and exact matching when the entry asks for it', () => {
    expect(found('人工智能+', 'the AI Plus initiative')).toEqual([['AI Plus', 'preferred']]);
    expect(found('人工智能+', 'the AI+ initiative')).toEqual([['AI+', 'variant']]);
    expect(found('人工智能+', 'the ai plus initiative')).toEqual([]);
    expect(found('人工智能+', 'the AI Pluses')).toEqual([]);
    expect(found('进口博览会', 'the CIIE')).toEqual([['CIIE', 'variant']]);
    expect(found('进口博览会', 'the ciie')).toEqual([]);
  });

  it('lets a prefix entry run on into longer words', () => {
    expect(found('国际化', 'internationalization of the city')).toEqual([['internationalization', 'preferred']]);
    expect(found('国际化', 'a highly internationalized workforce')).toEqual([['internationalized', 'preferred']]);
    expect(found('国际化', 'an international hub')).toEqual([]);
  });

  it('treats an exact entry literally: no plural, no hyphen for space', () => {
    const e = makeEntry({ zh: '一网通办', en: 'one-stop online service', match: 'exact' });
    expect(findRenderings(e, 'the one-stop online service portal').map((r) => r.text)).toEqual(['one-stop online service']);
    expect(findRenderings(e, 'one stop online services')).toEqual([]);
  });
});

describe('highlight gives the editor each source term with its renderings', () => {
  it('lists spans, preferred rendering, variants and forbidden renderings', () => {
    const zh = '坚持科技创新打头阵，引领发展新质生产力';
    const spans = highlight(INDEX, zh);
    expect(spans.map((s) => [s.text, s.start, s.end, s.preferred])).toEqual([
      ['科技创新', 2, 6, 'sci-tech innovation'],
      ['新质生产力', 14, 19, 'new quality productive forces'],
    ]);
    expect(spans[1].variants).toEqual(['new-quality productive forces']);
    expect(spans[1].forbidden).toEqual(['new productive forces', 'new-type productive forces']);
    expect(spans[1].termId).toBe('new-quality-productive-forces');
  });
});

describe('the flat lookup tables agree with a plain reading of the rules', () => {
  // Longest-leftmost by brute force: at each position the longest term starting there, then skip it.
  function naiveMatches(terms: string[], text: string): [string, number][] {
    const out: [string, number][] = [];
    for (let p = 0; p < text.length; ) {
      const longest = terms.filter((t) => text.startsWith(t, p)).sort((a, b) => b.length - a.length)[0];
      if (longest) {
        out.push([longest, p]);
        p += longest.length;
      } else p++;
    }
    return out;
  }

  it('matches Chinese like brute force, also where a state has many children (searched by halving)', () => {
    // Twenty-one characters and hundreds of terms: the root's children have well over eight children each.
    const chars = [...'科技创新中心国际产业集群发展高质量城市建设'];
    const term = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(term, { minLength: 150, maxLength: 600 }), fc.array(fc.constantFrom(...chars), { maxLength: 60 }), (terms, text) => {
        const zh = text.join('');
        const index = buildTermIndex(terms.map((t, k) => makeEntry({ id: `t${k}`, zh: t, en: `term ${k}` })));
        expect(matchSource(index, zh).map((m) => [m.entry.zh, m.start])).toEqual(naiveMatches(terms, zh));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps word identities while the table of surface words grows past its first size', () => {
    // Thousands of distinct words force the surface table to double several times; every rendering
    // must still be found exactly where a word with its key stands.
    const words = Array.from({ length: 6000 }, (_, k) => `w${k.toString(36)}x${(k * 7919).toString(36)}`);
    const target = words.join(' ');
    for (const k of [0, 1, 2047, 4096, 5999]) {
      const e = makeEntry({ zh: `词${k}`, en: words[k] });
      const found = findRenderings(e, target);
      expect(found.map((r) => r.text)).toEqual([words[k]]);
      expect(target.slice(found[0].start, found[0].end)).toBe(words[k]);
    }
  });

  it('tells apart two different words whose hashes collide', () => {
    // The surface table is keyed by the 32-bit FNV-1a hash of a word's code units; among 300,000
    // random seven-letter words a few pairs share a hash, and must still be different words.
    const fnv = (w: string) => {
      let h = 0x811c9dc5 | 0;
      for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
      return h;
    };
    let seed = 7;
    const letter = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return String.fromCharCode(97 + Math.floor((seed / 2 ** 32) * 26));
    };
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let k = 0; k < 300_000 && !pair; k++) {
      const w = Array.from({ length: 7 }, letter).join('');
      const other = byHash.get(fnv(w));
      if (other !== undefined && other !== w && wordKey(other) !== wordKey(w)) pair = [other, w];
      byHash.set(fnv(w), w);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    expect(findRenderings(makeEntry({ zh: '甲', en: a }), `${b} ${a}`).map((r) => r.text)).toEqual([a]);
    expect(findRenderings(makeEntry({ zh: '乙', en: b }), `${a} ${b} ${a}`).map((r) => r.text)).toEqual([b]);
  });
});
