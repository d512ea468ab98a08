import { describe, expect, it } from 'vitest';
import { CHECKS, CHECK_IDS, checkDocument, checkPair, getCheck } from '../../../glossary/checks/index.ts';
import type { CheckId, Finding } from '../../../glossary/checks/index.ts';
import { isBlank, isJsSpace } from '../../../glossary/checks/types.ts';
import { sourceWarnings } from '../../../segments/warnings.ts';
import { buildTermIndex } from '../../../glossary/match.ts';
import { makeEntry } from '../../../glossary/model.ts';
import { INDEX } from './helpers.ts';

const ctx = { index: INDEX };
const run = (id: CheckId, zh: string, en: string): Finding[] => checkPair(zh, en, ctx, { only: [id] });

describe('the check registry', () => {
  it('registers every check id of the issue once, each with a severity and an explanation', () => {
    expect([...CHECK_IDS].sort()).toEqual(
      ['empty-target', 'number-mismatch', 'punctuation', 'source-warning', 'target-equals-source', 'term-count', 'term-forbidden', 'term-inconsistent', 'term-missing', 'untranslated-cjk'].sort(),
    );
    for (const c of CHECKS) {
      expect(['error', 'warning', 'info']).toContain(c.severity);
      expect(c.explain.length).toBeGreaterThan(20);
    }
  });

  it('finds nothing in a faithful translation from the sample', () => {
    const zh = '坚持科技创新打头阵，引领发展新质生产力，为2035年建成国际科技创新中心奠定坚实基础。';
    const en =
      'We will let sci-tech innovation lead the way and drive the development of new quality productive forces, laying a solid foundation for building Shanghai into an international sci-tech innovation center by 2035.';
    expect(checkPair(zh, en, ctx)).toEqual([]);
  });
});

describe('term-missing', () => {
  it.each([
    ['引领发展新质生产力', 'drive the development of new productive forces', '新质生产力'],
    ['加快建设五个中心', 'accelerate the building of the four centres', '五个中心'],
    ['服务高质量共建“一带一路”', 'Supporting High-Quality Silk Road Cooperation', '一带一路'],
    ['持续优化国际一流营商环境', 'Continuing to Improve a World-Class International Investment Climate', '营商环境'],
  ])('fires for %s → “%s”', (zh, en, term) => {
    const found = run('term-missing', zh, en);
    expect(found.map((f) => f.term)).toEqual([term]);
    expect(zh.slice(found[0].sourceSpan!.start, found[0].sourceSpan!.end)).toBe(term);
    expect(found[0].severity).toBe('error');
  });

  it.each([
    ['引领发展新质生产力', 'developing new quality productive forces'],
    ['引领发展新质生产力', 'drive New-Quality Productive Forces'],
    ['加快建设五个中心', 'the five centres'],
    ['建设张江科学城', "Zhangjiang Science City's laboratories"],
    ['服务高质量共建“一带一路”', 'Supporting High-Quality Belt and Road Cooperation'],
    ['1.1 共建上海（长三角）国际科技创新中心', '1.1 Jointly Building the Shanghai (Yangtze River Delta) International Sci-Tech Innovation Center'],
    ['实施人工智能+行动', 'implement the AI+ initiative'],
    ['推进四个中心建设', 'advance the earlier goals'],
  ])('stays quiet for %s → “%s”', (zh, en) => {
    expect(run('term-missing', zh, en)).toEqual([]);
  });
});

describe('term-forbidden', () => {
  it.each([
    ['引领发展新质生产力。', 'Drive the development of new productive forces.', 'Drive the development of new quality productive forces.'],
    ['服务高质量共建“一带一路”', 'Serving One Belt One Road', 'Serving Belt and Road'],
    ['推进中国式现代化', 'Chinese-style modernization is advancing', 'Chinese modernization is advancing'],
    ['深化与共建国家合作', 'deepen cooperation with OBOR countries', 'deepen cooperation with Belt and Road countries'],
  ])('fires for “%s” and suggests the preferred rendering', (zh, en, suggestion) => {
    const found = run('term-forbidden', zh, en);
    expect(found).toHaveLength(1);
    expect(found[0].suggestion).toBe(suggestion);
    expect(en.slice(found[0].targetSpan!.start, found[0].targetSpan!.end)).toMatch(/new productive forces|One Belt One Road|Chinese-style modernization|OBOR/);
  });

  it('keeps the capital of a forbidden rendering at the start of a sentence', () => {
    const [f] = run('term-forbidden', '新质生产力', 'New productive forces are rising.');
    expect(f.suggestion).toBe('New quality productive forces are rising.');
  });

  it.each([
    ['引领发展新质生产力', 'new quality productive forces'],
    ['共建“一带一路”', 'the Belt and Road Initiative'],
    ['推进中国式现代化', 'advance Chinese modernization'],
  ])('stays quiet for %s → “%s”', (zh, en) => {
    expect(run('term-forbidden', zh, en)).toEqual([]);
  });
});

describe('term-count', () => {
  it('fires when the source repeats a term more often than the target renders it', () => {
    const zh = '深化基础研究先行区建设，持续加大财政科技基础研究投入';
    const en = 'We will deepen the development of the pilot zone for basic research and increase government funding for it.';
    const found = run('term-count', zh, en);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ term: '基础研究', severity: 'warning' });
  });

  it.each([
    ['深化基础研究先行区建设，持续加大财政科技基础研究投入', 'deepen the basic research pilot zone and increase funding for basic research'],
    ['深化基础研究先行区建设', 'deepen the pilot zone'],
  ])('stays quiet for %s → “%s”', (zh, en) => {
    expect(run('term-count', zh, en)).toEqual([]);
  });
});

describe('term-inconsistent', () => {
  it('fires within a segment that uses two renderings of one term', () => {
    const found = run('term-inconsistent', '科技创新和科技创新', 'sci-tech innovation and scientific and technological innovation');
    expect(found).toHaveLength(1);
    expect(found[0].term).toBe('科技创新');
  });

  it('fires across a document on the segments that depart from the majority rendering', () => {
    const pairs = [
      { source: '坚持科技创新打头阵', target: 'Let sci-tech innovation lead the way.' },
      { source: '2.1 强化企业科技创新主体地位', target: '2.1 Strengthening the Principal Role of Enterprises in Sci-Tech Innovation' },
      { source: '促进科技创新成果高效转化', target: 'Promoting the commercialization of scientific and technological innovation results' },
      { source: '加快建设五个中心', target: 'the Five Centers' },
    ];
    const found = checkDocument(pairs, ctx, { only: ['term-inconsistent'] });
    expect(found.map((f) => f.length)).toEqual([0, 0, 1, 0]);
    expect(found[2][0].message).toContain('“sci-tech innovation” 2 times');
    expect(found[2][0].suggestion).toBe('Promoting the commercialization of sci-tech innovation results');
    expect(getCheck('term-inconsistent')!.checkDocument!(pairs, ctx)).toEqual(found);
  });

  it('breaks a tie in favour of the preferred rendering, then of the one met first', () => {
    const tie = [
      { source: '促进科技创新成果转化', target: 'scientific and technological innovation results' },
      { source: '坚持科技创新打头阵', target: 'Let sci-tech innovation lead the way.' },
    ];
    const found = checkDocument(tie, ctx, { only: ['term-inconsistent'] });
    expect(found.map((f) => f.length)).toEqual([1, 0]);
    expect(found[0][0].message).toContain('but “sci-tech innovation” once');
    // Two variants, once each, the preferred rendering never used: the first one met wins.
    const index = buildTermIndex([
      makeEntry({ zh: '营商环境', en: 'business environment', variants: ['business climate', 'business setting'] }),
    ]);
    const variantsOnly = [
      { source: '优化营商环境', target: 'improve the business setting' },
      { source: '营商环境', target: 'the business climate' },
    ];
    const second = checkDocument(variantsOnly, { index }, { only: ['term-inconsistent'] });
    expect(second.map((f) => f.length)).toEqual([0, 1]);
    expect(second[1][0].suggestion).toBe('the business setting');
  });

  it('does not count plurals and spellings of one rendering as different renderings', () => {
    const pairs = [
      { source: '产业集群', target: 'an industrial cluster' },
      { source: '产业集群', target: 'industrial clusters' },
      { source: '五个中心', target: 'the Five Centers' },
      { source: '五个中心', target: 'the five centres' },
    ];
    expect(checkDocument(pairs, ctx, { only: ['term-inconsistent'] }).flat()).toEqual([]);
  });
});

describe('number-mismatch', () => {
  it.each([
    ['到2030年技术合同成交额突破1万亿元。', 'By 2035, the value of technology contract transactions will exceed 1 trillion yuan.', ['2030', '2035']],
    ['到2030年技术合同成交额突破1万亿元。', 'By 2030, the value will exceed 100 billion yuan.', ['1万亿', '100 billion']],
    ['比重达到15%左右', 'its share will reach around 12 percent', ['15%', '12 percent']],
    ['大力发展10个千亿级硬核产业集群', 'develop 10 hard-tech industrial clusters', ['千亿']],
    ['上海市国民经济和社会发展第十五个五年规划纲要', 'Outline of the 14th Five-Year Plan', ['第十五', '14th']],
  ])('fires for %s → “%s”', (zh, en, texts) => {
    const found = run('number-mismatch', zh, en);
    const flagged = found.map((f) => (f.sourceSpan ? zh.slice(f.sourceSpan.start, f.sourceSpan.end) : en.slice(f.targetSpan!.start, f.targetSpan!.end)));
    expect(flagged).toEqual(texts);
  });

  it.each([
    ['到2030年技术合同成交额突破1万亿元。', 'By 2030, the value of technology contract transactions will exceed 1 trillion yuan.'],
    ['到2030年技术合同成交额突破1万亿元。', 'By 2030, it will exceed RMB 1,000 billion.'],
    ['到2030年基础研究经费支出占全社会研发经费支出比重达到15%左右', 'By 2030, basic research will account for about 15 per cent of R&D spending.'],
    ['大力发展10个千亿级硬核产业集群', 'develop 10 hard-tech industrial clusters each worth 100 billion yuan'],
    ['上海市国民经济和社会发展第十五个五年规划纲要', 'Outline of the 15th Five-Year Plan for Economic and Social Development of Shanghai Municipality'],
    ['“十五五”时期', 'the 15th Five-Year Plan period'],
    ['打造长三角企业走出去服务第一站', 'make it the first stop for YRD enterprises going global'],
    ['坚持两个毫不动摇', 'uphold the Two Unwaverings'],
    ['坚持两个毫不动摇', 'unswervingly consolidate and develop the public sector and encourage the private sector'],
    ['推进长三角一体化发展，服务构建全国统一大市场', 'advance integrated development of the Yangtze River Delta and a unified national market'],
    ['服务高质量共建“一带一路”', 'Supporting High-Quality Belt and Road Cooperation'],
    ['3.2 深化科技体制机制改革', '3.2 Deepening Reform of Sci-Tech Institutions and Mechanisms'],
    ['推动G60科创走廊建设走深走实', 'advance the G60 Science and Innovation Corridor'],
    ['建设五个新城', 'build five new towns'],
  ])('stays quiet for %s → “%s”', (zh, en) => {
    expect(run('number-mismatch', zh, en)).toEqual([]);
  });
});

describe('untranslated-cjk', () => {
  it('fires on Chinese left in the target and replaces glossary terms with their rendering', () => {
    const en = 'We will build 张江科学城 and 新质生产力.';
    const found = run('untranslated-cjk', '建设张江科学城', en);
    expect(found.map((f) => en.slice(f.targetSpan!.start, f.targetSpan!.end))).toEqual(['张江科学城', '新质生产力']);
    expect(found[0].suggestion).toBe('We will build Zhangjiang Science City and new quality productive forces.');
  });

  it('proposes no fix for Chinese that is not a glossary term', () => {
    const [f] = run('untranslated-cjk', '耐心资本', 'patient 资本');
    expect(f.suggestion).toBeUndefined();
  });

  it.each([['建设张江科学城', 'build Zhangjiang Science City'], ['加强“探索者计划”', 'strengthen the “Explorer Program”（sic）']])('stays quiet for “%s”', (zh, en) => {
    expect(run('untranslated-cjk', zh, en)).toEqual([]);
  });
});

describe('empty-target and target-equals-source', () => {
  it.each([
    ['empty-target', '建设张江科学城', ''],
    ['empty-target', '建设张江科学城', '   '],
    ['target-equals-source', '建设张江科学城', '建设张江科学城'],
    ['target-equals-source', 'G60科创走廊', ' G60科创走廊 '],
  ] as const)('%s fires for “%s” → “%s”', (id, zh, en) => {
    expect(run(id, zh, en).map((f) => f.check)).toEqual([id]);
  });

  it.each([
    ['empty-target', '', ''],
    ['empty-target', '建设张江科学城', 'build Zhangjiang Science City'],
    ['target-equals-source', '2.3', '2.3'],
    ['target-equals-source', '建设张江科学城', 'build Zhangjiang Science City'],
  ] as const)('%s stays quiet for “%s” → “%s”', (id, zh, en) => {
    expect(run(id, zh, en)).toEqual([]);
  });
});

describe('punctuation', () => {
  it.each([
    ['建设张江科学城。', 'We will build Zhangjiang Science City，and more.', 'full-width punctuation in English: ，', 'We will build Zhangjiang Science City, and more.'],
    ['建设张江科学城。', 'We will build  Zhangjiang Science City.', 'doubled space', 'We will build Zhangjiang Science City.'],
    ['建设张江科学城。', 'We will build Zhangjiang Science City', 'the source ends with a full stop but the target has no final punctuation', 'We will build Zhangjiang Science City.'],
    ['1.1 共建上海（长三角）国际科技创新中心', '1.1 Jointly Building the Shanghai (Yangtze River Delta International Sci-Tech Innovation Center', 'unclosed (', undefined],
    ['深入实施“探索者计划”。', 'We will implement the "Explorer Program in depth.', 'odd number of " quotes', undefined],
    ['深入实施“探索者计划”。', 'We will implement the 《Explorer Program》 in depth.', 'full-width punctuation in English: 《', 'We will implement the "Explorer Program" in depth.'],
  ])('fires for “%s” → “%s”', (zh, en, message, suggestion) => {
    const found = run('punctuation', zh, en);
    expect(found.map((f) => f.message)).toContain(message);
    expect(found[0].suggestion).toBe(suggestion);
  });

  it.each([
    ['建设张江科学城。', 'We will build Zhangjiang Science City.'],
    ['深入实施“探索者计划”。', 'We will implement the “Explorer Program” in depth.'],
    ['1.1 共建上海（长三角）国际科技创新中心', '1.1 Jointly Building the Shanghai (Yangtze River Delta) International Sci-Tech Innovation Center'],
    ['是否加快建设？', 'Should we speed up?'],
  ])('stays quiet for “%s” → “%s”', (zh, en) => {
    expect(run('punctuation', zh, en)).toEqual([]);
  });
});

describe('source-warning', () => {
  it('carries the foundation’s source warnings onto the segment with their spans', () => {
    const zh = '鼓励多路径探索 and 比选争优，完善居留留留许可';
    const found = checkPair(zh, 'encourage exploration along multiple paths', { ...ctx, warnings: sourceWarnings(zh) }, { only: ['source-warning'] });
    expect(found.map((f) => f.message.split(':')[0])).toEqual(['latin-in-cjk', 'repeated-char']);
    expect(zh.slice(found[1].sourceSpan!.start, found[1].sourceSpan!.end)).toBe('留留留');
  });

  it('places document warnings relative to the segment’s raw offset', () => {
    const doc = '前文。首創性改革';
    const warnings = sourceWarnings(doc);
    const [found] = checkDocument([{ source: '首創性改革', target: 'pioneering reform', warnings, rawStart: 3 }], ctx, { only: ['source-warning'] });
    expect(found).toHaveLength(1);
    expect(found[0].sourceSpan).toEqual({ start: 1, end: 2 });
  });

  it('stays quiet when the segment has no warnings', () => {
    expect(run('source-warning', '建设张江科学城', 'build Zhangjiang Science City')).toEqual([]);
  });
});

describe('fixes', () => {
  it('are offered by the checks that can propose a corrected target', () => {
    expect(CHECKS.filter((c) => c.fix).map((c) => c.id).sort()).toEqual(['punctuation', 'term-forbidden', 'untranslated-cjk']);
    expect(getCheck('term-forbidden')!.fix!('新质生产力', 'new productive forces', ctx)).toBe('new quality productive forces');
  });
});

describe('the checks share one reading of white space', () => {
  it('agrees with JavaScript’s \\s on every UTF-16 code unit', () => {
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differing.push(c);
    expect(differing).toEqual([]);
  });

  it.each([['', true], [' \u3000\t\n', true], ['\ufeff', true], [' a ', false], ['\u200b', false]])('calls %j blank: %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
    expect(isBlank(text)).toBe(text.trim() === '');
  });
});
