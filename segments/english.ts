// English sentence splitter for drafts: the SRX-style rule engine (segments/rules.ts) run with the default
// English rules (segments/rules-en.ts), where the abbreviation, initial, acronym and list-number
// exceptions live. Lines are hard breaks, so a numbered heading on its own line ("1.1 Strengthen basic
// research") is always its own segment.
import { splitSpans, type Span } from './rules.ts';
import { EN_SENTENCE_RULES } from './rules-en.ts';

/** Sentence spans of an English text, trimmed; text outside the spans is whitespace. */
export function splitEnglishSpans(text: string): Span[] {
  return splitSpans(text, EN_SENTENCE_RULES);
}

/** The sentences of an English text. */
export function splitEnglish(text: string): string[] {
  return splitEnglishSpans(text).map((s) => text.slice(s.start, s.end));
}
