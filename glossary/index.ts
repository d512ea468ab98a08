// Public surface of the glossary core (term model, matching, QA checks, formats, numbers), for
// the server, the CLI and the aligner. File reading lives in ./loader.ts, outside this pure core.
export type { MatchMode, TermEntry, TermStatus } from './model.ts';
export { makeEntry, entryProblems, slugId, TERM_STATUSES, MATCH_MODES } from './model.ts';
export type { HighlightSpan, Rendering, RenderingForm, TermIndex, TermMatch } from './match.ts';
export { buildTermIndex, findRenderings, highlight, matchSource } from './match.ts';
export type { CheckContext, CheckDef, CheckId, Finding, Pair, Severity, Span } from './checks/index.ts';
export { CHECKS, CHECK_IDS, checkDocument, checkPair, getCheck } from './checks/index.ts';
export type { NumberKind, NumberMention } from './numbers.ts';
export { extractNumbers, numbersEqual, parseChineseNumeral } from './numbers.ts';
export * as tbx from './formats/tbx.ts';
export * as csv from './formats/csv.ts';
export { FormatError } from './formats/format-error.ts';
export type { FormatProblem, GlossaryFormat } from './formats/format-error.ts';
