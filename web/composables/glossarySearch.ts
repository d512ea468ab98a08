// Search of the glossary manager: a query matches the Chinese term, any English rendering
// (preferred, variant or forbidden) or the note, case-folded; Chinese hits rank before English
// ones, exact before partial, so typing 新质 puts 新质生产力 first.
import type { TermEntry } from './checker.ts';
import type { GlossaryEntry } from '../api/types.ts';

type Searchable = Pick<TermEntry, 'zh' | 'en' | 'variants' | 'forbidden' | 'note'>;

export function searchGlossary<T extends Searchable>(entries: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  const scored: { e: T; score: number }[] = [];
  for (const e of entries) {
    let score = -1;
    if (e.zh === query.trim()) score = 0;
    else if (e.zh.includes(query.trim())) score = 1;
    else if (e.en.toLowerCase() === q) score = 2;
    else if (e.en.toLowerCase().includes(q)) score = 3;
    else if (e.variants.some((v) => v.toLowerCase().includes(q))) score = 4;
    else if (e.forbidden.some((v) => v.toLowerCase().includes(q))) score = 5;
    else if (e.note.toLowerCase().includes(q)) score = 6;
    if (score >= 0) scored.push({ e, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.e.zh.length - b.e.zh.length).map((s) => s.e);
}

/** Splits a `|`- or newline-separated list typed in a form field, as the CSV format does. */
export function parseList(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The server's entry (numeric id) as the pure checker's TermEntry (string id). */
export function toTermEntry(e: GlossaryEntry): TermEntry {
  const { id, externalId: _externalId, updatedAt: _updatedAt, ...fields } = e;
  return { ...fields, id: String(id) };
}
