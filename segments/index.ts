// Public surface of segments/ (see DEVELOPERS.md, "Public contracts of the pure cores").
// Everything here is pure: the CC-CEDICT lexicon loader reads files, so it is imported from its own
// module (segments/align/lexicon-loader.ts) and kept out of this index, which browsers and pure modules
// import.
export { decodeText, DecodeError } from './decode.ts';
export { repairSource, PAGE_MARKER } from './repair.ts';
export type { Repair, RepairKind, RepairResult } from './repair.ts';
export type { OffsetMap } from './offsets.ts';
export { sourceWarnings } from './warnings.ts';
export type { SourceWarning, WarningCode } from './warnings.ts';
export { detectStructure, matchOutline } from './structure.ts';
export type { OutlineLine, OutlineNumber, OutlineStyle } from './structure.ts';
export { segmentSource, rulesFor, SECTION_SEPARATOR } from './segment.ts';
export type { Granularity, SegmentOptions, SegmentedSource, SourceSegment } from './segment.ts';
export { splitSpans, splitText, findBreaks, RuleError } from './rules.ts';
export type { RuleSet, SegmentationRule, Span } from './rules.ts';
export { ZH_SENTENCE_RULES, ZH_CLAUSE_RULES } from './rules-zh.ts';
export { EN_SENTENCE_RULES } from './rules-en.ts';
export { parseSrx, serializeSrx, rulesForLanguage } from './srx.ts';
export { FormatError } from './format-error.ts';
export type { FileFormat, FormatProblem } from './format-error.ts';
export type { Srx, SrxMapRule, SrxProblem } from './srx.ts';
export { splitEnglish, splitEnglishSpans } from './english.ts';
export { align, DEFAULT_PARAMS } from './align/index.ts';
export type { AlignOptions, AlignParams, Bead, Lexicon } from './align/index.ts';
