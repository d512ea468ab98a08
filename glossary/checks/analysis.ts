// Term analysis of one segment pair, shared by the term checks and number-mismatch so the
// automaton and the rendering expressions run once per pair, not once per check.
// Renderings of one term that lie inside an accepted rendering of a longer term are dropped,
// mirroring the longest-leftmost rule on the Chinese side (科技创新 inside 国际科技创新中心).
import type { TermEntry } from '../model.ts';
import type { Rendering, TermIndex, TermMatch } from '../match.ts';
import { findRenderings, forbiddenCandidates, matchSource } from '../match.ts';

export interface EntryAnalysis {
  entry: TermEntry;
  /** Where the term occurs in the source (empty when only a forbidden rendering was found). */
  sourceMatches: TermMatch[];
  /** Preferred and variant renderings in the target. */
  accepted: Rendering[];
  forbidden: Rendering[];
}

export interface PairAnalysis {
  matches: TermMatch[];
  entries: EntryAnalysis[];
}

let last: { index: TermIndex; source: string; target: string; result: PairAnalysis } | null = null;

export function analysePair(index: TermIndex, source: string, target: string): PairAnalysis {
  if (last && last.index === index && last.source === source && last.target === target) return last.result;
  const matches = matchSource(index, source);
  const byEntry = new Map<TermEntry, EntryAnalysis>();
  const renderingsOf = new Map<TermEntry, Rendering[]>();
  for (const m of matches) {
    let a = byEntry.get(m.entry);
    if (!a) {
      a = { entry: m.entry, sourceMatches: [], accepted: [], forbidden: [] };
      byEntry.set(m.entry, a);
      renderingsOf.set(m.entry, target ? findRenderings(m.entry, target) : []);
    }
    a.sourceMatches.push(m);
  }
  if (target) {
    for (const entry of forbiddenCandidates(index, target)) {
      if (renderingsOf.has(entry)) continue;
      const forbidden = findRenderings(entry, target).filter((r) => r.form === 'forbidden');
      if (forbidden.length === 0) continue;
      byEntry.set(entry, { entry, sourceMatches: [], accepted: [], forbidden: [] });
      renderingsOf.set(entry, forbidden);
    }
  }
  // Accepted renderings of all terms, to drop occurrences nested inside another term's rendering.
  const outer: { entry: TermEntry; r: Rendering }[] = [];
  for (const [entry, list] of renderingsOf) for (const r of list) if (r.form !== 'forbidden') outer.push({ entry, r });
  for (const [entry, list] of renderingsOf) {
    const a = byEntry.get(entry)!;
    for (const r of list) {
      const nested = outer.some(
        (o) => o.entry !== entry && o.r.start <= r.start && r.end <= o.r.end && o.r.end - o.r.start > r.end - r.start,
      );
      if (nested) continue;
      (r.form === 'forbidden' ? a.forbidden : a.accepted).push(r);
    }
  }
  const result = { matches, entries: [...byEntry.values()] };
  last = { index, source, target, result };
  return result;
}
