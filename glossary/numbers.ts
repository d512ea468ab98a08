// Number extraction and normalisation for Chinese and English, so that numbers can be compared
// by value: Arabic numerals (half- and full-width, thousands separators, decimals), Chinese
// numerals with the 万/亿 myriad grouping (1万亿 = 1e12, 千亿 = 1e11; the section/unit algorithm of
// classic Chinese-numeral readers), digit-by-digit years (二〇三〇年), percentages (15%, 百分之十五,
// 15 percent / per cent / pct), ordinals (第十五, 15th, fifteenth), five-year-plan names (十五五 →
// 15th + five), English number words (one … ninety, hundred, thousand … trillion) and ranges
// (each end is its own number).
// Chinese numerals are only numbers when they read as quantities: followed by a measure word or
// unit, after 第, after 百分之, in a magnitude, or as a range end. Numerals inside words and set
// phrases (一体化, 一带一路, 统一, 千家万户) are not numbers. Small quantities (Chinese 1–2, English
// words up to ten, any value 1) are "weak": they may satisfy a counterpart but are never
// required to have one, because 一批, 两个, "one of" are as often idiom as count.
// Chinese is read by a hand-written scanner over UTF-16 code units (a character-class table, full-
// width forms folded as they are read, so no folded copy is made and offsets stay the text's);
// English by one pass of a compiled regular expression that finds where tokens can start (irregexp
// scans faster than a JavaScript loop), figures and the rest parsed in place. Both give exactly
// the readings of the backtracking regular expressions these rules were first written as.

export type NumberKind = 'cardinal' | 'percent' | 'ordinal' | 'year';

export interface NumberMention {
  value: number;
  kind: NumberKind;
  start: number;
  end: number;
  text: string;
  /** A strong number must have a counterpart on the other side; a weak one need not. */
  strong: boolean;
}

export interface ExtractOptions {
  /** Spans to ignore, e.g. glossary terms whose numbers are part of a name (两个毫不动摇). */
  mask?: { start: number; end: number }[];
}

const CARDINAL = 0;
const PERCENT = 1;
const ORDINAL = 2;
const YEAR = 3;
const KIND_NAME: readonly NumberKind[] = ['cardinal', 'percent', 'ordinal', 'year'];

export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Numbers in a text, in order of position. */
export function extractNumbers(text: string, lang: 'zh' | 'en', options?: ExtractOptions): NumberMention[] {
  const found = lang === 'zh' ? extractZh(text) : extractEn(text);
  const mask = options?.mask;
  if (!mask || mask.length === 0 || found.length === 0) return found;
  const kept: NumberMention[] = [];
  for (const n of found) if (!overlapsAny(n, mask)) kept.push(n);
  return kept;
}

function overlapsAny(n: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
  for (const m of spans) if (n.start < m.end && m.start < n.end) return true;
  return false;
}

/** Full-width ASCII forms (U+FF01–FF5E) read as their half-width counterparts, one code unit for one. */
function fold(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

// ---------------------------------------------------------------------------------------------
// Chinese

// Character classes of the Chinese scanner, one byte per UTF-16 code unit.
const Z_DIGIT = 1; // 0-9 and ０-９
const Z_NUMERAL = 2; // 零〇一二两三四五六七八九十百千万亿
const Z_MAG = 4; // 十百千万亿
const Z_UNIT = 8; // one-character measure word or unit (% and ％ included)
const Z_UNIT_PREFIX = 16; // 多余来: 三十多个, 十余项
const Z_RANGE_JOIN = 32; // 至到~～—-－–: 三至五年
const Z_ORDINAL_MARK = 64; // 第
const Z_LONG_UNIT_START = 128; // first character of a unit of two or three characters
const Z_BODY = Z_DIGIT | Z_NUMERAL;
const Z_START = Z_BODY | Z_ORDINAL_MARK;
const ZH_CLASS = new Uint8Array(0x10000);
const ZH_DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
{
  const mark = (chars: string, cls: number) => {
    for (let i = 0; i < chars.length; i++) ZH_CLASS[chars.charCodeAt(i)] |= cls;
  };
  for (let d = 0; d < 10; d++) {
    ZH_CLASS[0x30 + d] |= Z_DIGIT;
    ZH_CLASS[0xff10 + d] |= Z_DIGIT;
  }
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  for (const [c, v] of Object.entries(digits)) ZH_DIGIT_VALUE[c.charCodeAt(0)] = v;
  mark(Object.keys(digits).join(''), Z_NUMERAL);
  mark('十百千万亿', Z_NUMERAL | Z_MAG);
  // Measure words and units after which a Chinese numeral is a quantity.
  mark('个项家座条所种批类位名人只件次倍年岁天月周元米吨亩度%％级大支张层片部台艘架辆套处篇场轮届户例枚颗块栋股份点', Z_UNIT);
  mark('多余来', Z_UNIT_PREFIX);
  mark('第', Z_ORDINAL_MARK);
  mark('至到~～—-－–', Z_RANGE_JOIN);
}
// Units of two or three characters (none starts with a one-character unit).
const ZH_LONG_UNITS = ['公里', '平方', '公顷', '千米', '小时', '分钟', '美元', '港元', '欧元', '百分点'];
for (const u of ZH_LONG_UNITS) ZH_CLASS[u.charCodeAt(0)] |= Z_LONG_UNIT_START;

const C_DI = 0x7b2c; // 第
const C_BAI = 0x767e; // 百
const C_FEN = 0x5206; // 分
const C_ZHI = 0x4e4b; // 之
const C_SHI = 0x5341; // 十
const C_QIAN = 0x5343; // 千
const C_WAN = 0x4e07; // 万
const C_YI = 0x4ebf; // 亿
const C_WU = 0x4e94; // 五
const C_NIAN = 0x5e74; // 年
const C_GE = 0x4e2a; // 个
const C_MI = 0x7c73; // 米
const C_KE = 0x514b; // 克
const C_WA = 0x74e6; // 瓦

function zhClass(text: string, i: number): number {
  return i < text.length ? ZH_CLASS[text.charCodeAt(i)] : 0;
}

function isPercentMark(text: string, i: number): boolean {
  return i + 2 < text.length && text.charCodeAt(i) === C_BAI && text.charCodeAt(i + 1) === C_FEN && text.charCodeAt(i + 2) === C_ZHI;
}

/** Length of the measure word or unit at i (0 if none). */
function zhUnitLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const cls = ZH_CLASS[text.charCodeAt(i)];
  if (cls & Z_UNIT) return 1;
  if (!(cls & Z_LONG_UNIT_START)) return 0;
  for (const u of ZH_LONG_UNITS) if (text.startsWith(u, i)) return u.length;
  return 0;
}

/** A measure word after a numeral ending at i: 0 none, 1 a unit, 2 a percent sign right after it. */
function zhMeasureAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (ZH_CLASS[c] & Z_UNIT_PREFIX && zhUnitLength(text, i + 1) > 0) return 1;
  if (zhUnitLength(text, i) === 0) return 0;
  return fold(c) === 0x25 ? 2 : 1;
}

function zhMagValue(c: number): number {
  return c === C_SHI ? 10 : c === C_BAI ? 100 : c === C_QIAN ? 1000 : c === C_WAN ? 1e4 : 1e8;
}

/** Value of the Chinese numeral text[start, end) — numeral characters only — or -1. */
function zhNumeralValue(text: string, start: number, end: number, hasMag: boolean): number {
  if (!hasMag) {
    // Digit-by-digit reading (years, codes).
    let v = 0;
    for (let i = start; i < end; i++) v = v * 10 + ZH_DIGIT_VALUE[text.charCodeAt(i)];
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = ZH_DIGIT_VALUE[c];
    if (d >= 0) {
      if (digit > 0) return -1; // two digits in a row inside a positional numeral: 五五
      digit = d;
    } else if (c === C_WAN) {
      total += (section + Math.max(digit, 0) || 1) * 1e4;
      section = 0;
      digit = -1;
    } else if (c === C_YI) {
      total = (total + section + Math.max(digit, 0) || 1) * 1e8;
      section = 0;
      digit = -1;
    } else {
      section += (digit < 0 ? 1 : digit) * zhMagValue(c);
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** Value of a Chinese numeral (一百零五, 两千, 三万五千, 千亿, 二〇三〇), or null if it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  let hasMag = false;
  for (let i = 0; i < s.length; i++) {
    const cls = ZH_CLASS[s.charCodeAt(i)];
    if (!(cls & Z_NUMERAL)) return null;
    if (cls & Z_MAG) hasMag = true;
  }
  const v = zhNumeralValue(s, 0, s.length, hasMag);
  return v < 0 ? null : v;
}

/** Value of the Arabic numeral text[start, end): digits (either width), thousands commas, a decimal point. */
function arabicValue(text: string, start: number, end: number): number {
  if (end - start <= 15) {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + (c - 0x30);
    }
    if (i === end) return v;
  }
  let s = '';
  for (let i = start; i < end; i++) {
    const c = fold(text.charCodeAt(i));
    if (c !== 0x2c) s += String.fromCharCode(c);
  }
  return Number(s);
}

// Candidates of one extraction, kept in reused parallel arrays: most are rejected (一 in 一体化).
const cValue: number[] = [];
const cKind: number[] = [];
const cStart: number[] = [];
const cEnd: number[] = [];
const cStrong: boolean[] = [];
const cAccepted: boolean[] = [];
let cCount = 0;

// The numbers of one extraction, gathered here and copied out at their final length (a list grown
// by push from empty gets room for seventeen).
const found: NumberMention[] = [];
function foundList(count: number): NumberMention[] {
  if (count === 0) return [];
  const list = found.slice(0, count);
  for (let i = 0; i < count; i++) found[i] = NO_NUMBER;
  return list;
}
const NO_NUMBER: NumberMention = { value: 0, kind: 'cardinal', start: 0, end: 0, text: '', strong: false };

function candidate(value: number, kind: number, start: number, end: number, strong: boolean, accepted: boolean): void {
  cValue[cCount] = value;
  cKind[cCount] = kind;
  cStart[cCount] = start;
  cEnd[cCount] = end;
  cStrong[cCount] = strong;
  cAccepted[cCount] = accepted;
  cCount++;
}

function isZhDigit(text: string, i: number): boolean {
  return i < text.length && (ZH_CLASS[text.charCodeAt(i)] & Z_DIGIT) !== 0;
}

function extractZh(text: string): NumberMention[] {
  const n = text.length;
  cCount = 0;
  let p = 0;
  while (p < n) {
    if (!(ZH_CLASS[text.charCodeAt(p)] & Z_START)) {
      p++;
      continue;
    }
    const c = text.charCodeAt(p);
    // (第)?(百分之)? then a numeral, in the order a backtracking matcher tries them.
    let q = -1;
    let ordinalMark = false;
    let percentMark = false;
    if (c === C_DI) {
      if (isPercentMark(text, p + 1) && zhClass(text, p + 4) & Z_BODY) {
        q = p + 4;
        ordinalMark = percentMark = true;
      } else if (zhClass(text, p + 1) & Z_BODY) {
        q = p + 1;
        ordinalMark = true;
      }
    } else if (isPercentMark(text, p) && zhClass(text, p + 3) & Z_BODY) {
      q = p + 3;
      percentMark = true;
    } else {
      q = p;
    }
    if (q < 0) {
      p++;
      continue;
    }
    const start = p;

    if (ZH_CLASS[text.charCodeAt(q)] & Z_DIGIT) {
      // \d+(,\d{3})*(\.\d+)? then a run of magnitudes, digits of either width.
      let k = q + 1;
      while (isZhDigit(text, k)) k++;
      while (k + 3 < n && fold(text.charCodeAt(k)) === 0x2c && isZhDigit(text, k + 1) && isZhDigit(text, k + 2) && isZhDigit(text, k + 3)) k += 4;
      if (k + 1 < n && fold(text.charCodeAt(k)) === 0x2e && isZhDigit(text, k + 1)) {
        k += 2;
        while (isZhDigit(text, k)) k++;
      }
      const arabicEnd = k;
      while (k < n && ZH_CLASS[text.charCodeAt(k)] & Z_MAG) k++;
      const matchEnd = k;
      let magEnd = matchEnd;
      // 千米 is a kilometre, not a thousand metres' worth of numeral.
      if (magEnd > arabicEnd && text.charCodeAt(magEnd - 1) === C_QIAN && matchEnd < n) {
        const after = text.charCodeAt(matchEnd);
        if (after === C_MI || after === C_KE || after === C_WA) magEnd--;
      }
      let value = arabicValue(text, q, arabicEnd);
      for (let i = arabicEnd; i < magEnd; i++) value *= zhMagValue(text.charCodeAt(i));
      let end = magEnd;
      let kind = ordinalMark ? ORDINAL : percentMark ? PERCENT : CARDINAL;
      if (end < n && fold(text.charCodeAt(end)) === 0x25) {
        kind = PERCENT;
        end += 1;
      } else if (kind === CARDINAL && magEnd === arabicEnd && end < n && text.charCodeAt(end) === C_NIAN && Number.isInteger(value) && value >= 1000 && value < 3000) {
        kind = YEAR;
      }
      candidate(value, kind, start, end, true, true);
      p = matchEnd;
      continue;
    }

    // A Chinese numeral run.
    let k = q;
    let hasMag = false;
    let hasMyriad = false;
    while (k < n) {
      const d = text.charCodeAt(k);
      const dc = ZH_CLASS[d];
      if (!(dc & Z_NUMERAL)) break;
      if (dc & Z_MAG) {
        hasMag = true;
        if (d === C_WAN || d === C_YI) hasMyriad = true;
      }
      k++;
    }
    const matchEnd = k;
    let end = k;
    const len = k - q;
    // Five-year-plan names: 十四五, 十五五 (the 14th/15th plan, five years).
    if (len === 3 && !ordinalMark && !percentMark && text.charCodeAt(q) === C_SHI && text.charCodeAt(q + 2) === C_WU) {
      const second = text.charCodeAt(q + 1);
      const d = ZH_DIGIT_VALUE[second];
      const follow = end < n ? text.charCodeAt(end) : 0;
      if (d >= 1 && second !== 0x4e24 /* 两 */ && follow !== C_GE && follow !== C_NIAN) {
        const split = start + 2;
        candidate(10 + d, ORDINAL, start, split, true, true);
        candidate(5, CARDINAL, split, end, false, true);
        p = matchEnd;
        continue;
      }
    }
    const value = zhNumeralValue(text, q, k, hasMag);
    if (value < 0) {
      p = matchEnd;
      continue;
    }
    const loneUnit = len === 1 && text.charCodeAt(q) !== C_SHI && hasMag;
    let kind = CARDINAL;
    let accepted = false;
    if (ordinalMark) {
      kind = ORDINAL;
      accepted = hasMag || len === 1;
    } else if (percentMark) {
      kind = PERCENT;
      accepted = true;
    } else if (!hasMag && len > 1) {
      accepted = end < n && text.charCodeAt(end) === C_NIAN;
      if (accepted) kind = value >= 1000 && value < 3000 ? YEAR : CARDINAL;
    } else if (!loneUnit) {
      const unit = zhMeasureAt(text, end);
      if (unit) {
        accepted = true;
        if (unit === 2) {
          kind = PERCENT;
          end += 1;
        }
      } else if (hasMyriad && len > 1) {
        accepted = true;
      }
    }
    const strong = kind === PERCENT || kind === YEAR || (kind === ORDINAL ? value > 1 : value > 2);
    candidate(value, kind, start, end, strong, accepted);
    p = matchEnd;
  }
  if (cCount === 0) return [];
  // Range ends: 三至五年 — the first end takes the acceptance of the second.
  for (let i = cCount - 2; i >= 0; i--) {
    if (cAccepted[i] || !cAccepted[i + 1]) continue;
    const gap = cStart[i + 1] - cEnd[i];
    if (gap < 1 || gap > 2) continue;
    let joins = true;
    for (let g = cEnd[i]; g < cStart[i + 1]; g++) if (!(ZH_CLASS[text.charCodeAt(g)] & Z_RANGE_JOIN)) joins = false;
    if (joins) {
      cAccepted[i] = true;
      cStrong[i] = cValue[i] > 2;
    }
  }
  let k = 0;
  for (let i = 0; i < cCount; i++) {
    if (!cAccepted[i]) continue;
    found[k++] = { value: cValue[i], kind: KIND_NAME[cKind[i]], start: cStart[i], end: cEnd[i], text: text.slice(cStart[i], cEnd[i]), strong: cStrong[i] };
  }
  return foundList(k);
}

// ---------------------------------------------------------------------------------------------
// English

const EN_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000,
};
const EN_MAG: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6 };

// Every word the English side knows gets an id; what a word can do is a bit set per id.
const W_ANY = 1; // shows that a text may hold a number at all
const W_STRONG_HINT = 2; // may make a number strong: above ten, a magnitude, percent
const W_TOKEN = 4; // a token of a number phrase wherever it stands
const W_MAG_WORD = 8; // hundred, thousand, million, billion, trillion: "a hundred", "an ..."
const W_ONES_TENS = 16; // zero … ninety: "one hundred and five"
const WORDS: string[] = [];
const WORD_FLAGS: number[] = [];
const ONES_TENS_VALUE: number[] = [];
const ORDINAL_VALUE: number[] = [];
const MAG_VALUE: number[] = [];
function wordId(w: string): number {
  let id = WORDS.indexOf(w);
  if (id < 0) {
    id = WORDS.length;
    WORDS.push(w);
    WORD_FLAGS.push(0);
    ONES_TENS_VALUE.push(-1);
    ORDINAL_VALUE.push(-1);
    MAG_VALUE.push(0);
  }
  return id;
}
function flagWords(words: string[], flags: number): void {
  for (const w of words) WORD_FLAGS[wordId(w)] |= flags;
}
for (const [w, v] of Object.entries(EN_ONES)) ONES_TENS_VALUE[wordId(w)] = v;
for (const [w, v] of Object.entries(EN_TENS)) ONES_TENS_VALUE[wordId(w)] = v;
for (const [w, v] of Object.entries(EN_ORDINAL)) ORDINAL_VALUE[wordId(w)] = v;
for (const [w, v] of Object.entries(EN_MAG)) MAG_VALUE[wordId(w)] = v;
const onesTens = [...Object.keys(EN_ONES), ...Object.keys(EN_TENS)];
const numberWords = [...onesTens, ...Object.keys(EN_ORDINAL), ...Object.keys(EN_MAG), 'hundred'];
flagWords(numberWords, W_ANY);
flagWords(
  [
    ...Object.keys(EN_ONES).filter((w) => EN_ONES[w] > 10),
    ...Object.keys(EN_TENS),
    ...Object.keys(EN_ORDINAL).filter((w) => EN_ORDINAL[w] > 10),
    ...Object.keys(EN_MAG),
    'hundred',
    'percent',
    'pct',
  ],
  W_STRONG_HINT,
);
flagWords([...numberWords, 'percent', 'pct', 'percentage', 'cent'], W_TOKEN);
flagWords(['hundred', 'thousand', 'million', 'billion', 'trillion'], W_MAG_WORD);
flagWords(onesTens, W_ONES_TENS);
const ID_HUNDRED = wordId('hundred');
const ID_PERCENT = wordId('percent');
const ID_PCT = wordId('pct');
const ID_PERCENTAGE = wordId('percentage');
const ID_CENT = wordId('cent');
const ID_PER = wordId('per');
const ID_A = wordId('a');
const ID_AN = wordId('an');
const ID_AND = wordId('and');
const ID_BN = wordId('bn');
const ID_MN = wordId('mn');
// Words by first letter and length, so most words of a sentence are rejected by one array read:
// bucket b's words are BUCKET_FIRST[b], WORD_NEXT[that], … until -1.
const MAX_WORD = 11;
const BUCKET_FIRST = new Int16Array(26 * (MAX_WORD + 1)).fill(-1);
const WORD_NEXT = new Int16Array(WORDS.length).fill(-1);
for (let id = WORDS.length - 1; id >= 0; id--) {
  const w = WORDS[id];
  const b = (w.charCodeAt(0) - 97) * (MAX_WORD + 1) + w.length;
  WORD_NEXT[id] = BUCKET_FIRST[b];
  BUCKET_FIRST[b] = id;
}

// Character classes of the English scanner, one byte per UTF-16 code unit.
const E_LETTER = 1; // A-Z a-z
const E_DIGIT = 2; // 0-9
const E_UNDERSCORE = 4;
const E_WORD = E_LETTER | E_DIGIT | E_UNDERSCORE; // \w of a regular expression without the u flag
const E_PERCENT = 8;
const E_SPACE = 16; // \s: Unicode white space and line terminators
const E_HYPHEN = 32; // -
const EN_CLASS = new Uint8Array(0x10000);
{
  for (let c = 0x41; c <= 0x5a; c++) EN_CLASS[c] = EN_CLASS[c + 0x20] = E_LETTER;
  for (let c = 0x30; c <= 0x39; c++) EN_CLASS[c] = E_DIGIT;
  EN_CLASS[0x5f] = E_UNDERSCORE;
  EN_CLASS[0x25] = E_PERCENT;
  EN_CLASS[0x2d] = E_HYPHEN;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) EN_CLASS[c] = E_SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) EN_CLASS[c] = E_SPACE;
}

/** Id of the word text[start, end) (starting with an ASCII letter, any case), or -1. */
function lookupWord(text: string, start: number, end: number): number {
  const len = end - start;
  if (len > MAX_WORD) return -1;
  next: for (let id = BUCKET_FIRST[((text.charCodeAt(start) | 0x20) - 97) * (MAX_WORD + 1) + len]; id >= 0; id = WORD_NEXT[id]) {
    const w = WORDS[id];
    for (let i = 1; i < len; i++) if ((text.charCodeAt(start + i) | 0x20) !== w.charCodeAt(i)) continue next;
    return id;
  }
  return -1;
}

/**
 * A regular-expression alternation of words factored into a trie (one|once → on(?:e|ce)), so the
 * engine rejects most positions on the first letter instead of trying every word in turn.
 */
function wordAlternation(words: string[]): string {
  const trie = new Map<string, string[]>();
  let end = false;
  for (const w of new Set(words)) {
    if (w === '') {
      end = true;
      continue;
    }
    const rest = trie.get(w[0]) ?? [];
    rest.push(w.slice(1));
    trie.set(w[0], rest);
  }
  const branches = [...trie].map(([c, rest]) => c + (rest.length === 1 && rest[0] === '' ? '' : `(?:${wordAlternation(rest)})`));
  if (end) branches.push('');
  return branches.join('|');
}

const wordsWith = (flag: number) => WORDS.filter((_, id) => WORD_FLAGS[id] & flag);
// The text may hold a number at all / one that can be strong (figures, words above ten,
// magnitudes, percent). Irregexp's compiled scan is faster than any loop over code units in
// JavaScript, so whole-text scans stay regular expressions.
const EN_ANY = new RegExp(`[0-9\\uff10-\\uff19%]|\\b(?:${wordAlternation(wordsWith(W_ANY))})\\b`, 'i');
const EN_STRONG_HINT = new RegExp(`[0-9\\uff10-\\uff19%]|\\b(?:${wordAlternation(wordsWith(W_STRONG_HINT))})\\b`, 'i');
// Where tokens can start: a figure, %, a token word; full-width forms stop the scan (folded first).
const EN_SCAN = new RegExp(`[0-9%\\uff01-\\uff5e]|\\b(?:${wordAlternation(wordsWith(W_TOKEN))})\\b`, 'gi');

/** A Chinese numeral character or a digit: the text may hold a number. */
function hasZhNumberChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (ZH_CLASS[text.charCodeAt(i)] & Z_BODY) return true;
  return false;
}

/**
 * False when the text cannot contain a number that needs a counterpart (a strong number): a
 * cheap test that lets the number check skip most sentences.
 */
export function mayHaveStrongNumbers(text: string, lang: 'zh' | 'en'): boolean {
  return lang === 'zh' ? hasZhNumberChar(text) : EN_STRONG_HINT.test(text);
}

// Tokens of one English extraction in reused parallel arrays: a word id, or one of these.
const T_FIGURE = -1; // 15, 1,000, 2.5
const T_SUFFIX = -2; // st nd rd th after a figure
const T_PERCENT_SIGN = -3;
const tId: number[] = [];
const tStart: number[] = [];
const tEnd: number[] = [];
const tValue: number[] = [];
const tSeparated: boolean[] = []; // the figure has a comma or a decimal point
let tCount = 0;

function token(id: number, start: number, end: number, value: number, separated: boolean): void {
  tId[tCount] = id;
  tStart[tCount] = start;
  tEnd[tCount] = end;
  tValue[tCount] = value;
  tSeparated[tCount] = separated;
  tCount++;
}

function isDigitAt(text: string, i: number): boolean {
  return i < text.length && (EN_CLASS[text.charCodeAt(i)] & E_DIGIT) !== 0;
}

/** The word right before `start` across white space or hyphens, as a token id if `word` lets it be one. */
function tokenBefore(text: string, start: number, word: number): void {
  let k = start - 1;
  while (k >= 0 && EN_CLASS[text.charCodeAt(k)] & (E_SPACE | E_HYPHEN)) k--;
  if (k === start - 1 || k < 0 || !(EN_CLASS[text.charCodeAt(k)] & E_WORD)) return;
  const end = k + 1;
  while (k >= 0 && EN_CLASS[text.charCodeAt(k)] & E_WORD) k--;
  const begin = k + 1;
  if (end - begin > 3 || !(EN_CLASS[text.charCodeAt(begin)] & E_LETTER)) return;
  const id = lookupWord(text, begin, end);
  if (id === ID_PER ? word === ID_CENT : id === ID_A || id === ID_AN ? (WORD_FLAGS[word] & W_MAG_WORD) !== 0 : id === ID_AND && (WORD_FLAGS[word] & W_ONES_TENS) !== 0) {
    token(id, begin, end, 0, false);
  }
}

/**
 * Tokens of the number phrases: figures (with an ordinal suffix as a token of its own), %, and
 * the words that can be part of a number — "per" only before "cent", "a"/"an" only before a
 * magnitude, "and" only before a number word (these three are taken when the scan reaches the
 * word after them). Any other word between two tokens breaks the phrase, exactly as if every
 * word were a token. False (tokens incomplete) at the first full-width form: the text has to be
 * folded first.
 */
function tokenizeEn(text: string): boolean {
  tCount = 0;
  const n = text.length;
  const scan = EN_SCAN;
  scan.lastIndex = 0;
  // test() rather than exec(): no match array. A word match is a whole \w run, so it ends at
  // lastIndex and starts where its run does; the other matches are one code unit long.
  while (scan.test(text)) {
    let p = scan.lastIndex - 1;
    const cls = EN_CLASS[text.charCodeAt(p)];
    if (cls & E_LETTER) {
      const e = p + 1;
      while (p > 0 && EN_CLASS[text.charCodeAt(p - 1)] & E_WORD) p--;
      const id = lookupWord(text, p, e);
      tokenBefore(text, p, id);
      token(id, p, e, 0, false);
    } else if (cls & E_DIGIT) {
      let k = p + 1;
      while (isDigitAt(text, k)) k++;
      let separated = false;
      while (k + 3 < n && text.charCodeAt(k) === 0x2c && isDigitAt(text, k + 1) && isDigitAt(text, k + 2) && isDigitAt(text, k + 3)) {
        k += 4;
        separated = true;
      }
      if (k + 1 < n && text.charCodeAt(k) === 0x2e && isDigitAt(text, k + 1)) {
        k += 2;
        while (isDigitAt(text, k)) k++;
        separated = true;
      }
      token(T_FIGURE, p, k, arabicValue(text, p, k), separated);
      if (k + 1 < n) {
        const a = text.charCodeAt(k) | 0x20;
        const b = text.charCodeAt(k + 1) | 0x20;
        if ((a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64) || (a === 0x74 && b === 0x68)) {
          token(T_SUFFIX, k, k + 2, 0, false);
          k += 2;
        }
      }
      scan.lastIndex = k;
    } else if (cls & E_PERCENT) {
      token(T_PERCENT_SIGN, p, p + 1, 0, false);
    } else {
      return false;
    }
  }
  return true;
}

/** Half-width digits and signs, code unit for code unit so offsets are unchanged. */
function foldWidth(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += String.fromCharCode(fold(text.charCodeAt(i)));
  return s;
}

/** Tokens of one number phrase are separated by nothing, spaces or hyphens. */
function joined(text: string, a: number, b: number): boolean {
  if (b >= tCount) return false;
  for (let k = tEnd[a]; k < tStart[b]; k++) {
    const c = text.charCodeAt(k);
    if (!(EN_CLASS[c] & (E_SPACE | E_HYPHEN)) && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}

function isOnesTens(id: number): boolean {
  return id >= 0 && ONES_TENS_VALUE[id] >= 0;
}
function isMag(id: number): boolean {
  return id >= 0 && MAG_VALUE[id] > 0;
}

function extractEn(raw: string): NumberMention[] {
  let text = raw;
  if (!tokenizeEn(raw)) {
    // Full-width letters are read as words, but only once the text as it stands shows a number.
    if (!EN_ANY.test(raw)) return [];
    text = foldWidth(raw);
    tokenizeEn(text);
  }
  if (tCount === 0) return [];
  let count = 0;
  let i = 0;
  while (i < tCount) {
    const id = tId[i];
    let value: number;
    let kind = CARDINAL;
    let strong: boolean;
    let j = i + 1;
    if (id === T_FIGURE) {
      value = tValue[i];
      strong = true;
      if (j < tCount && tId[j] === T_SUFFIX && tStart[j] === tEnd[i]) {
        kind = ORDINAL;
        j++;
      } else {
        while (j < tCount && joined(text, j - 1, j) && isMag(tId[j])) {
          value *= MAG_VALUE[tId[j]];
          j++;
        }
        if (Number.isInteger(value) && value >= 1000 && value < 3000 && !tSeparated[i]) kind = YEAR;
      }
      if (value === 1) strong = false;
    } else {
      // A phrase of number words: "twenty-one", "one hundred and five", "a hundred billion".
      let total = 0;
      let current = 0;
      let any = false;
      let big = false;
      let k = i;
      for (; k < tCount; k++) {
        const w = tId[k];
        if (k > i && !joined(text, k - 1, k)) break;
        if (isOnesTens(w)) {
          current += ONES_TENS_VALUE[w];
        } else if (w === ID_HUNDRED) {
          current = (current || 1) * 100;
          big = true;
        } else if (isMag(w) && w !== ID_BN && w !== ID_MN) {
          total += (current || 1) * MAG_VALUE[w];
          current = 0;
          big = true;
        } else if (w >= 0 && ORDINAL_VALUE[w] >= 0) {
          current += ORDINAL_VALUE[w];
          kind = ORDINAL;
          any = true;
          k++;
          break;
        } else if ((w === ID_A || w === ID_AN) && !any && joined(text, k, k + 1) && (tId[k + 1] === ID_HUNDRED || isMag(tId[k + 1]))) {
          continue;
        } else if (w === ID_AND && any && k + 1 < tCount && isOnesTens(tId[k + 1])) {
          continue;
        } else {
          break;
        }
        any = true;
      }
      if (!any) {
        i++;
        continue;
      }
      j = k;
      value = total + current;
      strong = big || value > 10;
      if (value === 1) strong = false;
    }
    // Percentages: "15%", "15 percent", "15 per cent", "15 pct", "15 percentage points".
    if (kind !== ORDINAL && j < tCount) {
      const p = tId[j];
      if (p === T_PERCENT_SIGN && tStart[j] === tEnd[j - 1]) {
        kind = PERCENT;
        j++;
      } else if (joined(text, j - 1, j) && (p === ID_PERCENT || p === ID_PCT || p === ID_PERCENTAGE)) {
        kind = PERCENT;
        j++;
      } else if (joined(text, j - 1, j) && p === ID_PER && j + 1 < tCount && tId[j + 1] === ID_CENT && joined(text, j, j + 1)) {
        kind = PERCENT;
        j += 2;
      }
      if (kind === PERCENT) strong = true;
    }
    const start = id === ID_A || id === ID_AN ? tStart[i + 1] : tStart[i];
    const end = tEnd[j - 1];
    found[count++] = { value, kind: KIND_NAME[kind], start, end, text: raw.slice(start, end), strong };
    i = j;
  }
  return foundList(count);
}

/** A short human form of a value: 1e12 → "1 trillion", 15 → "15". */
export function formatValue(n: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [s, name] of scales) {
    if (Math.abs(n) >= s && Number.isInteger((n / s) * 1000)) return `${+(n / s).toFixed(3)} ${name}`;
  }
  return String(+n.toFixed(6));
}
