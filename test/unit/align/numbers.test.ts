import { describe, expect, it } from 'vitest';
import { englishNumberWord, parseChineseNumeral, romanNumeral } from '../../../segments/align/numbers.ts';
import { tokenizeChinese, tokenizeEnglish } from '../../../segments/align/tokens.ts';
import { lexiconFromPairs } from '../../../segments/align/lexicon.ts';

const lexicon = lexiconFromPairs([
  { zh: '规划', en: 'plan' },
  { zh: '一些', en: 'a few' },
  { zh: '经费', en: 'funds' },
  { zh: '元', en: 'yuan' },
]);
const zhKeys = (s: string) => tokenizeChinese(s, lexicon).filter((k) => k.startsWith('#') || k.startsWith('='));
const enKeys = (s: string) => tokenizeEnglish(s).filter((k) => k.startsWith('#') || /\d/.test(k));

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十三', 123],
    ['一千零五', 1005],
    ['两万', 20000],
    ['五十万', 500000],
    ['一千万', 10_000_000],
    ['十二亿', 1_200_000_000],
    ['三亿五千万', 350_000_000],
    ['一万亿', 1e12],
    ['二〇三〇', 2030],
  ])('%s is %d', (zh, value) => {
    expect(parseChineseNumeral(zh)).toBe(value);
  });

  it('does not read 三四 ("three or four") as a number', () => {
    expect(parseChineseNumeral('三四')).toBeUndefined();
  });
});

describe('numbers meet across languages', () => {
  it.each([
    ['到2030年', 'by 2030', '#2030'],
    ['达到15%左右', 'about 15 percent', '#15'],
    ['达到15%左右', 'about 15%', '#15'],
    ['投入1万亿元', 'invest 1 trillion yuan', '#1000000000000'],
    ['投入1.2万亿元', 'invest 1.2 trillion yuan', '#1200000000000'],
    ['十五五规划', 'the 15th Five-Year Plan', '#15'],
    ['十四五时期', 'the fourteenth five-year period', '#14'],
    ['第二', 'second', '#2'],
    ['第二十五条', 'Article 25', '#25'],
    ['三个中心', 'three centres', '#3'],
    ['二〇三五年远景目标', 'long-range objectives for 2035', '#2035'],
    ['七、增强策源功能', 'VII. Strengthening the source function', '#7'],
    ['1.1 优化组织模式', '1.1 Optimising the organisation', '#1.1'],
    ['2.3.1 打造集聚区', '2.3.1 Building clusters', '#2.3.1'],
    ['１２３项', '123 items', '#123'],
    ['２０３５年', '2035', '#2035'],
    ['120万人', '1.2 million people', '#1200000'],
    ['10月', 'in October', '#10'],
  ])('%s ↔ %s share %s', (zh, en, key) => {
    expect(zhKeys(zh)).toContain(key);
    expect(enKeys(en)).toContain(key);
  });

  it('reads Latin tokens in Chinese text as the English words', () => {
    expect(tokenizeChinese('G60科创走廊', lexicon)).toContain('=g60');
    expect(tokenizeEnglish('the G60 Science and Innovation Corridor')).toContain('g60');
    expect(tokenizeChinese('发展AI产业', lexicon)).toContain('=ai');
    expect(tokenizeEnglish('AI industries')).toContain('ai');
  });

  it('keeps dictionary words that begin with a numeral', () => {
    expect(tokenizeChinese('一些经费', lexicon)).toEqual(['一些', '经费']);
  });

  it('reads the percent sign on both sides', () => {
    expect(tokenizeChinese('15%', lexicon)).toEqual(['#15', '%']);
    expect(tokenizeEnglish('15%')).toEqual(['#15', 'percent']);
  });
});

describe('English number words and Roman numerals', () => {
  it.each([
    ['three', 3],
    ['twenty-five', 25],
    ['fifteenth', 15],
    ['Second', 2],
  ])('%s is %d', (word, value) => {
    expect(englishNumberWord(word)).toBe(value);
  });

  it.each([
    ['VII', 7],
    ['XIV', 14],
    ['II', 2],
  ])('%s is %d', (word, value) => {
    expect(romanNumeral(word)).toBe(value);
  });

  it('takes a lone I for the pronoun, not one', () => {
    expect(romanNumeral('I')).toBeUndefined();
    expect(tokenizeEnglish('I said so')).not.toContain('#1');
  });
});
