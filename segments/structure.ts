// Outline structure of a Chinese policy document.
// Algorithm: each line is matched against the outline numbering styles of Chinese official documents
// (GB/T 9704-2012 §7.3.3 orders them 一、 → （一） → 1. → （1）; chapter/section headings 第X章/第X节
// sit above, and the decimal style 1.1 used by plan outlines sits below 1.). Every style has a fixed
// rank; a numbered line closes every open level of equal or lower rank and opens its own, which
// yields the section path. A line is a heading (rather than a numbered paragraph) when its first
// sentence is short and has no clause punctuation: `1.1 优化基础研究组织模式。深化…` → heading
// `1.1 优化基础研究组织模式`, then body.

export type OutlineStyle = 'chapter' | 'section' | 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled';

export interface OutlineNumber {
  style: OutlineStyle;
  /** Rank in the outline: lower is higher up. */
  rank: number;
  /** How the level appears in a section path: `七`, `（一）`, `3`, `3.1`, `第一章`. */
  label: string;
  /** The numbers written, outermost first: `3.1` → [3, 1], `七、` → [7]. */
  numbers: number[];
  /** Length of the numbering including the whitespace after it. */
  length: number;
  /** Length of the numbering without trailing whitespace. */
  numberLength: number;
}

export interface OutlineLine {
  /** Offsets in the text of the line's content (surrounding whitespace excluded). */
  start: number;
  end: number;
  number: OutlineNumber | null;
  /** End of the heading text (before its sentence-final punctuation); null when the line is not a heading. */
  headingEnd: number | null;
  /** True for the document title (first line, short, unnumbered, no final punctuation). */
  title: boolean;
  /** Outline path labels in force for this line (including its own number). */
  path: string[];
  /** Numbering problems found while building the outline. */
  problems: { code: 'heading-gap' | 'heading-repeat'; message: string }[];
}

const CN_DIGITS = '零〇一二两三四五六七八九十百';
const CN_NUM = `[${CN_DIGITS}]+`;

const OUTLINE_PATTERNS: { style: OutlineStyle; re: RegExp; label: (m: RegExpExecArray) => string }[] = [
  { style: 'chapter', re: new RegExp(`^第(${CN_NUM}|\\d{1,3})章[ \\t\\u3000]*`), label: (m) => `第${m[1]}章` },
  { style: 'section', re: new RegExp(`^第(${CN_NUM}|\\d{1,3})节[ \\t\\u3000]*`), label: (m) => `第${m[1]}节` },
  { style: 'cn', re: new RegExp(`^(${CN_NUM})[、．][ \\t\\u3000]*`), label: (m) => m[1] },
  { style: 'paren-cn', re: new RegExp(`^[（(](${CN_NUM})[）)][ \\t\\u3000]*`), label: (m) => `（${m[1]}）` },
  // Decimal numbering needs whitespace or a closing dot after it, so `1.5倍` is not a heading.
  { style: 'arabic', re: /^(\d{1,2}(?:[.．]\d{1,2})+)(?:[.．](?!\d)[ \t\u3000]*|[ \t\u3000]+)/, label: (m) => m[1].replace(/．/g, '.') },
  { style: 'arabic', re: /^(\d{1,2})[.．、](?!\d)[ \t\u3000]*/, label: (m) => m[1] },
  { style: 'paren-arabic', re: /^[（(](\d{1,2})[）)][ \t\u3000]*/, label: (m) => `（${m[1]}）` },
  { style: 'circled', re: /^([①-⑳])[ \t\u3000]*/, label: (m) => m[1] },
];

const BASE_RANK: Record<OutlineStyle, number> = { chapter: 0, section: 1, cn: 2, 'paren-cn': 3, arabic: 4, 'paren-arabic': 10, circled: 11 };

/** Value of a Chinese numeral up to 999 (`十五` → 15, `一百零二` → 102) or of Arabic digits. */
export function chineseNumberValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in digit) current = digit[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/** The outline numbering a line starts with, or null. `line` must start at the line's content. */
export function matchOutline(line: string): OutlineNumber | null {
  for (const pattern of OUTLINE_PATTERNS) {
    const m = pattern.re.exec(line);
    if (!m) continue;
    const label = pattern.label(m);
    let numbers: number[];
    if (pattern.style === 'arabic') numbers = label.split('.').map(Number);
    else if (pattern.style === 'circled') numbers = [m[1].charCodeAt(0) - 0x2460 + 1];
    else numbers = [chineseNumberValue(m[1])];
    if (numbers.some((n) => Number.isNaN(n))) continue;
    const rank = BASE_RANK[pattern.style] + (pattern.style === 'arabic' ? numbers.length - 1 : 0);
    const numberLength = m[0].replace(/[ \t\u3000]+$/, '').length;
    return { style: pattern.style, rank, label, numbers, length: m[0].length, numberLength };
  }
  return null;
}

const SENTENCE_FINAL = /[。！？!?…]/;
const CLAUSE_PUNCT = /[，；,;]/;
/** Headings in the sample run to 22 characters; numbered paragraphs with a long first sentence are body text. */
const MAX_HEADING = 50;
const MAX_TITLE = 60;

/**
 * Where the heading of a numbered line ends (offset within `content`), or null when the line is a
 * numbered paragraph rather than a heading.
 */
export function headingEndIn(content: string): number | null {
  const m = SENTENCE_FINAL.exec(content);
  const head = m ? content.slice(0, m.index) : content;
  if (head.length > MAX_HEADING || CLAUSE_PUNCT.test(head)) return null;
  return head.replace(/[ \t\u3000]+$/, '').length;
}

/** A line standing alone as a title: short, unnumbered, without sentence-final punctuation. */
export function isTitleLike(content: string): boolean {
  return content.length <= MAX_TITLE && !SENTENCE_FINAL.test(content) && !CLAUSE_PUNCT.test(content);
}

/** A whole line that is a heading (so it never continues into the next paragraph). */
export function isHeadingLine(content: string): boolean {
  const number = matchOutline(content);
  if (!number) return false;
  return headingEndIn(content) === content.length && content.length <= MAX_TITLE;
}

const WS = /[ \t\r\u3000\u00a0]/;

/**
 * The outline of `text`: one entry per non-blank line, with section paths and numbering problems
 * (gaps and repeats among siblings; the first number under a parent may exceed 1 only at the top
 * level, because excerpts such as the sample start mid-document).
 */
export function detectStructure(text: string): OutlineLine[] {
  const lines: OutlineLine[] = [];
  // Open levels: the number, plus the last child number seen under each rank.
  type Level = { number: OutlineNumber; lastChild: Map<number, OutlineNumber> };
  const stack: Level[] = [];
  const rootChildren = new Map<number, OutlineNumber>();
  let sawContent = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && WS.test(text[start])) start++;
    while (end > start && WS.test(text[end - 1])) end--;
    if (end > start) {
      const content = text.slice(start, end);
      const number = matchOutline(content);
      const problems: OutlineLine['problems'] = [];
      let headingEnd: number | null = null;
      let title = false;
      if (number) {
        while (stack.length > 0 && stack[stack.length - 1].number.rank >= number.rank) stack.pop();
        const siblings = stack.length > 0 ? stack[stack.length - 1].lastChild : rootChildren;
        const previous = siblings.get(number.rank);
        const value = number.numbers[number.numbers.length - 1];
        if (previous) {
          const before = previous.numbers[previous.numbers.length - 1];
          if (value === before) problems.push({ code: 'heading-repeat', message: `heading ${number.label} repeats the number of the heading before it (${previous.label})` });
          else if (value < before) problems.push({ code: 'heading-repeat', message: `heading ${number.label} comes after ${previous.label}: numbering goes backwards` });
          else if (value > before + 1) problems.push({ code: 'heading-gap', message: `heading ${number.label} follows ${previous.label}: ${value - before - 1} number(s) missing` });
        } else if (stack.length > 0 && value !== 1) {
          problems.push({ code: 'heading-gap', message: `heading ${number.label} is the first under ${stack[stack.length - 1].number.label} but is not numbered 1` });
        }
        siblings.set(number.rank, number);
        stack.push({ number, lastChild: new Map() });
        const end = headingEndIn(content.slice(number.length));
        headingEnd = end === null ? null : start + number.length + end;
        if (end === 0) headingEnd = start + number.numberLength; // a bare number line
      } else if (!sawContent && isTitleLike(content)) {
        title = true;
        headingEnd = end;
      }
      sawContent = true;
      lines.push({ start, end, number, headingEnd, title, path: title ? [] : stack.map((l) => l.number.label), problems });
    }
    lineStart = lineEnd + 1;
  }
  return lines;
}
