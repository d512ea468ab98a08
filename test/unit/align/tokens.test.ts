import { describe, expect, it } from 'vitest';
import { stem } from '../../../segments/align/english-words.ts';
import { pinyinSyllables, tokenizeChinese, tokenizeEnglish } from '../../../segments/align/tokens.ts';
import { lexiconFromPairs } from '../../../segments/align/lexicon.ts';

describe('English keys', () => {
  it.each([
    ['developing', 'developed', 'develops'],
    ['said', 'says', 'say'],
    ['innovations', 'innovation', 'innovation'],
    ['cities', 'city', 'city'],
    ['planned', 'plans', 'plan'],
  ])('%s, %s and %s share a stem', (a, b, c) => {
    expect(stem(a)).toBe(stem(c));
    expect(stem(b)).toBe(stem(c));
  });

  it('drops function words and reads negative contractions as not', () => {
    expect(tokenizeEnglish("We didn't expand the port's capacity")).toEqual(['not', 'expand', 'port', 'capaciti']);
  });

  it('splits transliterated names into pinyin syllables', () => {
    expect(pinyinSyllables('lujiazui', new Set(['lu', 'jia', 'zui', 'ji', 'a']))).toEqual(['lu', 'jia', 'zui']);
    expect(pinyinSyllables('misty', new Set(['mi', 'si']))).toBeUndefined();
    const names = { syllables: new Set(['zhang', 'jiang', 'lin', 'gang', 'hong', 'qiao']), isEnglishWord: (w: string) => w === 'long' };
    expect(tokenizeEnglish('the Zhangjiang and Lingang labs', names)).toEqual(['zhangjiang', 'py:zhang', 'py:jiang', 'lingang', 'py:lin', 'py:gang', 'lab']);
  });
});

describe('Chinese tokens', () => {
  const lexicon = lexiconFromPairs([
    { zh: '基础研究', en: 'basic research' },
    { zh: '基础', en: 'basis' },
    { zh: '研究', en: 'research' },
    { zh: '投入', en: 'input' },
  ]);

  it('takes the longest dictionary word first', () => {
    expect(tokenizeChinese('基础研究投入', lexicon)).toEqual(['基础研究', '投入']);
  });

  it('keeps unknown characters one by one and skips punctuation', () => {
    expect(tokenizeChinese('加大基础研究投入。', lexicon)).toEqual(['加', '大', '基础研究', '投入']);
  });

  it('keeps characters beyond the BMP whole', () => {
    expect(tokenizeChinese('𠀀研究', lexicon)).toEqual(['𠀀', '研究']);
  });
});
