import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairSource } from '../../../segments/repair.ts';
import { chineseNumberValue, detectStructure, matchOutline } from '../../../segments/structure.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const seedText = repairSource(seed).text;

describe('outline numbering', () => {
  it.each([
    ['七、增强国际科技创新中心策源功能', 'cn', '七', [7]],
    ['十、优化完善城多功能布局', 'cn', '十', [10]],
    ['1. 加强原始创新和关键核心技术攻关', 'arabic', '1', [1]],
    ['3、加快转型', 'arabic', '3', [3]],
    ['1.1 优化基础研究组织模式。深化基础研究先行区建设', 'arabic', '1.1', [1, 1]],
    ['2.3.4 细化任务', 'arabic', '2.3.4', [2, 3, 4]],
    ['（一）总体要求', 'paren-cn', '（一）', [1]],
    ['（十二）保障措施', 'paren-cn', '（十二）', [12]],
    ['第一章 总则', 'chapter', '第一章', [1]],
    ['第二十三章　附则', 'chapter', '第二十三章', [23]],
    ['第二节 主要目标', 'section', '第二节', [2]],
    ['（3）加强监管', 'paren-arabic', '（3）', [3]],
    ['②推进改革', 'circled', '②', [2]],
  ])('reads %s as %s %s', (line, style, label, numbers) => {
    expect(matchOutline(line)).toMatchObject({ style, label, numbers });
  });

  it.each(['2035年建成国际科技创新中心', '1.5倍', '10个千亿级产业集群', '上海市国民经济和社会发展第十五个五年规划纲要', '把握数字化、智能化机遇', '一体推进教育科技人才发展'])(
    'does not take %s for a heading number',
    (line) => {
      expect(matchOutline(line)).toBeNull();
    },
  );

  it('ranks the styles chapter > section > 一、 > （一） > 1. > 1.1 > （1） > ①', () => {
    const ranks = ['第一章 甲', '第一节 甲', '一、甲', '（一）甲', '1. 甲', '1.1 甲', '（1）甲', '①甲'].map((l) => matchOutline(l)!.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it.each([
    ['十五', 15],
    ['二十三', 23],
    ['一百零二', 102],
    ['两', 2],
    ['12', 12],
  ])('reads the numeral %s as %d', (text, value) => {
    expect(chineseNumberValue(text)).toBe(value);
  });
});

describe('the seed outline', () => {
  const lines = detectStructure(seedText);
  const headings = lines.filter((l) => l.headingEnd !== null);

  it('detects the title, then 2.3, 3 and 3.1 under the unknown chapter before 七', () => {
    const [title, ...rest] = headings;
    expect(title.title).toBe(true);
    expect(seedText.slice(title.start, title.headingEnd!)).toBe('上海市国民经济和社会发展第十五个五年规划纲要');
    expect(rest.slice(0, 5).map((l) => l.path.join(' › '))).toEqual(['2.3', '3', '3 › 3.1', '3 › 3.2', '七']);
  });

  it.each([
    ['1.1 优化基础研究组织模式', '七 › 1 › 1.1'],
    ['3. 一体推进教育科技人才发展', '七 › 3'],
    ['八、全面深化高水平改革开放', '八'],
    ['2.3 服务高质量共建“一带一路”', '八 › 2 › 2.3'],
    ['3.3 有力联动长江经济带发展', '九 › 3 › 3.3'],
    ['十、优化完善城多功能布局', '十'],
  ])('puts the heading %s at %s', (heading, path) => {
    const line = headings.find((l) => seedText.slice(l.start, l.headingEnd!) === heading);
    expect(line?.path.join(' › ')).toBe(path);
  });

  it('has the title plus the 52 numbered lines of the seed as headings, and no numbering problems', () => {
    expect(headings).toHaveLength(53);
    expect(lines.flatMap((l) => l.problems)).toEqual([]);
  });

  it('keeps body paragraphs in the section of the heading above them', () => {
    const body = lines.find((l) => seedText.slice(l.start).startsWith('把握数字化、智能化、绿色化机遇'));
    expect(body?.path).toEqual(['3']);
    expect(body?.headingEnd).toBeNull();
  });

  it('treats a numbered line whose first sentence has clauses as a numbered paragraph, not a heading', () => {
    const [line] = detectStructure('1. 坚持党的全面领导，坚持以人民为中心，推动高质量发展。');
    expect(line.path).toEqual(['1']);
    expect(line.headingEnd).toBeNull();
  });
});
