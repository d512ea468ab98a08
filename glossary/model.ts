// Term base model: one entry per concept, with a Chinese term, a preferred English rendering,
// admitted variants and forbidden renderings. The shape follows the TBX-Basic concept model
// (ISO 30042 / TBX-Basic: termEntry → langSet → tig with administrativeStatus), flattened to
// the zh→en case this workbench needs.

export type TermStatus = 'preferred' | 'admitted' | 'deprecated';
export type MatchMode = 'exact' | 'inflected' | 'prefix';

export interface TermEntry {
  id: string;
  zh: string;
  en: string;
  variants: string[];
  forbidden: string[];
  note: string;
  source: string;
  status: TermStatus;
  caseSensitive: boolean;
  match: MatchMode;
  /** TBX `descrip type="subjectField"`; optional, kept so TBX files round-trip. */
  subject?: string;
}

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated'];
export const MATCH_MODES: readonly MatchMode[] = ['exact', 'inflected', 'prefix'];

export interface EntryProblem {
  field: string;
  message: string;
}

/** Builds an entry from partial data with the defaults the formats assume. */
export function makeEntry(partial: Partial<TermEntry> & { zh: string; en: string }): TermEntry {
  const entry: TermEntry = {
    id: partial.id ?? slugId(partial.en || partial.zh),
    zh: partial.zh,
    en: partial.en,
    variants: partial.variants ?? [],
    forbidden: partial.forbidden ?? [],
    note: partial.note ?? '',
    source: partial.source ?? '',
    status: partial.status ?? 'preferred',
    caseSensitive: partial.caseSensitive ?? false,
    match: partial.match ?? 'inflected',
  };
  if (partial.subject) entry.subject = partial.subject;
  return entry;
}

/** An id usable as an XML ID and in URLs, derived from the English rendering. */
export function slugId(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\+/g, '-plus')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return 'term';
  return /^[\p{L}_]/u.test(slug) ? slug : `t-${slug}`;
}

/** Gives every entry a unique id, suffixing -2, -3 … to generated duplicates. */
export function uniqueIds(entries: TermEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    let id = e.id;
    for (let n = 2; seen.has(id); n++) id = `${e.id}-${n}`;
    e.id = id;
    seen.add(id);
  }
}

/**
 * Problems that make an entry unusable: checked by both formats so a bad file is rejected
 * whole instead of producing a term base that raises false alarms.
 */
export function entryProblems(e: TermEntry): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!e.zh.trim()) problems.push({ field: 'zh', message: 'the Chinese term is missing' });
  if (!e.en.trim()) problems.push({ field: 'en', message: 'the preferred English rendering is missing' });
  if (!TERM_STATUSES.includes(e.status)) {
    problems.push({ field: 'status', message: `status '${e.status}' is not one of ${TERM_STATUSES.join(', ')}` });
  }
  if (!MATCH_MODES.includes(e.match)) {
    problems.push({ field: 'match', message: `match mode '${e.match}' is not one of ${MATCH_MODES.join(', ')}` });
  }
  const fold = (s: string) => (e.caseSensitive ? s.trim() : s.trim().toLowerCase());
  const allowed = new Set([e.en, ...e.variants].map(fold));
  for (const f of e.forbidden) {
    if (allowed.has(fold(f))) {
      problems.push({ field: 'forbidden', message: `'${f}' is listed both as an accepted and as a forbidden rendering` });
    }
  }
  return problems;
}
