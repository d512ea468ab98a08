// QA over stored segments: the project's glossary (from the database) compiled once into a term
// index and cached until the glossary changes, then the glossary checker (glossary/checks) run over
// the document's pairs. The checks themselves live in glossary/; this only feeds them.
import type { Services } from './context.ts';
import { listGlossary } from './db/queries/glossary.ts';
import type { GlossaryRow } from './db/queries/glossary.ts';
import { documentStamp, listSegments } from './db/queries/segments.ts';
import type { SegmentRow } from './db/queries/segments.ts';
import type { TermEntry } from '../glossary/model.ts';
import { buildTermIndex } from '../glossary/match.ts';
import type { TermIndex } from '../glossary/match.ts';
import { checkDocument } from '../glossary/checks/index.ts';
import type { Finding } from '../glossary/checks/types.ts';
import type { SourceWarning } from '../segments/warnings.ts';

export function toTermEntry(row: GlossaryRow): TermEntry {
  return {
    id: row.externalId ?? `g${row.id}`,
    zh: row.zh,
    en: row.en,
    variants: row.variants,
    forbidden: row.forbidden,
    note: row.note,
    source: row.source,
    status: row.status,
    caseSensitive: row.caseSensitive,
    match: row.match,
  };
}

interface GlossaryCache {
  entries: TermEntry[];
  index: TermIndex;
}

function glossaryCache(services: Services, projectId: number): GlossaryCache {
  const key = `glossary:${projectId}`;
  let cached = services.cache.get(key) as GlossaryCache | undefined;
  if (!cached) {
    const entries = listGlossary(services.db, projectId).map(toTermEntry);
    cached = { entries, index: buildTermIndex(entries) };
    services.cache.set(key, cached);
  }
  return cached;
}

export function invalidateGlossary(services: Services, projectId: number): void {
  services.cache.delete(`glossary:${projectId}`);
}

export function termIndexFor(services: Services, projectId: number): TermIndex {
  return glossaryCache(services, projectId).index;
}

/** Glossary pairs for the aligner: preferred renderings of entries that are not deprecated. */
export function alignmentGlossary(services: Services, projectId: number): { zh: string; en: string }[] {
  return glossaryCache(services, projectId)
    .entries.filter((e) => e.status !== 'deprecated')
    .map((e) => ({ zh: e.zh, en: e.en }));
}

/** Findings per segment, index-aligned with `segments` (whole-document checks included). */
export function findingsFor(services: Services, projectId: number, segments: SegmentRow[]): Finding[][] {
  const index = termIndexFor(services, projectId);
  const pairs = segments.map((s) => ({ source: s.source, target: s.target, warnings: s.warnings as SourceWarning[] }));
  return checkDocument(pairs, { index });
}

interface DocumentQa {
  stamp: string;
  glossary: GlossaryCache;
  segments: SegmentRow[];
  findings: Finding[][];
}

const MAX_CACHED_DOCUMENTS = 16;

/**
 * The document's segments and their findings, recomputed only when a segment or the glossary changed
 * since the last call (checking 23,000 segments takes seconds; the stamp query takes a millisecond).
 */
export function documentFindings(services: Services, projectId: number, documentId: number): { segments: SegmentRow[]; findings: Finding[][] } {
  const key = `qa:${documentId}`;
  const stamp = documentStamp(services.db, documentId);
  const glossary = glossaryCache(services, projectId);
  const cached = services.cache.get(key) as DocumentQa | undefined;
  if (cached && cached.stamp === stamp && cached.glossary === glossary) return cached;
  const segments = listSegments(services.db, documentId);
  const fresh: DocumentQa = { stamp, glossary, segments, findings: findingsFor(services, projectId, segments) };
  services.cache.delete(key);
  services.cache.set(key, fresh);
  const qaKeys = [...services.cache.keys()].filter((k) => k.startsWith('qa:'));
  if (qaKeys.length > MAX_CACHED_DOCUMENTS) services.cache.delete(qaKeys[0]);
  return fresh;
}
