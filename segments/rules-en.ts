// Default English sentence rules as SRX-style ordered break/no-break regex pairs (evaluated by
// segments/rules.ts). Layout after the OmegaT / Okapi default SRX files: exceptions (abbreviations,
// initials, list numbers) first, then one break rule; abbreviation behaviour after the Unicode CLDR
// sentence-break suppressions for English (UTS #35, "Segmentation Exceptions") extended with the
// abbreviations of government and business prose.
//
// Ambiguous abbreviations: a title or reference abbreviation (Dr. Mr. Prof. vs. e.g. i.e. Fig. …) never
// ends a sentence; No. and the month abbreviations do not before a number (No. 5, Jan. 5); an
// abbreviation that often closes a sentence (etc. Inc. Ltd. Co. Corp. Jr.) ends one when a capitalised
// word follows — the common behaviour of CAT tools, which keep such abbreviations out of their exception
// lists. U.S. / U.K. style acronyms and initials (J. R. R. Tolkien) end a sentence only before a word that
// typically opens one (The, This, It, We, In, …), so "the U.S. Treasury" stays whole but "in the U.S. The
// next" breaks. A break needs whitespace and then a capital, digit, opening quote/bracket or CJK text, so
// "e.g. the", "www.gov.cn", "v2.0", "1.5 percent" and "... continue" never break.
import type { RuleSet, SegmentationRule } from './rules.ts';

/** Words that open sentences; after an acronym or initial they signal a sentence boundary. */
const SENTENCE_OPENERS = [
  'The', 'This', 'That', 'These', 'Those', 'There', 'It', 'Its', 'We', 'Our', 'They', 'Their', 'He', 'She',
  'His', 'Her', 'I', 'In', 'On', 'At', 'As', 'By', 'For', 'From', 'To', 'With', 'But', 'And', 'Or', 'However',
  'Meanwhile', 'Moreover', 'Furthermore', 'In', 'A', 'An', 'Such', 'Some', 'All', 'Most', 'Many', 'Both',
  'Each', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Although', 'Yet', 'So', 'Then', 'Thus',
  'Also', 'Its', 'What', 'How', 'Why', 'Where', 'Who', 'By', 'Under', 'Over', 'Between',
];

/** Abbreviations that never end a sentence. */
const NEVER_FINAL = [
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Mt', 'Ft', 'Gen', 'Col', 'Lt', 'Capt', 'Sgt', 'Cmdr', 'Adm',
  'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Amb', 'Supt', 'Messrs', 'Mmes', 'Mme', 'Mlle',
  'vs', 'cf', 'viz', 'al', 'approx', 'Approx', 'dept', 'Dept', 'est', 'Est', 'Fig', 'Figs', 'fig', 'figs',
  'Vol', 'Vols', 'vol', 'vols', 'Ch', 'ch', 'Sec', 'sec', 'Art', 'art', 'Para', 'para', 'Eq', 'eq',
  'Ref', 'ref', 'Refs',
];

/** Abbreviations that do not end a sentence before a number (No. 5, Jan. 5, p. 12). */
const BEFORE_NUMBER = [
  'No', 'Nos', 'no', 'nos', 'Nr', 'p', 'pp', 'Art', 'art',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];

const OPENER = `(?:${[...new Set(SENTENCE_OPENERS)].join('|')})\\b`;
const CLOSE = `"'”’)\\]»`;
/** Footnote marks after the terminator stay with their sentence: [1], [2][3], [4–6], [1,2], ¹²³. */
const FOOTNOTE = '(?:\\[\\d{1,3}(?:[,–-]\\s?\\d{1,3})*\\]|[\\u00b9\\u00b2\\u00b3\\u2070\\u2074-\\u2079]+)';

const RULES: SegmentationRule[] = [
  // A list or heading number opening a line or a sentence: "1. Accelerate", "1.1. Strengthen", "IV. Title",
  // "a. item" (letters only at a line start: "… Plan B. The …" must still break). After an abbreviation
  // the number is not a list number: "on Dec. 20. Sept. 30 …" breaks after "20.".
  {
    break: false,
    before: `(?:^|(?<!\\b(?:${BEFORE_NUMBER.join('|')}|${NEVER_FINAL.join('|')}))[.?!:;][${CLOSE}]*\\s+)[\\t \\u3000]*\\(?(?:\\d{1,3}(?:\\.\\d{1,3})*|[IVXLC]{1,6})\\.`,
    after: '\\s',
  },
  { break: false, before: '^[\\t \\u3000]*\\(?[A-Za-z]\\.', after: '\\s' },
  { break: false, before: `\\b(?:${NEVER_FINAL.join('|')})\\.`, after: '' },
  { break: false, before: '\\b(?:e\\.g|i\\.e|a\\.k\\.a|et al|ibid|Ibid|op\\. cit)\\.', after: '' },
  { break: false, before: `\\b(?:${BEFORE_NUMBER.join('|')})\\.`, after: '\\s+\\(?\\d' },
  // U.S., U.K., P.R.C. (two or more letter-dot pairs): whole unless a sentence opener follows.
  { break: false, before: '\\b(?:\\p{L}\\.){2,}', after: `\\s+(?!${OPENER})` },
  // Initials: J. R. R. Tolkien, Xi J. — a single capital with a dot, not the tail of U.S.
  { break: false, before: '(?<![\\p{L}\\p{N}.])\\p{Lu}\\.', after: `\\s+(?:\\p{Lu}\\.|(?!${OPENER})\\p{Lu})` },
  // The break: terminator(s), closing quotes/brackets, footnote marks, whitespace, then something that
  // starts a sentence.
  {
    break: true,
    before: `[.?!…]+[${CLOSE}]*${FOOTNOTE}*`,
    after: `\\s+[\\p{Lu}\\p{Lt}\\p{N}\\p{Lo}"'“‘(\\[$€£¥¿¡]`,
  },
];

export const EN_SENTENCE_RULES: RuleSet = { language: 'en', rules: RULES };
