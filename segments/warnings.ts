// Source warnings: defects a translator should see but that repair must not silently "fix".
// Algorithm: linear scans over the repaired text (one regex pass for Latin words, one code-unit pass
// for the per-character checks, one bracket stack), positions mapped back to the raw text through
// the repair offset map.
// - latin-in-cjk: runs of lowercase Latin words (running English such as `and`) standing between
//   Chinese characters; acronyms, codes and units (AI, G60, km after a number) are legitimate.
// - repeated-char: a Han character written three or more times in a row (居留留留). Doubled characters
//   are left alone: across word boundaries they are normal Chinese (健全全链条, 中国国际, 财政政策).
// - repeated-word: a 2–4 character sequence written twice in a row (水生态生态治理), apart from the
//   ABAB reduplications of ordinary Chinese (研究研究, 一步一步).
// - traditional-char: a character is traditional when OpenCC's Traditional→Simplified tables
//   (opencc-js, Taiwan variants) change it AND its Simplified→Traditional tables leave it unchanged,
//   checked one character at a time. The second test keeps simplified characters that the
//   Taiwan-variant tables also rewrite (么 → 幺, although 么 is the simplified form of 麼) from being
//   flagged; a short list covers characters that pass both tests yet are standard simplified forms.
// - unbalanced-bracket / unbalanced-quote: a bracket stack per paragraph.
// - heading-gap / heading-repeat: from the outline (segments/structure.ts).

import * as OpenCC from 'opencc-js/t2cn';
import * as OpenCCToTraditional from 'opencc-js/cn2t';
import type { RepairResult } from './repair.ts';
import { repairSource } from './repair.ts';
import type { OutlineLine } from './structure.ts';
import { detectStructure } from './structure.ts';

export type WarningCode =
  | 'latin-in-cjk'
  | 'repeated-char'
  | 'repeated-word'
  | 'traditional-char'
  | 'unbalanced-bracket'
  | 'unbalanced-quote'
  | 'heading-gap'
  | 'heading-repeat';

export interface SourceWarning {
  code: WarningCode;
  message: string;
  rawStart: number;
  rawEnd: number;
  /** The flagged text with a little context, on one line. */
  excerpt: string;
}

const HAN = /\p{Script=Han}/u;
const LOWER_WORDS = /[a-z]+(?:[ ]+[a-z]+)*/g;
/** Han characters of the Basic Multilingual Plane, as a lookup table (1 = Han). */
const HAN_BMP = new Uint8Array(0x10000);
for (let c = 0x2e80; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  if (HAN.test(String.fromCharCode(c))) HAN_BMP[c] = 1;
}
/** Per BMP code point: 0 not yet looked up, 1 not traditional, 2 traditional. */
const TRADITIONAL_STATE = new Uint8Array(0x10000);

/** ABAB reduplication that is ordinary Chinese, not a doubled word. */
const REDUPLICATION_OK = new Set(['研究研究', '讨论讨论', '考虑考虑', '商量商量', '学习学习', '休息休息', '介绍介绍', '整理整理', '打扫打扫', '活动活动', '雪白雪白', '通红通红', '笔直笔直', '冰凉冰凉']);

/** Characters OpenCC maps to a simplified form but which are themselves standard simplified characters (《通用规范汉字表》). */
const ALSO_SIMPLIFIED = new Set(['乾', '於', '夥', '麼', '瞭', '藉', '著', '祇', '覆']);

const BRACKETS: Record<string, string> = { '（': '）', '(': ')', '《': '》', '【': '】', '〔': '〕', '［': '］', '[': ']', '〈': '〉', '｛': '｝', '{': '}' };
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』' };
const CLOSERS = new Map<string, string>([...Object.entries(BRACKETS), ...Object.entries(QUOTES)].map(([o, c]) => [c, o]));
/** Per BMP code point: 1 opening bracket/quote, 2 closing, 3 straight double quote, 4 newline. */
const MARK = new Uint8Array(0x10000);
for (const o of [...Object.keys(BRACKETS), ...Object.keys(QUOTES)]) MARK[o.charCodeAt(0)] = 1;
for (const c of CLOSERS.keys()) MARK[c.charCodeAt(0)] = 2;
MARK[0x22] = 3;
MARK[0x0a] = 4;

let toSimplified: ((text: string) => string) | null = null;
let toTraditional: ((text: string) => string) | null = null;
const traditionalCache = new Map<string, string | null>();

/** The simplified form of `ch` when it is a traditional character, else null. */
export function simplifiedFormOf(ch: string): string | null {
  let cached = traditionalCache.get(ch);
  if (cached !== undefined) return cached;
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const s = toSimplified(ch);
  if (s === ch || ALSO_SIMPLIFIED.has(ch)) {
    cached = null;
  } else {
    // A character that converting to traditional would change is itself a simplified form (么 → 麼).
    toTraditional ??= OpenCCToTraditional.Converter({ from: 'cn', to: 'tw' });
    cached = toTraditional(ch) === ch ? s : null;
  }
  traditionalCache.set(ch, cached);
  return cached;
}

function isQuote(ch: string): boolean {
  return ch in QUOTES || ch === '”' || ch === '’' || ch === '」' || ch === '』' || ch === '"';
}

interface Hit {
  code: WarningCode;
  start: number;
  end: number;
  message: string;
}

/**
 * repeated-char, repeated-word and traditional-char in one pass over the code units: regexes with
 * \p{Script=Han} and backreferences cost several times more on a million characters, and a small
 * function of its own keeps this hot loop optimisable.
 */
function scanCharacters(text: string): Hit[] {
  const hits: Hit[] = [];
  const hit = (code: WarningCode, start: number, end: number, message: string): void => void hits.push({ code, start, end, message });
  let repeatReach = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      // Astral characters (CJK extensions B–G) are only checked for traditional forms.
      const ch = text.slice(i, i + 2);
      const simplified = HAN.test(ch) ? simplifiedFormOf(ch) : null;
      if (simplified) hit('traditional-char', i, i + 2, `traditional character ${ch} in simplified text (simplified: ${simplified})`);
      i++;
      continue;
    }
    if (HAN_BMP[c] === 0) continue;
    if (i + 2 < n && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && (i === 0 || text.charCodeAt(i - 1) !== c)) {
      let e = i + 3;
      while (e < n && text.charCodeAt(e) === c) e++;
      hit('repeated-char', i, e, `character ${text[i]} written ${e - i} times in a row`);
    }
    if (i >= repeatReach) {
      // Longest doubled sequence first, as the regex (\p{Han}{2,4})\1 would find it.
      for (let len = 4; len >= 2; len--) {
        if (i + 2 * len > n || text.charCodeAt(i + len) !== c) continue;
        let same = true;
        for (let k = 0; k < 2 * len && same; k++) {
          const d = text.charCodeAt(i + k);
          if (HAN_BMP[d] === 0 || (k >= len && d !== text.charCodeAt(i + k - len))) same = false;
        }
        if (!same) continue;
        repeatReach = i + 2 * len;
        const doubled = text.slice(i, i + 2 * len);
        const word = doubled.slice(0, len);
        let allOne = true;
        for (let k = 1; k < len; k++) if (word.charCodeAt(k) !== c) allOne = false;
        // A repeated character is reported above; 一步一步 and ABAB verb reduplication are ordinary Chinese.
        if (!allOne && !REDUPLICATION_OK.has(doubled) && !(len === 2 && word[0] === '一')) {
          hit('repeated-word', i, i + 2 * len, `"${word}" written twice in a row`);
        }
        break;
      }
    }
    let state = TRADITIONAL_STATE[c];
    if (state === 0) {
      state = simplifiedFormOf(text[i]) ? 2 : 1;
      TRADITIONAL_STATE[c] = state;
    }
    if (state === 2) hit('traditional-char', i, i + 1, `traditional character ${text[i]} in simplified text (simplified: ${simplifiedFormOf(text[i])})`);
  }
  return hits;
}

/** Brackets and quotes balance within a paragraph (a line): a stack of open marks, reset at each newline. */
function scanBrackets(text: string): Hit[] {
  const hits: Hit[] = [];
  const kind = (pos: number): WarningCode => (isQuote(text[pos]) ? 'unbalanced-quote' : 'unbalanced-bracket');
  const stack: number[] = [];
  let straight = -1;
  let straightCount = 0;
  const endParagraph = (): void => {
    for (const open of stack) hits.push({ code: kind(open), start: open, end: open + 1, message: `${text[open]} is not closed in its paragraph` });
    stack.length = 0;
    if (straightCount % 2 === 1) hits.push({ code: 'unbalanced-quote', start: straight, end: straight + 1, message: 'odd number of " in the paragraph' });
    straightCount = 0;
  };
  for (let pos = 0; pos < text.length; pos++) {
    const mark = MARK[text.charCodeAt(pos)];
    if (mark === 0) continue;
    if (mark === 4) {
      endParagraph();
    } else if (mark === 1) {
      stack.push(pos);
    } else if (mark === 3) {
      straight = pos;
      straightCount++;
    } else {
      const ch = text[pos];
      const opener = CLOSERS.get(ch)!;
      let k = stack.length - 1;
      while (k >= 0 && text[stack[k]] !== opener) k--;
      if (k < 0) {
        hits.push({ code: kind(pos), start: pos, end: pos + 1, message: `closing ${ch} without an opening ${opener}` });
        continue;
      }
      for (const open of stack.splice(k + 1)) {
        hits.push({ code: kind(open), start: open, end: open + 1, message: `${text[open]} is not closed before ${ch}` });
      }
      stack.pop();
    }
  }
  endParagraph();
  return hits;
}

export function sourceWarnings(input: string | RepairResult, outline?: OutlineLine[]): SourceWarning[] {
  const repaired = typeof input === 'string' ? repairSource(input) : input;
  const text = repaired.text;
  const warnings: SourceWarning[] = [];
  const add = (code: WarningCode, start: number, end: number, message: string): void => {
    const before = text.lastIndexOf('\n', start - 1);
    const lineStart = Math.max(before + 1, start - 8);
    let after = text.indexOf('\n', end);
    if (after < 0) after = text.length;
    const excerpt = text.slice(lineStart, Math.min(after, end + 8));
    warnings.push({ code, message, rawStart: repaired.offsets.toRaw(start), rawEnd: repaired.offsets.toRawEnd(end), excerpt });
  };

  // Running English inside Chinese: lowercase words bounded by Chinese (spaces allowed), not glued to digits or code-like punctuation.
  for (const m of text.matchAll(LOWER_WORDS)) {
    const start = m.index;
    const end = start + m[0].length;
    const prevCh = text[start - 1];
    const nextCh = text[end];
    if (prevCh !== undefined && !/[\s\p{Script=Han}\p{P}]/u.test(prevCh)) continue; // part of a longer token (G60, 5g, iPhone)
    if (nextCh !== undefined && !/[\s\p{Script=Han}\p{P}]/u.test(nextCh)) continue;
    if (/[./@:_\-]/.test(prevCh ?? '') || /[./@:_\-]/.test(nextCh ?? '')) continue; // URLs, file names, e-mail
    let p = start - 1;
    while (p >= 0 && (text[p] === ' ' || text[p] === '\u3000')) p--;
    let n = end;
    while (n < text.length && (text[n] === ' ' || text[n] === '\u3000')) n++;
    if (p >= 0 && /\d/.test(text[p])) continue; // a unit after a number: 10 km
    if (!HAN.test(text[p] ?? '') && !HAN.test(text[n] ?? '')) continue;
    add('latin-in-cjk', start, end, `English "${m[0]}" inside Chinese text`);
  }

  for (const hit of scanCharacters(text)) add(hit.code, hit.start, hit.end, hit.message);

  for (const hit of scanBrackets(text)) add(hit.code, hit.start, hit.end, hit.message);

  for (const line of outline ?? detectStructure(text)) {
    for (const problem of line.problems) {
      add(problem.code, line.start, line.start + (line.number?.numberLength ?? 1), problem.message);
    }
  }

  warnings.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  return warnings;
}
