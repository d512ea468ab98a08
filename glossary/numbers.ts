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

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_MYRIAD: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const ZH_MAG: Record<string, number> = { ...ZH_UNIT, ...ZH_MYRIAD };

// Measure words and units after which a Chinese numeral is a quantity.
const ZH_MEASURE =
  /^[多余来]?(?:个|项|家|座|条|所|种|批|类|位|名|人|只|件|次|倍|年|岁|天|月|周|元|米|吨|亩|度|%|级|大|支|张|层|片|部|台|艘|架|辆|套|处|篇|场|轮|届|户|例|枚|颗|块|栋|股|份|点|公里|平方|公顷|千米|小时|分钟|美元|港元|欧元|百分点)/;
const RANGE_JOIN = /^[至到~～—\-－–]{1,2}/;

export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Numbers in a text, in order of position. */
export function extractNumbers(text: string, lang: 'zh' | 'en', options: ExtractOptions = {}): NumberMention[] {
  // Most segments have no number at all: one regular-expression test settles that.
  if (!(lang === 'zh' ? ZH_ANY : EN_ANY).test(text)) return [];
  const found = lang === 'zh' ? extractZh(text) : extractEn(text);
  const mask = options.mask;
  if (!mask || mask.length === 0) return found;
  return found.filter((n) => !mask.some((m) => n.start < m.end && m.start < n.end));
}

const FULL_WIDTH_ANY = /[\uff01-\uff5e]/;

/** Half-width digits and signs, code unit for code unit so offsets are unchanged. */
function foldWidth(text: string): string {
  if (!FULL_WIDTH_ANY.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Value of a Chinese numeral (一百零五, 两千, 三万五千, 千亿, 二〇三〇), or null if it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  if (![...s].some((c) => c in ZH_MAG)) {
    // Digit-by-digit reading (years, codes).
    let v = 0;
    for (const c of s) {
      if (!(c in ZH_DIGIT)) return null;
      v = v * 10 + ZH_DIGIT[c];
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in ZH_DIGIT) {
      if (digit > 0) return null; // two digits in a row inside a positional numeral: 五五
      digit = ZH_DIGIT[c];
    } else if (c in ZH_UNIT) {
      section += (digit < 0 ? 1 : digit) * ZH_UNIT[c];
      digit = -1;
    } else if (c === '万') {
      total += (section + Math.max(digit, 0) || 1) * 1e4;
      section = 0;
      digit = -1;
    } else if (c === '亿') {
      total = (total + section + Math.max(digit, 0) || 1) * 1e8;
      section = 0;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + section + Math.max(digit, 0);
}

interface ZhCandidate extends NumberMention {
  accepted: boolean;
}

function extractZh(raw: string): NumberMention[] {
  const text = foldWidth(raw);
  const out: ZhCandidate[] = [];
  const re = /(第)?(百分之)?(?:(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]*)|([零〇一二两三四五六七八九十百千万亿]+))/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [whole, ordinalMark, percentMark, arabic, magRun, zhRun] = m;
    const start = m.index;
    let end = start + whole.length;

    if (arabic !== undefined) {
      let value = Number(arabic.replace(/,/g, ''));
      let mags = magRun;
      // 千米 is a kilometre, not a thousand metres' worth of numeral.
      if (/千$/.test(mags) && /^[米克瓦]/.test(text.slice(end))) {
        mags = mags.slice(0, -1);
        end -= 1;
      }
      for (const c of mags) value *= ZH_MAG[c];
      let kind: NumberKind = ordinalMark ? 'ordinal' : percentMark ? 'percent' : 'cardinal';
      if (/^[%]/.test(text.slice(end, end + 6))) {
        kind = 'percent';
        end += 1;
      } else if (kind === 'cardinal' && !mags && /^年/.test(text.slice(end, end + 6)) && Number.isInteger(value) && value >= 1000 && value < 3000) {
        kind = 'year';
      }
      out.push({ value, kind, start, end, text: raw.slice(start, end), strong: true, accepted: true });
      continue;
    }

    // A Chinese numeral run. Five-year-plan names: 十四五, 十五五 (the 14th/15th plan, five years).
    const plan = /^(十[一二三四五六七八九])五$/.exec(zhRun);
    if (plan && !ordinalMark && !percentMark && !/^[个年]/.test(text.slice(end, end + 6))) {
      const n = parseChineseNumeral(plan[1])!;
      const split = start + plan[1].length;
      out.push({ value: n, kind: 'ordinal', start, end: split, text: raw.slice(start, split), strong: true, accepted: true });
      out.push({ value: 5, kind: 'cardinal', start: split, end, text: raw.slice(split, end), strong: false, accepted: true });
      continue;
    }
    const run = zhRun;
    const value = parseChineseNumeral(run);
    if (value === null) continue;
    const isDigitsOnly = ![...run].some((c) => c in ZH_MAG);
    const loneUnit = run.length === 1 && run !== '十' && run in ZH_MAG;
    let kind: NumberKind = 'cardinal';
    let accepted = false;
    if (ordinalMark) {
      kind = 'ordinal';
      accepted = !isDigitsOnly || run.length === 1;
    } else if (percentMark) {
      kind = 'percent';
      accepted = true;
    } else if (isDigitsOnly && run.length > 1) {
      accepted = /^年/.test(text.slice(end, end + 6));
      if (accepted) kind = value >= 1000 && value < 3000 ? 'year' : 'cardinal';
    } else if (!loneUnit) {
      const unit = ZH_MEASURE.exec(text.slice(end, end + 6));
      if (unit) {
        accepted = true;
        if (unit[0] === '%') {
          kind = 'percent';
          end += 1;
        }
      } else if (/[万亿]/.test(run) && run.length > 1) {
        accepted = true;
      }
    }
    const strong = kind === 'percent' || kind === 'year' || (kind === 'ordinal' ? value > 1 : value > 2);
    out.push({ value, kind, start, end, text: raw.slice(start, end), strong, accepted });
  }
  // Range ends: 三至五年 — the first end takes the acceptance of the second.
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i];
    const b = out[i + 1];
    if (!a.accepted && b.accepted) {
      const gap = text.slice(a.end, b.start);
      if (RANGE_JOIN.test(gap) && gap.replace(RANGE_JOIN, '') === '') {
        a.accepted = true;
        a.strong = a.value > 2;
      }
    }
  }
  return out.filter((c) => c.accepted).map(({ accepted: _accepted, ...n }) => n);
}

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

const ZH_ANY = /[0-9\uff10-\uff19零〇一二两三四五六七八九十百千万亿]/;
const EN_ANY = new RegExp(
  `[0-9\\uff10-\\uff19%]|\\b(?:${wordAlternation([...Object.keys(EN_ONES), ...Object.keys(EN_TENS), ...Object.keys(EN_ORDINAL), ...Object.keys(EN_MAG), 'hundred'])})\\b`,
  'i',
);

// What can make an English number strong: figures, number words above ten, magnitudes, percent.
const EN_STRONG_HINT = new RegExp(
  `[0-9\\uff10-\\uff19%]|\\b(?:${wordAlternation([...Object.keys(EN_ONES).filter((w) => EN_ONES[w] > 10), ...Object.keys(EN_TENS), ...Object.keys(EN_ORDINAL).filter((w) => EN_ORDINAL[w] > 10), ...Object.keys(EN_MAG), 'hundred', 'percent', 'pct'])})\\b`,
  'i',
);

/**
 * False when the text cannot contain a number that needs a counterpart (a strong number): a
 * cheap test that lets the number check skip most sentences.
 */
export function mayHaveStrongNumbers(text: string, lang: 'zh' | 'en'): boolean {
  return (lang === 'zh' ? ZH_ANY : EN_STRONG_HINT).test(text);
}

const EN_MAG_WORDS = 'hundred|thousand|million|billion|trillion';
const EN_NUMBER_TOKEN = new RegExp(
  [
    '\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:st|nd|rd|th)?',
    '%',
    `\\b(?:${wordAlternation([...Object.keys(EN_ONES), ...Object.keys(EN_TENS), ...Object.keys(EN_ORDINAL), ...Object.keys(EN_MAG), 'hundred', 'percent', 'pct', 'percentage', 'cent'])})\\b`,
    `\\bper(?=[\\s-]+cent\\b)`,
    `\\ban?(?=[\\s-]+(?:${EN_MAG_WORDS})\\b)`,
    `\\band(?=[\\s-]+(?:${wordAlternation([...Object.keys(EN_ONES), ...Object.keys(EN_TENS)])})\\b)`,
  ].join('|'),
  'gi',
);

interface Tok {
  t: string;
  lower: string;
  start: number;
  end: number;
  num: boolean;
}

/** Tokens of one number phrase are separated by nothing, spaces or hyphens. */
function joined(text: string, a: Tok, b: Tok | undefined): boolean {
  if (!b) return false;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x2d && c !== 0x2010 && c !== 0x2011 && !WHITESPACE.test(text[k])) return false;
  }
  return true;
}
const WHITESPACE = /\s/;

function extractEn(raw: string): NumberMention[] {
  const text = foldWidth(raw);
  // Only the words that can be part of a number are tokens; any other word between two tokens
  // breaks the phrase, exactly as if every word were a token.
  const toks: Tok[] = [];
  EN_NUMBER_TOKEN.lastIndex = 0;
  for (let m = EN_NUMBER_TOKEN.exec(text); m; m = EN_NUMBER_TOKEN.exec(text)) {
    const t = m[0];
    const num = t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;
    const suffix = num ? /(st|nd|rd|th)$/i.exec(t) : null;
    if (suffix) {
      const digits = t.slice(0, -2);
      toks.push({ t: digits, lower: digits, start: m.index, end: m.index + digits.length, num });
      toks.push({ t: suffix[0], lower: suffix[0].toLowerCase(), start: m.index + digits.length, end: m.index + t.length, num: false });
    } else {
      toks.push({ t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, num });
    }
  }
  const out: NumberMention[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i];
    let value: number;
    let kind: NumberKind = 'cardinal';
    let strong: boolean;
    let j = i + 1;
    if (tok.num) {
      value = Number(tok.t.replace(/,/g, ''));
      strong = true;
      const suffix = toks[j];
      if (suffix && suffix.start === tok.end && /^(st|nd|rd|th)$/.test(suffix.lower)) {
        kind = 'ordinal';
        j++;
      } else {
        while (toks[j] && joined(text, toks[j - 1], toks[j]) && toks[j].lower in EN_MAG) {
          value *= EN_MAG[toks[j].lower];
          j++;
        }
        if (kind === 'cardinal' && Number.isInteger(value) && value >= 1000 && value < 3000 && !/[,.]/.test(tok.t)) kind = 'year';
      }
      if (value === 1) strong = false;
    } else {
      // A phrase of number words: "twenty-one", "one hundred and five", "a hundred billion".
      let total = 0;
      let current = 0;
      let any = false;
      let big = false;
      let k = i;
      for (; k < toks.length; k++) {
        const w = toks[k].lower;
        if (k > i && !joined(text, toks[k - 1], toks[k])) break;
        if (w in EN_ONES || w in EN_TENS) {
          current += EN_ONES[w] ?? EN_TENS[w];
        } else if (w === 'hundred') {
          current = (current || 1) * 100;
          big = true;
        } else if (w in EN_MAG && w !== 'bn' && w !== 'mn') {
          total += (current || 1) * EN_MAG[w];
          current = 0;
          big = true;
        } else if (w in EN_ORDINAL) {
          current += EN_ORDINAL[w];
          kind = 'ordinal';
          any = true;
          k++;
          break;
        } else if ((w === 'a' || w === 'an') && !any && toks[k + 1] && joined(text, toks[k], toks[k + 1]) && (toks[k + 1].lower === 'hundred' || toks[k + 1].lower in EN_MAG)) {
          continue;
        } else if (w === 'and' && any && toks[k + 1] && (toks[k + 1].lower in EN_ONES || toks[k + 1].lower in EN_TENS)) {
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
    const p = toks[j];
    if (kind !== 'ordinal' && p) {
      if (p.t === '%' && p.start === toks[j - 1].end) {
        kind = 'percent';
        j++;
      } else if (joined(text, toks[j - 1], p) && /^(percent|pct|percentage)$/.test(p.lower)) {
        kind = 'percent';
        j++;
      } else if (joined(text, toks[j - 1], p) && p.lower === 'per' && toks[j + 1]?.lower === 'cent' && joined(text, p, toks[j + 1])) {
        kind = 'percent';
        j += 2;
      }
      if (kind === 'percent') strong = true;
    }
    const start = tok.lower === 'a' || tok.lower === 'an' ? toks[i + 1].start : tok.start;
    const end = toks[j - 1].end;
    out.push({ value, kind, start, end, text: raw.slice(start, end), strong });
    i = j;
  }
  return out;
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
