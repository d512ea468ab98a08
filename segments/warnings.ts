// Source warnings: defects a translator should see but that repair must not silently "fix".
// Algorithm: single regex/stack scans over the repaired text, positions mapped back to the raw text
// through the repair offset map.
// - latin-in-cjk: runs of lowercase Latin words (running English such as `and`) standing between
//   Chinese characters; acronyms, codes and units (AI, G60, km after a number) are legitimate.
// - repeated-char: a Han character written three or more times in a row (居留留留). Doubled characters
//   are left alone: across word boundaries they are normal Chinese (健全全链条, 中国国际, 财政政策).
// - repeated-word: a 2–4 character sequence written twice in a row (水生态生态治理), apart from the
//   ABAB reduplications of ordinary Chinese (研究研究, 一步一步).
// - traditional-char: characters that OpenCC's Traditional→Simplified tables (opencc-js, Taiwan
//   variants) change, checked one character at a time, except characters that are also standard
//   simplified forms.
// - unbalanced-bracket / unbalanced-quote: a bracket stack per paragraph.
// - heading-gap / heading-repeat: from the outline (segments/structure.ts).

import * as OpenCC from 'opencc-js/t2cn';
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
const TRIPLED = /(\p{Script=Han})\1{2,}/gu;
const DOUBLED_SEQUENCE = /(\p{Script=Han}{2,4})\1/gu;

/** ABAB reduplication that is ordinary Chinese, not a doubled word. */
const REDUPLICATION_OK = new Set(['研究研究', '讨论讨论', '考虑考虑', '商量商量', '学习学习', '休息休息', '介绍介绍', '整理整理', '打扫打扫', '活动活动', '雪白雪白', '通红通红', '笔直笔直', '冰凉冰凉']);

/** Characters OpenCC maps to a simplified form but which are themselves standard simplified characters (《通用规范汉字表》). */
const ALSO_SIMPLIFIED = new Set(['乾', '於', '夥', '麼', '瞭', '藉', '著', '祇', '覆']);

const BRACKETS: Record<string, string> = { '（': '）', '(': ')', '《': '》', '【': '】', '〔': '〕', '［': '］', '[': ']', '〈': '〉', '｛': '｝', '{': '}' };
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』' };
const CLOSERS = new Map<string, string>([...Object.entries(BRACKETS), ...Object.entries(QUOTES)].map(([o, c]) => [c, o]));
const BRACKET_CHARS = /[（）()《》【】〔〕［］\[\]〈〉｛｝{}“”‘’「」『』"]/g;

let toSimplified: ((text: string) => string) | null = null;
const traditionalCache = new Map<string, string | null>();

/** The simplified form of `ch` when it is a traditional character, else null. */
export function simplifiedFormOf(ch: string): string | null {
  let cached = traditionalCache.get(ch);
  if (cached !== undefined) return cached;
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const s = toSimplified(ch);
  cached = s !== ch && !ALSO_SIMPLIFIED.has(ch) ? s : null;
  traditionalCache.set(ch, cached);
  return cached;
}

function isQuote(ch: string): boolean {
  return ch in QUOTES || ch === '”' || ch === '’' || ch === '」' || ch === '』' || ch === '"';
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

  for (const m of text.matchAll(TRIPLED)) {
    add('repeated-char', m.index, m.index + m[0].length, `character ${m[1]} written ${[...m[0]].length} times in a row`);
  }

  for (const m of text.matchAll(DOUBLED_SEQUENCE)) {
    const word = m[1];
    const chars = [...word];
    if (chars.every((c) => c === chars[0])) continue; // a repeated character, reported above
    if (REDUPLICATION_OK.has(m[0]) || (chars.length === 2 && chars[0] === '一')) continue; // 一步一步
    add('repeated-word', m.index, m.index + m[0].length, `"${word}" written twice in a row`);
  }

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) continue;
    let ch = text[i];
    if (code >= 0xd800 && code <= 0xdbff) ch = text.slice(i, i + 2);
    if (!HAN.test(ch)) {
      if (ch.length === 2) i++;
      continue;
    }
    const simplified = simplifiedFormOf(ch);
    if (simplified) add('traditional-char', i, i + ch.length, `traditional character ${ch} in simplified text (simplified: ${simplified})`);
    if (ch.length === 2) i++;
  }

  // Brackets and quotes balance within a paragraph.
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const stack: { ch: string; pos: number }[] = [];
    const straight: number[] = [];
    BRACKET_CHARS.lastIndex = 0;
    const line = text.slice(lineStart, lineEnd);
    for (const m of line.matchAll(BRACKET_CHARS)) {
      const ch = m[0];
      const pos = lineStart + m.index;
      if (ch === '"') {
        straight.push(pos);
      } else if (ch in BRACKETS || ch in QUOTES) {
        stack.push({ ch, pos });
      } else {
        const opener = CLOSERS.get(ch)!;
        let k = stack.length - 1;
        while (k >= 0 && stack[k].ch !== opener) k--;
        if (k < 0) {
          add(isQuote(ch) ? 'unbalanced-quote' : 'unbalanced-bracket', pos, pos + 1, `closing ${ch} without an opening ${opener}`);
          continue;
        }
        for (const open of stack.splice(k + 1)) {
          add(isQuote(open.ch) ? 'unbalanced-quote' : 'unbalanced-bracket', open.pos, open.pos + 1, `${open.ch} is not closed before ${ch}`);
        }
        stack.pop();
      }
    }
    for (const open of stack) {
      add(isQuote(open.ch) ? 'unbalanced-quote' : 'unbalanced-bracket', open.pos, open.pos + 1, `${open.ch} is not closed in its paragraph`);
    }
    if (straight.length % 2 === 1) {
      const pos = straight[straight.length - 1];
      add('unbalanced-quote', pos, pos + 1, 'odd number of " in the paragraph');
    }
    lineStart = lineEnd + 1;
  }

  for (const line of outline ?? detectStructure(text)) {
    for (const problem of line.problems) {
      add(problem.code, line.start, line.start + (line.number?.numberLength ?? 1), problem.message);
    }
  }

  warnings.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  return warnings;
}
