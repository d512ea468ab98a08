// Shared types of the QA checks: a check is data — an id, a default severity, an explanation
// for reviewers, a function from one segment pair to findings, and optionally a fixer that
// proposes a corrected target (the shape of Xbench/Okapi CheckMate rules, one module per rule).
import type { SourceWarning } from '../../segments/warnings.ts';
import type { TermIndex } from '../match.ts';
import type { PairAnalysis } from './analysis.ts';

export type Severity = 'error' | 'warning' | 'info';

export type CheckId =
  | 'term-missing'
  | 'term-forbidden'
  | 'term-inconsistent'
  | 'term-count'
  | 'number-mismatch'
  | 'untranslated-cjk'
  | 'empty-target'
  | 'target-equals-source'
  | 'punctuation'
  | 'source-warning';

export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  check: CheckId;
  severity: Severity;
  /** Offsets in the source segment (UTF-16 code units, end exclusive). */
  sourceSpan?: Span;
  /** Offsets in the target segment. */
  targetSpan?: Span;
  /** The Chinese glossary term concerned, for term checks. */
  term?: string;
  message: string;
  /** The whole target with this problem corrected, where a correction can be proposed. */
  suggestion?: string;
}

export interface CheckContext {
  index: TermIndex;
  /** Source warnings of this segment (from segments/warnings.ts), carried by `source-warning`. */
  warnings?: SourceWarning[];
  /**
   * Raw offset of the segment in the text the warnings were computed on (SourceSegment.rawStart)
   * when their rawStart/rawEnd are document offsets; default 0 (warnings of this segment alone).
   */
  rawStart?: number;
}

export interface Pair {
  source: string;
  target: string;
  warnings?: SourceWarning[];
  rawStart?: number;
}

export interface DocumentCollector {
  add(pairIndex: number, analysis: PairAnalysis): void;
  finish(pairs: Pair[]): Finding[][];
}

export interface CheckDef {
  id: CheckId;
  severity: Severity;
  explain: string;
  check(source: string, target: string, ctx: CheckContext): Finding[];
  /** The target with this check's problems corrected, or undefined when nothing can be proposed. */
  fix?(source: string, target: string, ctx: CheckContext): string | undefined;
  /** Checks that look across segments add their findings here (index-aligned with pairs). */
  checkDocument?(pairs: Pair[], ctx: CheckContext): Finding[][];
  /**
   * The same as checkDocument, fed pair by pair with the analysis the pair checks already made,
   * so a document is analysed once.
   */
  collector?(): DocumentCollector;
}

/** Copies the first letter's case of `like` onto `text` when `text` starts in lower case. */
export function matchFirstLetterCase(like: string, text: string): string {
  const a = like.match(/\p{L}/u)?.[0];
  const i = text.search(/\p{L}/u);
  if (!a || i < 0) return text;
  const b = text[i];
  if (a === a.toUpperCase() && a !== a.toLowerCase() && b === b.toLowerCase()) {
    return text.slice(0, i) + b.toUpperCase() + text.slice(i + 1);
  }
  return text;
}

export function quote(s: string): string {
  return `“${s}”`;
}

/** White space as JavaScript's \s and String.prototype.trim see it, for one UTF-16 code unit. */
export function isJsSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether `text.trim()` is empty, without making the trimmed copy. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}
