import { describe, expect, it } from 'vitest';
import { extractNumbers, parseChineseNumeral } from '../../../glossary/numbers.ts';

const values = (text: string, lang: 'zh' | 'en') => extractNumbers(text, lang).map((n) => n.value);
const strong = (text: string, lang: 'zh' | 'en') =>
  extractNumbers(text, lang)
    .filter((n) => n.strong)
    .map((n) => n.value);

describe('Chinese numerals are read by value', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十一', 21],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万五千', 35000],
    ['十二万', 120000],
    ['千亿', 1e11],
    ['一万亿', 1e12],
    ['一亿二千万', 1.2e8],
    ['二〇三五', 2035],
  ])('%s = %d', (zh, value) => {
    expect(parseChineseNumeral(zh)).toBe(value);
  });

  it('rejects runs that are not one numeral', () => {
    expect(parseChineseNumeral('三十五五')).toBeNull();
  });
});

describe('numbers in Chinese source text', () => {
  it.each([
    ['到2030年基础研究经费支出占全社会研发经费支出比重达到15%左右', [2030, 15]],
    ['到2030年技术合同成交额突破1万亿元。', [2030, 1e12]],
    ['大力发展集成电路等10个千亿级硬核产业集群', [10, 1e11]],
    ['上海市国民经济和社会发展第十五个五年规划纲要', [15, 5]],
    ['“十五五”时期', [15, 5]],
    ['为二〇三五年基本实现现代化打下基础', [2035]],
    ['比重提高到百分之十五', [15]],
    ['三至五年内', [3, 5]],
    ['（上接第5版）', [5]],
    ['2.3 打造各具特色的航运服务集聚区', [2.3]],
    ['推动Ｇ６０科创走廊建设', [60]],
    ['新增３．５万平方公里', [35000]],
  ])('%s → %j', (zh, expected) => {
    expect(values(zh, 'zh')).toEqual(expected);
  });

  it.each([
    ['推进长三角一体化发展'],
    ['服务高质量共建“一带一路”'],
    ['服务构建全国统一大市场'],
    ['惠及千家万户'],
    ['推动双碳目标实现'],
    ['一网通办、一网统管'],
  ])('finds no number that must be translated in %s', (zh) => {
    expect(strong(zh, 'zh')).toEqual([]);
  });

  it('keeps small idiomatic quantities weak: 第一站, 两个毫不动摇, 一批', () => {
    for (const zh of ['打造长三角企业走出去服务第一站', '坚持两个毫不动摇', '推动一批专业转型升级']) {
      expect(strong(zh, 'zh')).toEqual([]);
    }
    expect(values('打造长三角企业走出去服务第一站', 'zh')).toEqual([1]);
  });

  it('skips masked spans such as glossary terms', () => {
    const zh = '坚持两个毫不动摇，建设五个中心';
    expect(extractNumbers(zh, 'zh', { mask: [{ start: 11, end: 15 }] }).map((n) => n.value)).toEqual([2]);
  });
});

describe('numbers in English target text', () => {
  it.each([
    ['By 2030, the value of technology contract transactions will exceed 1 trillion yuan.', [2030, 1e12]],
    ['around 15 percent', [15]],
    ['around 15 per cent', [15]],
    ['up 15 pct', [15]],
    ['about 15% of total R&D spending', [15]],
    ['10 hard-tech industrial clusters each worth 100 billion yuan', [10, 1e11]],
    ['ten clusters worth a hundred billion yuan each', [10, 1e11]],
    ['RMB 1,000 billion', [1e12]],
    ['one trillion yuan', [1e12]],
    ['twenty-one per cent', [21]],
    ['Outline of the 15th Five-Year Plan', [15, 5]],
    ['the fifteenth plan', [15]],
    ['the first stop for going global', [1]],
    ['over the next three to five years', [3, 5]],
    ['the G60 Science and Innovation Corridor', [60]],
    ['one hundred and five projects', [105]],
  ])('%s → %j', (en, expected) => {
    expect(values(en, 'en')).toEqual(expected);
  });

  it('reads no numbers out of words that only contain number words', () => {
    expect(values('often the tone of someone weighty', 'en')).toEqual([]);
  });

  it('marks small number words weak and figures strong', () => {
    expect(strong('one of the five centers', 'en')).toEqual([]);
    expect(strong('12 new towns and 15 percent', 'en')).toEqual([12, 15]);
  });
});
