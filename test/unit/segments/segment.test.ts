import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../../../segments/repair.ts';
import type { SegmentedSource } from '../../../segments/segment.ts';
import { segmentSource } from '../../../segments/segment.ts';
import * as segmentsIndex from '../../../segments/index.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const sentences = segmentSource(seed);
const clauses = segmentSource(seed, { granularity: 'clause' });
const texts = (result: SegmentedSource) => result.segments.map((s) => s.text);

/** Glues segments and the separators around them; must give the repaired text back. */
function glue(result: SegmentedSource): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of result.segments) {
    parts.push(result.text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(result.text.slice(at));
  return parts.join('');
}

/** The raw range of a segment with the repairs inside it replayed: must give the segment text. */
function replayed(raw: string, repairs: Repair[], rawStart: number, rawEnd: number): string {
  let out = '';
  let at = rawStart;
  for (const r of repairs) {
    if (r.rawEnd <= rawStart || r.rawStart >= rawEnd) continue;
    expect(r.rawStart).toBeGreaterThanOrEqual(at); // repairs never overlap, and none straddles a segment boundary
    expect(r.rawEnd).toBeLessThanOrEqual(rawEnd);
    out += raw.slice(at, r.rawStart) + r.after;
    at = r.rawEnd;
  }
  return out + raw.slice(at, rawEnd);
}

function checkInvariants(raw: string, result: SegmentedSource): void {
  expect(glue(result)).toBe(result.text);
  let lastEnd = 0;
  let lastRawEnd = 0;
  for (const s of result.segments) {
    expect(s.text).toBe(result.text.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
    expect(s.text).not.toContain('\n');
    expect(s.start).toBeGreaterThanOrEqual(lastEnd);
    expect(s.rawStart).toBeGreaterThanOrEqual(lastRawEnd);
    expect(s.rawEnd).toBeGreaterThan(s.rawStart);
    expect(s.rawEnd).toBeLessThanOrEqual(raw.length);
    expect(replayed(raw, result.repairs, s.rawStart, s.rawEnd)).toBe(s.text);
    lastEnd = s.end;
    lastRawEnd = s.rawEnd;
  }
  // Separators are whitespace or the final punctuation cut off a heading.
  let at = 0;
  for (const s of result.segments) {
    expect(result.text.slice(at, s.start)).toMatch(/^[\s。！？!?…．.]*$/);
    at = s.end;
  }
  expect(result.text.slice(at)).toMatch(/^[\s。！？!?…．.]*$/);
}

describe('sentence segmentation of the seed', () => {
  it('starts with the title, then the 2.3 heading and its sentences', () => {
    expect(sentences.segments.slice(0, 4).map((s) => [s.text, s.section, s.heading])).toEqual([
      ['上海市国民经济和社会发展第十五个五年规划纲要', '', true],
      ['2.3 打造各具特色的航运服务集聚区', '2.3', true],
      [expect.stringMatching(/^发展特色港区经济，聚焦洋山—临港.*国际邮轮旅游度假区。$/), '2.3', false],
      [expect.stringMatching(/^提高中心城区高端航运服务能级，.*功能性机构。$/), '2.3', false],
    ]);
  });

  it('cuts `1.1 优化基础研究组织模式。深化…` into the heading without 。 and then the body sentences', () => {
    const i = texts(sentences).indexOf('1.1 优化基础研究组织模式');
    expect(i).toBeGreaterThan(0);
    const [heading, first, second] = sentences.segments.slice(i, i + 3);
    expect(heading).toMatchObject({ heading: true, section: '七 › 1 › 1.1' });
    expect(sentences.text.slice(heading.end, first.start)).toBe('。');
    expect(first.text.startsWith('深化基础研究先行区建设，')).toBe(true);
    expect(first.text.endsWith('。')).toBe(true);
    expect(first).toMatchObject({ heading: false, section: '七 › 1 › 1.1' });
    expect(second.text.startsWith('优化基础研究多元投入')).toBe(true);
  });

  it.each([
    ['3. 加快航运数字智能绿色转型', '3'],
    ['3.1 系统推进航运数字化智能化转型', '3 › 3.1'],
    ['七、增强国际科技创新中心策源功能', '七'],
    ['2.2 促进科技创新成果高效转化', '七 › 2 › 2.2'],
    ['3.3 深化财政投资价格等重点领域改革', '八 › 3 › 3.3'],
    ['十、优化完善城多功能布局', '十'],
  ])('makes %s a heading segment in section %s', (text, section) => {
    expect(sentences.segments.find((s) => s.text === text)).toMatchObject({ heading: true, section });
  });

  it.each(['加快成果转化制度创新，', '推进科技计划管理改革，推动科技资源', '打造产城融合、职住平衡', '携手苏浙皖持续巩固提升长三角高质量发展动力源作用'])(
    'keeps the rejoined paragraph text %s inside one segment',
    (joined) => {
      expect(sentences.segments.filter((s) => s.text.includes(joined))).toHaveLength(1);
    },
  );

  it('ends every body sentence with 。 (the seed has no other terminator)', () => {
    const body = sentences.segments.filter((s) => !s.heading);
    expect(body.length).toBeGreaterThan(180);
    for (const s of body) expect(s.text).toMatch(/。$/);
  });

  it('glues back to the repaired text and maps back to the raw text', () => {
    checkInvariants(seed, sentences);
  });

  it('glues no space into Chinese', () => {
    for (const s of sentences.segments) expect(s.text).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
  });

  it('attaches each seed warning to the segment it falls in', () => {
    const flagged = sentences.segments.filter((s) => s.warnings.length > 0);
    expect(flagged.map((s) => [s.warnings.map((w) => w.code).join(), s.text.slice(0, 10)])).toEqual([
      ['latin-in-cjk', '加强前沿技术和颠覆性'],
      ['repeated-char', '优化海外青年人才落户'],
      ['traditional-char', '以重大战略平台为依托'],
      ['latin-in-cjk', '推进市场设施高标准联'],
      ['repeated-word', '打造生态优势转化新标'],
    ]);
    for (const s of flagged) {
      for (const w of s.warnings) expect(seed.slice(s.rawStart, s.rawEnd)).toContain(seed.slice(w.rawStart, w.rawEnd));
    }
    expect(sentences.warnings).toHaveLength(5);
  });
});

describe('clause segmentation of the seed', () => {
  it('cuts finer than sentences, and every sentence boundary is a clause boundary', () => {
    expect(clauses.segments.length).toBeGreaterThan(sentences.segments.length * 2);
    const clauseStarts = new Set(clauses.segments.map((s) => s.start));
    const clauseEnds = new Set(clauses.segments.map((s) => s.end));
    for (const s of sentences.segments) {
      expect(clauseStarts.has(s.start)).toBe(true);
      expect(clauseEnds.has(s.end)).toBe(true);
    }
  });

  it('splits a sentence at the commas between its clauses and keeps the heading whole', () => {
    const i = texts(clauses).indexOf('1.1 优化基础研究组织模式');
    expect(texts(clauses).slice(i, i + 4)).toEqual(['1.1 优化基础研究组织模式', '深化基础研究先行区建设，', '发挥战略科学家主导作用，', '实施长周期稳定资助和长周期高度评价，']);
  });

  it('glues back to the repaired text and maps back to the raw text', () => {
    checkInvariants(seed, clauses);
  });
});

describe('segmentation of small documents', () => {
  it.each([
    ['他说：“要加快发展。”然后继续推进。', ['他说：“要加快发展。”', '然后继续推进。']],
    ['真的吗？当然！我们继续努力……下一步怎么办？', ['真的吗？', '当然！', '我们继续努力……', '下一步怎么办？']],
    ['共建上海（长三角）国际科技创新中心。落实方案。', ['共建上海（长三角）国际科技创新中心。', '落实方案。']],
  ])('cuts %s into sentences', (raw, expected) => {
    expect(texts(segmentSource(raw))).toEqual(expected);
  });

  it('cuts clauses at ；, ： and at the commas between clauses', () => {
    expect(texts(segmentSource('主要目标是：加快建设国际科技创新中心；全面提升城市能级和核心竞争力，持续增强国际影响力。', { granularity: 'clause' }))).toEqual([
      '主要目标是：',
      '加快建设国际科技创新中心；',
      '全面提升城市能级和核心竞争力，',
      '持续增强国际影响力。',
    ]);
  });

  it('removes a page marker between two halves of a sentence and keeps one segment', () => {
    const raw = '七、增强功能\n\n推进科技计划管理改革，推\n\n（下转第6版）\n\n动科技资源向急需紧缺领域倾斜。';
    const result = segmentSource(raw);
    expect(result.segments.map((s) => [s.text, s.section, s.heading])).toEqual([
      ['七、增强功能', '七', true],
      ['推进科技计划管理改革，推动科技资源向急需紧缺领域倾斜。', '七', false],
    ]);
    checkInvariants(raw, result);
  });

  it('segments the seed with Windows line ends exactly as with Unix ones', () => {
    const crlf = segmentSource(seed.replace(/\n/g, '\r\n'));
    expect(crlf.segments.map((s) => [s.text, s.section, s.heading])).toEqual(sentences.segments.map((s) => [s.text, s.section, s.heading]));
    expect(crlf.warnings.map((w) => w.code)).toEqual(sentences.warnings.map((w) => w.code));
    checkInvariants(seed.replace(/\n/g, '\r\n'), crlf);
  });

  it('rejoins paragraphs indented with ideographic spaces, dropping the indent of the continuation', () => {
    const raw = '\u3000\u3000推进科技计划管理改革，推\n\u3000\u3000动科技资源向急需紧缺领域倾斜。\n\u3000\u3000加强非共识项目遴选。';
    const result = segmentSource(raw);
    expect(texts(result)).toEqual(['推进科技计划管理改革，推动科技资源向急需紧缺领域倾斜。', '加强非共识项目遴选。']);
    checkInvariants(raw, result);
  });

  it('refuses an unknown granularity', () => {
    expect(() => segmentSource('推进改革。', { granularity: 'word' as 'sentence' })).toThrow(/unknown granularity "word"/);
  });

  it('uses caller-supplied rules instead of the default ones', () => {
    const rules = { language: 'zh', rules: [{ break: true, before: '、', after: '' }] };
    expect(texts(segmentSource('数字化、智能化、绿色化。', { rules }))).toEqual(['数字化、', '智能化、', '绿色化。']);
  });
});

const piece = fc.constantFrom(
  '推', '动', '创', '新', '发展', '服', '务', '。', '，', '；', '：', '！', '？', '“', '”', '（', '）', '《', '》', '……',
  ' ', '  ', '\u3000', '\n', '\n\n', '\r\n', 'and', 'G60', '2030', '1.1 ', '3. ', '七、', '（一）', '第一章 ',
  '（上接第5版）', '(下转第6版)', '（转第8版）', 'e\u0301', '\uf900', 'x', '留留留', '創',
);
const noisyText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('segmentation properties on random noisy text', () => {
  it.each(['sentence', 'clause'] as const)('%s segments glue back to the repaired text and map back to the raw text', (granularity) => {
    fc.assert(
      fc.property(noisyText, (raw) => {
        checkInvariants(raw, segmentSource(raw, { granularity }));
      }),
      { numRuns: 400 },
    );
  });

  it('holds on random excerpts of the seed with page markers, spaces and line breaks dropped in', () => {
    const noise = fc.constantFrom('（下转第6版）', '\n\n（上接第5版）\n\n', ' ', '\u3000', '\n', '\n\n', 'and ', '\uf900');
    const excerpt = fc
      .tuple(fc.nat(seed.length), fc.nat(3000), fc.array(fc.tuple(fc.nat(3000), noise), { maxLength: 8 }))
      .map(([from, length, inserts]) => {
        let text = seed.slice(from, from + length);
        for (const [at, what] of inserts) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + what + text.slice(p);
        }
        return text;
      });
    fc.assert(
      fc.property(excerpt, fc.constantFrom('sentence', 'clause') as fc.Arbitrary<'sentence' | 'clause'>, (raw, granularity) => {
        const result = segmentSource(raw, { granularity });
        checkInvariants(raw, result);
        for (const s of result.segments) expect(s.text).not.toMatch(/\p{Script=Han}[ \u3000]+\p{Script=Han}/u);
      }),
      { numRuns: 200 },
    );
  });

  it('attaches every warning to the segments it overlaps and to no other', () => {
    fc.assert(
      fc.property(noisyText, (raw) => {
        const result = segmentSource(raw);
        for (const s of result.segments) {
          const expected = result.warnings.filter((w) => w.rawStart < s.rawEnd && w.rawEnd > s.rawStart);
          expect(s.warnings).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('segments/index.ts', () => {
  it('re-exports the pure public contracts of DEVELOPERS.md, and not the file-reading lexicon loader', () => {
    for (const name of ['decodeText', 'DecodeError', 'repairSource', 'sourceWarnings', 'segmentSource', 'splitEnglish', 'splitEnglishSpans', 'align', 'splitSpans', 'parseSrx']) {
      expect(typeof (segmentsIndex as Record<string, unknown>)[name]).toBe('function');
    }
    for (const name of ['loadLexicon', 'ensureLexicon']) expect(segmentsIndex).not.toHaveProperty(name);
    expect(segmentsIndex.segmentSource('推进改革。扩大开放。').segments.map((s) => s.text)).toEqual(['推进改革。', '扩大开放。']);
  });
});
