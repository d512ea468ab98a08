// The browser's door to the pure glossary checker: the editor imports checkPair, CHECKS,
// buildTermIndex and highlight from glossary/ (pure TS, no I/O) and nothing else, so live QA in a
// target cell runs the very rules the server's /qa endpoint runs.
export { checkPair, CHECKS } from '../../glossary/checks/index.ts';
export { buildTermIndex, highlight } from '../../glossary/match.ts';
export type { Finding, CheckContext, CheckDef, CheckId, Severity, Span } from '../../glossary/checks/types.ts';
export type { TermIndex, HighlightSpan } from '../../glossary/match.ts';
export type { TermEntry } from '../../glossary/model.ts';
