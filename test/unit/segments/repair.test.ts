import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../../../segments/repair.ts';
import { repairSource } from '../../../segments/repair.ts';
import { splitSpans } from '../../../segments/rules.ts';
import { ZH_SENTENCE_RULES } from '../../../segments/rules-zh.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const seedRepair = repairSource(seed);
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Replays the repairs on the raw text; they must be a complete, ordered, non-overlapping edit script. */
function replay(raw: string, repairs: Repair[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of repairs) {
    expect(r.rawStart).toBeGreaterThanOrEqual(at);
    expect(raw.slice(r.rawStart, r.rawEnd)).toBe(r.before);
    parts.push(raw.slice(at, r.rawStart), r.after);
    at = r.rawEnd;
  }
  parts.push(raw.slice(at));
  return parts.join('');
}

describe('page-continuation markers', () => {
  it.each(['（上接第5版）', '（下转第6版）', '（转第8版）', '(上接第5版)', '(下转第6版)', '(转第8版)', '（紧接第一版）'])(
    'removes the marker line %s together with its line',
    (marker) => {
      const raw = `加快建设国际航运中心。\n\n${marker}\n\n推进科技创新。`;
      const result = repairSource(raw);
      expect(result.text).toBe('加快建设国际航运中心。\n\n推进科技创新。');
      expect(result.repairs).toEqual([{ kind: 'page-marker', rawStart: 13, rawEnd: 13 + marker.length + 2, before: `${marker}\n\n`, after: '' }]);
    },
  );

  it('removes a marker at the end of a line of text and keeps the text', () => {
    const result = repairSource('建立健全多层次常态化协调推进机制。（下转第6版）\n\n强化制度标准规则法治支撑。');
    expect(result.text).toBe('建立健全多层次常态化协调推进机制。\n\n强化制度标准规则法治支撑。');
  });

  it('removes the seed marker （上接第5版） and leaves the title and the first heading apart', () => {
    expect(seedRepair.text).not.toContain('上接');
    expect(seedRepair.text).toContain('上海市国民经济和社会发展第十五个五年规划纲要\n\n2.3 打造各具特色的航运服务集聚区。');
    expect(seedRepair.repairs.filter((r) => r.kind === 'page-marker').map((r) => r.before)).toEqual(['（上接第5版）\n\n']);
  });

  it('rejoins a paragraph that a page marker interrupts mid-word', () => {
    const result = repairSource('推进科技计划管理改革，推\n\n（下转第6版）\n\n动科技资源向急需紧缺领域倾斜。');
    expect(result.text).toBe('推进科技计划管理改革，推动科技资源向急需紧缺领域倾斜。');
    expect(result.repairs.map((r) => r.kind)).toEqual(['paragraph-join', 'page-marker']);
  });
});

describe('paragraph rejoin', () => {
  it.each([
    ['加快成果转化制度', '创新'],
    ['推', '动'],
    ['打造', '产城融合'],
    ['携手苏浙皖持续巩固提升', '长三角'],
  ])('rejoins the seed paragraph broken between %s and %s', (left, right) => {
    expect(seed).toContain(`${left}\n\n${right}`);
    expect(seedRepair.text).toContain(`${left}${right}`);
    const join = seedRepair.repairs.find((r) => r.kind === 'paragraph-join' && seed.slice(r.rawStart - left.length, r.rawStart) === left);
    expect(join).toMatchObject({ before: '\n\n', after: '' });
    expect(seed.slice(join!.rawEnd, join!.rawEnd + right.length)).toBe(right);
  });

  it('finds exactly those four breaks in the seed', () => {
    expect(seedRepair.repairs.filter((r) => r.kind === 'paragraph-join')).toHaveLength(4);
  });

  it.each(['上海市国民经济和社会发展第十五个五年规划纲要', '3. 加快航运数字智能绿色转型', '七、增强国际科技创新中心策源功能', '1. 加强原始创新和关键核心技术攻关', '十、优化完善城多功能布局'])(
    'keeps the heading or title %s on a line of its own',
    (heading) => {
      expect(lines(seedRepair.text)).toContain(heading);
    },
  );

  it.each([
    ['（一）总体要求\n\n坚持稳中求进。', '（一）总体要求\n\n坚持稳中求进。'],
    ['第一章 总则\n\n为了规范管理，制定本办法。', '第一章 总则\n\n为了规范管理，制定本办法。'],
    ['主要任务如下：\n\n推进科技创新。', '主要任务如下：\n\n推进科技创新。'],
    ['他说：“要加快发展。”\n\n然后继续。', '他说：“要加快发展。”\n\n然后继续。'],
    ['推进科技创新，加快\n\n1. 建设国际航运中心', '推进科技创新，加快\n\n1. 建设国际航运中心'],
    ['Summary.\n\nthe plan will\n\nboost growth.', 'Summary.\n\nthe plan will boost growth.'],
    ['总体目标。\n\n在2035\n\n年基本建成。', '总体目标。\n\n在2035年基本建成。'],
    ['总体目标。\n\n推进改革；\n\n扩大开放。', '总体目标。\n\n推进改革；扩大开放。'],
  ])('decides %j → %j', (raw, expected) => {
    expect(repairSource(raw).text).toBe(expected);
  });
});

describe('stray spaces', () => {
  it.each([
    ['服 务', '服务'],
    ['重大战 略', '重大战略'],
    ['措施 的', '措施的'],
    ['民营经济 发展', '民营经济发展'],
    ['结构和 管理', '结构和管理'],
  ])('removes the space in the seed\'s %s', (broken, fixed) => {
    expect(seed).toContain(broken);
    expect(seedRepair.text).not.toContain(broken);
    expect(seedRepair.text).toContain(fixed);
  });

  it('removes exactly those five spaces from the seed', () => {
    expect(seedRepair.repairs.filter((r) => r.kind === 'cjk-space').map((r) => r.before)).toEqual([' ', ' ', ' ', ' ', ' ']);
  });

  it.each(['开展多路径探索 and 比选争优。', '到 2030 年基础研究经费占比提高。', '推动 G60 科创走廊建设。', '采用 AI 技术。', '第一章　总则', '1.1 优化基础研究组织模式'])(
    'keeps the spaces around Latin words, numbers and outline numbers in %s',
    (text) => {
      expect(repairSource(text).text).toBe(text);
    },
  );

  it('removes the spaces left around a page marker inside a line', () => {
    expect(repairSource('推进科技 （下转第6版） 创新。').text).toBe('推进科技创新。');
    expect(repairSource('the plan （下转第6版） will work.').text).toBe('the plan will work.');
  });

  it('removes ideographic and no-break spaces between Chinese characters too', () => {
    expect(repairSource('完善人才政策和服\u3000务，打造\u00a0符合规律的生态。').text).toBe('完善人才政策和服务，打造符合规律的生态。');
  });
});

describe('Unicode NFC', () => {
  it.each([
    ['CJK compatibility ideograph', '\uf900', '\u8c48'],
    ['decomposed accent', 'e\u0301', 'é'],
    ['Hangul jamo', '\u1100\u1161', '\uac00'],
  ])('normalises a %s and reports it as an nfc repair', (_what, input, output) => {
    const result = repairSource(`推进${input}建设。`);
    expect(result.text).toBe(`推进${output}建设。`);
    expect(result.repairs).toEqual([{ kind: 'nfc', rawStart: 2, rawEnd: 2 + input.length, before: input, after: output }]);
  });

  it('leaves the already-NFC seed unchanged by NFC', () => {
    expect(seedRepair.repairs.some((r) => r.kind === 'nfc')).toBe(false);
  });
});

describe('offset map', () => {
  it('maps every sentence of the repaired seed back to its raw text', () => {
    const spans = splitSpans(seedRepair.text, ZH_SENTENCE_RULES);
    expect(spans.length).toBeGreaterThan(200);
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const { start, end } of spans) {
      const repaired = squash(seedRepair.text.slice(start, end));
      expect(squash(seed.slice(seedRepair.offsets.toRaw(start), seedRepair.offsets.toRawEnd(end)))).toBe(repaired);
      // No deletion in the seed sits right after a sentence, so the start-biased map works for ends too.
      expect(squash(seed.slice(seedRepair.offsets.toRaw(start), seedRepair.offsets.toRaw(end)))).toBe(repaired);
    }
  });

  it('maps the rejoined 推动 to the two raw characters on either side of the break', () => {
    const at = seedRepair.text.indexOf('改革，推动科技资源');
    const tui = at + 3;
    expect(seed[seedRepair.offsets.toRaw(tui)]).toBe('推');
    expect(seed[seedRepair.offsets.toRaw(tui + 1)]).toBe('动');
    expect(seedRepair.offsets.toRaw(tui + 1) - seedRepair.offsets.toRaw(tui)).toBe(3);
  });

  it('replays the seed repairs on the raw text to give the repaired text', () => {
    expect(replay(seed, seedRepair.repairs)).toBe(seedRepair.text);
  });
});

const piece = fc.constantFrom(
  '推', '动', '创', '新', '发展', '服', '务', '。', '，', '；', '：', '！', '？', '“', '”', '（', '）', '……',
  ' ', '  ', '\u3000', '\n', '\n\n', '\r\n', 'and', 'G60', '2030', '1.1 ', '3. ', '七、', '（一）',
  '（上接第5版）', '(下转第6版)', '（转第8版）', 'e\u0301', '\uf900', 'x',
);
const noisyText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('repair properties on random noisy text', () => {
  it('repairs replay on the raw text to the repaired text', () => {
    fc.assert(
      fc.property(noisyText, (raw) => {
        const result = repairSource(raw);
        expect(replay(raw, result.repairs)).toBe(result.text);
      }),
      { numRuns: 500 },
    );
  });

  it('the offset map is monotonic, stays inside the raw text, and never puts an end after a start', () => {
    fc.assert(
      fc.property(noisyText, (raw) => {
        const { text, offsets } = repairSource(raw);
        let lastStart = 0;
        let lastEnd = 0;
        for (let p = 0; p <= text.length; p++) {
          const start = offsets.toRaw(p);
          const end = offsets.toRawEnd(p);
          expect(start).toBeGreaterThanOrEqual(lastStart);
          expect(end).toBeGreaterThanOrEqual(lastEnd);
          expect(start).toBeLessThanOrEqual(raw.length);
          expect(end).toBeLessThanOrEqual(start);
          lastStart = start;
          lastEnd = end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no page marker and no space between two Chinese characters', () => {
    fc.assert(
      fc.property(noisyText, (raw) => {
        const { text } = repairSource(raw);
        expect(text).not.toMatch(/[（(](?:上接|下转|转)第\d版[）)]/);
        expect(text).not.toMatch(/\p{Script=Han}[ \u3000]+\p{Script=Han}/u);
        expect(text).toBe(text.normalize('NFC'));
      }),
      { numRuns: 500 },
    );
  });
});
