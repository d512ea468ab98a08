// Cuts a source segment into plain runs and glossary-term runs for rendering, from the checker's
// highlight spans (longest-leftmost, non-overlapping). Runs glue back to the source exactly.
import type { HighlightSpan } from './checker.ts';

export interface Piece {
  text: string;
  start: number;
  term?: HighlightSpan;
  /** Set when a QA finding points at this stretch of the source. */
  flagged?: boolean;
}

export function sourcePieces(source: string, spans: readonly HighlightSpan[], flagged: readonly { start: number; end: number }[] = []): Piece[] {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= source.length && s.start < s.end).sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ text: source.slice(at, span.start), start: at });
    const hit = flagged.some((f) => f.start < span.end && f.end > span.start);
    pieces.push({ text: source.slice(span.start, span.end), start: span.start, term: span, ...(hit ? { flagged: true } : {}) });
    at = span.end;
  }
  if (at < source.length) pieces.push({ text: source.slice(at), start: at });
  return pieces;
}

/** The tooltip text of a term: approved rendering, variants, forbidden ones, note. */
export function termTooltip(span: HighlightSpan): string {
  const lines = [`${span.zh} → ${span.preferred}`];
  if (span.variants.length) lines.push(`also: ${span.variants.join('; ')}`);
  if (span.forbidden.length) lines.push(`never: ${span.forbidden.join('; ')}`);
  if (span.status === 'deprecated') lines.push('(deprecated entry)');
  if (span.note) lines.push(span.note);
  return lines.join('\n');
}
