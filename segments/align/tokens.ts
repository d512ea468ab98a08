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
  /** Longest headword (of two or more characters) that can start at text[at], bounding the match attempts. */
  longestAt(text: string, at: number): number;
}

const NUMERAL = new Set(ZH_NUMERAL_CHARS);
// Character classes by code unit: regular expressions per character cost more than the whole DP.
const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isLatin = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
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
    const code = text.charCodeAt(p);
    if (isDigit(code)) {
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
    if (isLatin(code)) {
      const m = LATIN_RUN.exec(text.slice(p, p + 60))!;
      out.push('=' + latinKey(m[0]));
      p += m[0].length;
      continue;
    }
    if (isHighSurrogate(code)) {
      // Characters beyond the BMP (CJK extensions B–F) are rare words of their own.
      out.push(text.slice(p, p + 2));
      p += 2;
      continue;
    }
    if (!isHan(code)) {
      // Punctuation carries no lexical evidence, except the percent sign.
      if (ch === '%' || ch === '％') out.push('%');
      p += 1;
      continue;
    }
    const plan = ch === '十' ? PLAN.exec(text.slice(p, p + 3)) : null;
    if (plan) {
      out.push(numberKey(10 + parseChineseNumeral(plan[1])!));
      p += 3;
      continue;
    }
    let word = 1;
    for (let len = Math.min(heads.longestAt(text, p), n - p); len >= 2; len--) {
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

// Drafts repeat their words: the keys of a word depend only on the word, whether it opens the
// sentence, and the name reader, so they are computed once. NUMBER_WORD marks words whose value
// depends on the next word ("two hundred").
const NUMBER_WORD: string[] = [];
const wordCache = new WeakMap<object, Map<string, string[]>>();
const NO_NAMES = {};

function wordKeysOf(w: string, first: boolean, names: NameReader | undefined): string[] {
  let cache = wordCache.get(names ?? NO_NAMES);
  if (!cache) wordCache.set(names ?? NO_NAMES, (cache = new Map()));
  const cacheKey = first ? '^' + w : w;
  const have = cache.get(cacheKey);
  if (have) return have;
  let out: string[] = [];
  if (/^[A-Za-z]+[0-9]/.test(w)) out.push(w.toLowerCase());
  else if (romanNumeral(w) !== undefined) out.push(numberKey(romanNumeral(w)!));
  else if (englishNumberWord(w) !== undefined) out = NUMBER_WORD;
  else {
    const month = englishMonth(w);
    if (month !== undefined) out.push(numberKey(month), 'month');
    else {
      for (const part of w.split('-')) wordKeys(part, out);
      if (names) nameKeys(w, first, names, out);
    }
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(cacheKey, out);
  return out;
}

/** Keys of an English sentence: content-word stems, '#<number>' keys and 'py:' keys of names. */
export function tokenizeEnglish(text: string, names?: NameReader): string[] {
  const words: string[] = [];
  EN_TOKEN.lastIndex = 0;
  for (let m = EN_TOKEN.exec(text); m; m = EN_TOKEN.exec(text)) words.push(m[0]);
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
    const keys = wordKeysOf(w, k === 0, names);
    if (keys === NUMBER_WORD) {
      let v = englishNumberWord(w)!;
      while (k + 1 < words.length) {
        const scale = englishScaleWord(words[k + 1]);
        if (scale === undefined) break;
        v *= scale;
        k++;
      }
      out.push(numberKey(v));
      continue;
    }
    for (let q = 0; q < keys.length; q++) out.push(keys[q]);
  }
  return out;
}
