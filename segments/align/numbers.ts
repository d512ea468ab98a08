// Number normalisation for alignment: Chinese and English numbers (Arabic digits, Chinese numerals
// with 万/亿 scales, English number words and scale words, ordinals, Roman heading numerals, plan names
// like 十五五) map to one canonical key "#<value>", so that `2030年` meets `2030`, `1万亿元` meets
// `1 trillion yuan` and `第二` meets `second`. Chinese numeral parsing follows the usual positional
// reading (units 十百千 within sections, 万/亿 as section multipliers; a run without units is read
// digit by digit, as in 二〇三〇).

const ZH_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_SECTION: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral. */
export const ZH_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** The canonical key of a numeric value. */
export function numberKey(value: number): string {
  return '#' + String(Number(value.toPrecision(12)));
}

/** Value of a run of Chinese numeral characters, or undefined if it is not a well-formed numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const chars = [...s];
  if (chars.every((c) => c in ZH_DIGIT)) {
    if (chars.length === 1) return ZH_DIGIT[chars[0]];
    // 二〇三〇 → 2030, but 三四 ("three or four") is not a numeral we can name.
    if (chars.some((c) => c === '〇' || c === '零') || chars.length >= 3) {
      return Number(chars.map((c) => ZH_DIGIT[c]).join(''));
    }
    return undefined;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastScale = Infinity;
  for (const c of chars) {
    if (c in ZH_DIGIT) {
      if (digit >= 0 && ZH_DIGIT[c] !== 0 && digit !== 0) return undefined;
      digit = ZH_DIGIT[c];
    } else if (c in ZH_UNIT) {
      section += (digit < 0 ? 1 : digit) * ZH_UNIT[c];
      digit = -1;
    } else if (c in ZH_SECTION) {
      const mult = ZH_SECTION[c];
      const sectionValue = section + (digit > 0 ? digit : 0);
      // 万亿 = 10^12: a scale right after a scale multiplies everything so far; 三亿五千万 adds 5000万.
      if (sectionValue === 0) total = (total === 0 ? 1 : total) * mult;
      else if (mult < lastScale) total += sectionValue * mult;
      else total = (total + sectionValue) * mult;
      lastScale = Math.min(lastScale === Infinity ? mult : lastScale, mult);
      section = 0;
      digit = -1;
    } else {
      return undefined;
    }
  }
  return total + section + (digit > 0 ? digit : 0);
}

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50,
};
const EN_SCALE: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  hundredth: 100, thousandth: 1e3, millionth: 1e6,
};
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Value of an English number word or hyphenated compound ("twenty-five", "fifteenth"), else undefined. */
export function englishNumberWord(word: string): number | undefined {
  // Every number word starts with one of these letters; most words stop here.
  if (!/^[ZzOoTtFfSsEeNnHh]/.test(word)) return undefined;
  const lower = word.toLowerCase();
  if (lower in EN_UNITS) return EN_UNITS[lower];
  const parts = lower.split('-');
  if (parts.length === 2 && parts[0] in EN_UNITS && parts[1] in EN_UNITS && EN_UNITS[parts[0]] >= 20 && EN_UNITS[parts[1]] < 10) {
    return EN_UNITS[parts[0]] + EN_UNITS[parts[1]];
  }
  return undefined;
}

export function englishScaleWord(word: string): number | undefined {
  return EN_SCALE[word.toLowerCase()];
}

/** Month number of an English month name (capitalised, as in running text), else undefined. */
export function englishMonth(word: string): number | undefined {
  if (!/^[A-Z]/.test(word) || word === 'May' || word === 'March') return undefined;
  const i = MONTHS.indexOf(word.toLowerCase());
  return i < 0 ? undefined : i + 1;
}

const ROMAN = /^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Value of an upper-case Roman numeral used as a heading number ("VII"), else undefined.
 * A lone "I" is the pronoun, and lone "V", "X", "C", "D", "L", "M" are more often letters.
 */
export function romanNumeral(word: string): number | undefined {
  if (word.length < 2 || !ROMAN.test(word)) return undefined;
  let value = 0;
  for (let k = 0; k < word.length; k++) {
    const v = ROMAN_VALUE[word[k]];
    const next = k + 1 < word.length ? ROMAN_VALUE[word[k + 1]] : 0;
    value += v < next ? -v : v;
  }
  return value;
}

/** Value of a run of Arabic digits as written ("2,030", "2.5", full-width "２０３０"); heading numbers like "1.1.2" keep their text. */
export function arabicKey(digits: string): string {
  const ascii = digits.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,(?=\d{3})/g, '');
  if ((ascii.match(/\./g) ?? []).length > 1) return '#' + ascii;
  return numberKey(Number(ascii));
}
