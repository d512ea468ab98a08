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

// Most entries have no forbidden rendering and many no accepted one: they share one frozen empty
// list (replaced, never pushed onto, when something is found) instead of two fresh arrays each.
const NONE = Object.freeze([]) as unknown as Rendering[];

function hasEntry(entries: EntryAnalysis[], entry: TermEntry): boolean {
  for (const x of entries) if (x.entry === entry) return true;
  return false;
}

let last: { index: TermIndex; source: string; target: string; result: PairAnalysis } | null = null;
export function analysePair(index: TermIndex, source: string, target: string): PairAnalysis {
  if (last && last.index === index && last.source === source && last.target === target) return last.result;
  const matches = matchSource(index, source);
  const entries: EntryAnalysis[] = [];
  const found: Rendering[][] = [];
  for (const m of matches) {
    let a: EntryAnalysis | undefined;
    for (const x of entries) if (x.entry === m.entry) a = x;
    // One-element literals, not push onto []: an empty array's first push allocates room for sixteen.
    if (!a) {
      a = { entry: m.entry, sourceMatches: [m], accepted: NONE, forbidden: NONE };
      entries.push(a);
      found.push(target ? findRenderings(m.entry, target) : []);
    } else a.sourceMatches.push(m);
  }
  if (target) {
    for (const entry of forbiddenCandidates(index, target)) {
      if (hasEntry(entries, entry)) continue;
      const forbidden = findRenderings(entry, target).filter((r) => r.form === 'forbidden');
      if (forbidden.length === 0) continue;
      entries.push({ entry, sourceMatches: [], accepted: NONE, forbidden: NONE });
      found.push(forbidden);
    }
  }
  // Drop occurrences nested inside an accepted rendering of another term.
  for (let e = 0; e < entries.length; e++) {
    const a = entries[e];
    for (const r of found[e]) {
      let nested = false;
      for (let o = 0; o < entries.length && !nested; o++) {
        if (o === e) continue;
        for (const q of found[o]) {
          if (q.form !== 'forbidden' && q.start <= r.start && r.end <= q.end && q.end - q.start > r.end - r.start) {
            nested = true;
            break;
          }
        }
      }
      if (nested) continue;
      if (r.form === 'forbidden') {
        if (a.forbidden.length === 0) a.forbidden = [r];
        else a.forbidden.push(r);
      } else if (a.accepted.length === 0) a.accepted = [r];
      else a.accepted.push(r);
    }
  }
  const result = { matches, entries };
  last = { index, source, target, result };
  return result;
}
