// Default Chinese segmentation rules as SRX-style ordered break/no-break regex pairs (evaluated by
// segments/rules.ts). Sources: the Chinese national standard on punctuation GB/T 15834-2011 (。？！ and the
// sentence-final ellipsis …… end a sentence; closing quotes and brackets belong to the sentence they
// close), and the exception-first rule layout of the OmegaT / Okapi default SRX files.
//
// Sentence level: break after 。！？ (and half-width !? written after Chinese), after a sentence-final …… /
// …, with any closing quotes/brackets kept on the sentence. Never inside 《…》 titles, nor inside a quote or
// bracket pair that closes again on the same line within a short window (a quoted slogan or a bracketed
// note is part of the sentence around it), nor after a quoted ！/？ that the sentence goes on to use as a
// noun (“加油！”的口号). A quote that closes a sentence (他说：“好。”然后…) breaks after the closing mark.
// Clause level: additionally after ；： and after a ， that separates two real clauses — at least six
// characters since the previous clause punctuation and at least six before the next one, which skips
// number lists (1，2，3) and short parallel items (做精中职，做强高职).
import type { RuleSet, SegmentationRule } from './rules.ts';

/** Closing quotes and brackets that stay with the sentence they end. */
const CLOSE = '”’」』）》】〕〗〙］｝\\)\\]"\'»';
/** Full-width sentence terminators (｡ is the half-width katakana-block full stop seen in OCR output). */
const TERM = '。！？｡';
const ELLIPSIS = '…⋯';
/** Punctuation that may follow a terminator without starting a new sentence. */
const TRAILING = `${TERM}!?${ELLIPSIS}.，、；：,;:${CLOSE}`;
/** How far (in characters each side) a bracket/quote pair is looked for; keeps lookbehinds bounded. */
const PAIR_WINDOW = 80;
const TITLE_WINDOW = 200;

const PAIRS: [string, string, number][] = [
  ['《', '》', TITLE_WINDOW],
  ['〈', '〉', TITLE_WINDOW],
  ['“', '”', PAIR_WINDOW],
  ['‘', '’', PAIR_WINDOW],
  ['「', '」', PAIR_WINDOW],
  ['『', '』', PAIR_WINDOW],
  ['（', '）', PAIR_WINDOW],
  ['(', ')', PAIR_WINDOW],
  ['【', '】', PAIR_WINDOW],
];

const esc = (c: string) => c.replace(/[()[\]]/g, '\\$&');

/**
 * One no-break rule for "inside a bracket or quote pair": the nearest bracket/quote mark after the
 * position is a closer, and looking back from that closer its opener is found on the same line with no
 * other mark of that kind in between. One forward scan serves all pair kinds, which keeps the rule cheap
 * at every candidate position (nine separate pair rules cost nine scans).
 */
function insideAnyPair(): SegmentationRule {
  const marks = PAIRS.map(([o, c]) => esc(o) + esc(c)).join('');
  const closers = PAIRS.map(([o, c, w]) => `${esc(c)}(?<=${esc(o)}[^${esc(o)}${esc(c)}\\n]{0,${w}}${esc(c)})`);
  return {
    break: false,
    before: '',
    // (?=(x*))\1 is an atomic x*: the scan stops at the first mark and never backtracks.
    after: `(?=([^${marks}\\n]{0,${TITLE_WINDOW}}))\\1(?:${closers.join('|')})`,
  };
}

const PAIR_RULES: SegmentationRule[] = [insideAnyPair()];

const SENTENCE_RULES: SegmentationRule[] = [
  ...PAIR_RULES,
  // 。” / ？！ / ……。 / 。，: the sentence goes on to the last terminator or closer.
  { break: false, before: `[${TERM}!?${ELLIPSIS}.][${CLOSE}]*`, after: `[${TRAILING}]` },
  // “加油！”的口号 / “为什么？”等问题: a quoted exclamation or question used as a noun inside the sentence.
  { break: false, before: `[！？!?][”’」』]`, after: '[的地得等之和与及或]' },
  { break: true, before: `[${TERM}][${CLOSE}]*`, after: '' },
  // Half-width ! and ? end a sentence only when written after Chinese text (not in Latin runs).
  { break: true, before: `[\\p{Script=Han}${CLOSE}][!?]+[${CLOSE}]*`, after: '' },
  // Ellipsis (…… or … or ... after Chinese) that is not followed by more punctuation ends the sentence.
  { break: true, before: `(?:[${ELLIPSIS}]|\\p{Script=Han}\\.{3,})[${CLOSE}]*`, after: '' },
];

const CLAUSE_PUNCT = '，；：。！？!?;:…⋯\\n';

const CLAUSE_RULES: SegmentationRule[] = [
  // 10：30, 1:1000 — a colon between digits is not a clause boundary.
  { break: false, before: '\\d[：:]', after: '\\d' },
  // ：” / ；） — keep the closer with the clause; ：， is a typo, not a boundary.
  { break: false, before: `[；：][${CLOSE}]*`, after: `[${TRAILING}]` },
  { break: true, before: `[；：][${CLOSE}]*`, after: '' },
  { break: true, before: `[\\p{Script=Han}${CLOSE}];[${CLOSE}]*`, after: '' },
  // A ， between two clauses of six or more characters each.
  { break: true, before: `[^${CLAUSE_PUNCT}]{6}，`, after: `[^${CLAUSE_PUNCT}]{6}` },
];

export const ZH_SENTENCE_RULES: RuleSet = { language: 'zh', rules: SENTENCE_RULES };

export const ZH_CLAUSE_RULES: RuleSet = { language: 'zh', rules: [...SENTENCE_RULES, ...CLAUSE_RULES] };
