import { describe, expect, it } from 'vitest';
import { extractNumbers, mayHaveStrongNumbers, parseChineseNumeral } from '../../../glossary/numbers.ts';

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

describe('the scanners read every written form of a number', () => {
  const read = (text: string, lang: 'zh' | 'en') =>
    extractNumbers(text, lang).map((n) => `${n.text}=${n.value}${n.kind === 'percent' ? '%' : n.kind === 'ordinal' ? 'th' : n.kind === 'year' ? 'y' : ''}${n.strong ? '' : '?'}`);

  it.each([
    ['新建１，０００吨级泊位', ['１，０００=1000']],
    ['建成3千米滨江步道', ['3=3']],
    ['“十四五”规划', ['十四=14th', '五=5?']],
    ['与三十多个国家合作', ['三十=30']],
    ['完成十余项改革', ['十=10']],
    ['比重提高３．５％', ['３．５％=3.5%']],
    ['培育两到三个产业集群', ['两=2?', '三=3']],
    ['百分之五十以上', ['百分之五十=50%']],
    ['第百分之五', ['第百分之五=5th']],
    ['到二〇三〇年', ['二〇三〇=2030y']],
    ['一九九八', []],
    ['规模5千年', ['5千=5000']],
  ])('%s → %j', (zh, expected) => {
    expect(read(zh, 'zh')).toEqual(expected);
  });

  it.each([
    ['up five percentage points', ['five percentage=5%']],
    ['up １５ percent', ['１５ percent=15%']],
    ['one per cent of GDP', ['one per cent=1%']],
    ['a thousand and one projects', ['thousand and one=1001']],
    ['RMB 3 bn yuan', ['3 bn=3000000000']],
    ['the 1st and 2nd phases', ['1st=1th?', '2nd=2th']],
    ['twenty‐one districts', ['twenty‐one=21']],
    ['1,000.5 tonnes', ['1,000.5=1000.5']],
    ['in the 2030s', ['2030=2030y']],
    ['two-thirds of the funds', ['two=2?']],
    // Full-width letters are read as words only once the text as written shows a number.
    ['ｆｉｆｔｅｅｎ percent', []],
    ['ｆｉｆｔｅｅｎ percent, 2030', ['ｆｉｆｔｅｅｎ percent=15%', '2030=2030y']],
  ])('%s → %j', (en, expected) => {
    expect(read(en, 'en')).toEqual(expected);
  });

  it.each([
    ['five percentage points', false],
    ['nine and five', false],
    ['the first stop', false],
    ['the fifteenth plan', true],
    ['１５ percent', true],
    ['a hundred', true],
  ])('mayHaveStrongNumbers(%j) is %s by the look of the words alone', (en, expected) => {
    expect(mayHaveStrongNumbers(en, 'en')).toBe(expected);
  });
});
