// Tokenisers feeding the aligner's lexical evidence. Chinese: forward maximum matching over the
// lexicon's headwords (the classic dictionary segmenter, e.g. Wong & Chan 1996), with number runs,
// plan names (十五五) and Latin tokens (G60, AI) read before dictionary words. English: stems of content
// words (english-words.ts) and canonical number keys (numbers.ts), so both sides meet in one key space:
// a Chinese token's translations are English keys.
import { isStopword, stem, wordKeys } from './english-words.ts';
import {
  arabicKey,
  englishMonth,
  englishNumberWord,
  englishScaleWord,
  numberKey,
  parseChineseNumeral,
  romanNumeral,
  ZH_NUMERAL_CHARS,
} from './numbers.ts';

/** A Chinese token: `key` is a headword, a single character, '#<number>' or '=<latin stem>'. */
export type ZhToken = string;

export interface HeadwordSource {
  has(head: string): boolean;
  maxHeadLength: number;
}

const NUMERAL = new Set(ZH_NUMERAL_CHARS);
const DIGIT = /[0-9０-９]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
const LATIN_RUN = /^[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９\-]*/;
const ARABIC_RUN = /^[0-9０-９]+(?:[.,．][0-9０-９]+)*/;
const PLAN = /^十([一二三四五六七八九])五/;
const SCALE_AFTER_DIGITS = /^[万亿]+/;

function latinKey(word: string): string {
  const ascii = word.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
  return /\d/.test(ascii) ? ascii : stem(ascii);
}

/** Tokens of a Chinese sentence. `heads` decides what counts as a word (lexicon plus glossary terms). */
export function tokenizeChinese(text: string, heads: HeadwordSource): ZhToken[] {
  const out: ZhToken[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const ch = text[p];
    if (DIGIT.test(ch)) {
      const m = ARABIC_RUN.exec(text.slice(p, p + 40))!;
      let len = m[0].length;
      let key = arabicKey(m[0]);
      const scale = SCALE_AFTER_DIGITS.exec(text.slice(p + len, p + len + 3));
      if (scale && key.indexOf('.', 1) === key.lastIndexOf('.')) {
        const unit = parseChineseNumeral('一' + scale[0]);
        if (unit !== undefined) {
          key = numberKey(Number(key.slice(1)) * unit);
          len += scale[0].length;
        }
      }
      out.push(key);
      p += len;
      continue;
    }
    if (LATIN_RUN.test(ch)) {
      const m = LATIN_RUN.exec(text.slice(p, p + 60))!;
      out.push('=' + latinKey(m[0]));
      p += m[0].length;
      continue;
    }
    if (!CJK.test(ch)) {
      // Punctuation carries no lexical evidence, except the percent sign.
      if (ch === '%' || ch === '％') out.push('%');
      p += ch.length;
      continue;
    }
    const plan = PLAN.exec(text.slice(p, p + 3));
    if (plan) {
      out.push(numberKey(10 + parseChineseNumeral(plan[1])!));
      p += 3;
      continue;
    }
    let word = 1;
    for (let len = Math.min(heads.maxHeadLength, n - p); len >= 2; len--) {
      if (heads.has(text.slice(p, p + len))) {
        word = len;
        break;
      }
    }
    if (NUMERAL.has(ch)) {
      let r = p;
      while (r < n && NUMERAL.has(text[r])) r++;
      // A numeral run at least as long as the dictionary word wins: 十五五 and 三万, but not 一些.
      const value = r - p >= word ? parseChineseNumeral(text.slice(p, r)) : undefined;
      if (value !== undefined) {
        out.push(numberKey(value));
        p = r;
        continue;
      }
    }
    out.push(text.slice(p, p + word));
    p += word;
  }
  return out;
}

const EN_TOKEN = /[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+(?:[.,][0-9]+)*(?:st|nd|rd|th)?%?|[A-Za-z]+(?:-[A-Za-z]+)*(?:['\u2019][A-Za-z]+)?|%/g;

/**
 * Transliterated Chinese names in an English draft ("Qingyang", "Zhou Rui", "Gou-er", "Lujiazui")
 * match the pinyin of the Chinese characters: a capitalised word that is no dictionary word and
 * parses completely into pinyin syllables also yields one 'py:<syllable>' key per syllable.
 */
export interface NameReader {
  syllables: Set<string>;
  /** True when the lower-cased word is an ordinary English word (then it is not read as a name). */
  isEnglishWord(lower: string): boolean;
}

/** Pinyin syllables of a word, fewest syllables first, or undefined if it does not parse. */
export function pinyinSyllables(lower: string, syllables: Set<string>): string[] | undefined {
  const n = lower.length;
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const prefix = best[i];
    if (!prefix) continue;
    for (let len = 1; len <= 6 && i + len <= n; len++) {
      const syl = lower.slice(i, i + len);
      if (!syllables.has(syl)) continue;
      const cand = best[i + len];
      if (!cand || cand.length > prefix.length + 1) best[i + len] = [...prefix, syl];
    }
  }
  return best[n];
}

function nameKeys(word: string, first: boolean, names: NameReader, out: string[]): void {
  if (!/^[A-Z]/.test(word)) return;
  for (const part of word.split('-')) {
    const lower = part.toLowerCase();
    if (lower.length < 2 || isStopword(lower)) return;
    // Capitalised in mid-sentence it is a name even when the dictionary glosses hold it ("Zhou",
    // "Wang"); a sentence's first word must also be no English word ("Long ago" is not 龙).
    if (first && names.isEnglishWord(lower)) return;
  }
  for (const part of word.split('-')) {
    const syl = pinyinSyllables(part.toLowerCase(), names.syllables);
    if (!syl) return;
    for (const x of syl) out.push('py:' + x);
  }
}

/** Keys of an English sentence: content-word stems, '#<number>' keys and 'py:' keys of names. */
export function tokenizeEnglish(text: string, names?: NameReader): string[] {
  const words = [...text.matchAll(EN_TOKEN)].map((m) => m[0]);
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      let body = w.replace(/(st|nd|rd|th)$/, '');
      const percent = body.endsWith('%');
      if (percent) body = body.slice(0, -1);
      let key = arabicKey(body);
      const scale = k + 1 < words.length ? englishScaleWord(words[k + 1]) : undefined;
      if (scale !== undefined && key.indexOf('.', 1) === key.lastIndexOf('.')) {
        key = numberKey(Number(key.slice(1)) * scale);
        k++;
      }
      out.push(key);
      if (percent) out.push('percent');
      continue;
    }
    if (w === '%') {
      out.push('percent');
      continue;
    }
    if (/^[A-Za-z]+[0-9]/.test(w)) {
      out.push(w.toLowerCase());
      continue;
    }
    const roman = romanNumeral(w);
    if (roman !== undefined) {
      out.push(numberKey(roman));
      continue;
    }
    const value = englishNumberWord(w);
    if (value !== undefined) {
      let v = value;
      while (k + 1 < words.length) {
        const scale = englishScaleWord(words[k + 1]);
        if (scale === undefined) break;
        v *= scale;
        k++;
      }
      out.push(numberKey(v));
      continue;
    }
    const month = englishMonth(w);
    if (month !== undefined) {
      out.push(numberKey(month), 'month');
      continue;
    }
    for (const part of w.split('-')) wordKeys(part, out);
    if (names) nameKeys(w, k === 0, names, out);
  }
  return out;
}
