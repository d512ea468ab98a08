// Diffs the editor shows: word-level for English revisions (so a translator sees exactly which
// words a reviewer changed), character-level for Chinese and for TM matches against the source.
// Both come from the `diff` package (Myers' O(ND) algorithm, Myers 1986).
import { diffChars, diffWordsWithSpace } from 'diff';
import type { DiffPart, Revision, ServerDiffPart } from '../api/types.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

function parts(changes: { value: string; added: boolean; removed: boolean }[]): DiffPart[] {
  return changes.map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
}

/** Word-level diff; Chinese has no spaces between words, so it is diffed by character. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (hasCjk(before) || hasCjk(after)) return parts(diffChars(before, after));
  return parts(diffWordsWithSpace(before, after));
}

export function charDiff(before: string, after: string): DiffPart[] {
  return parts(diffChars(before, after));
}

/** Share of `b` kept from `a` by a character diff — the fuzzy-match percentage shown for TM hits. */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  let same = 0;
  for (const c of diffChars(a, b)) if (!c.added && !c.removed) same += c.value.length;
  return same / Math.max(a.length, b.length);
}

/**
 * The translator's last version of a segment, from its history: the target at the last revision
 * that moved it into `translated` from a translator's status (new, draft, rejected). A reviewer's
 * edit keeps `translated` and an edit of an approved segment comes from `approved`, so neither
 * counts. Null when the translator never confirmed it.
 */
export function translatorVersion(revisions: Revision[]): string | null {
  const ordered = [...revisions].sort((a, b) => a.version - b.version);
  let found: string | null = null;
  for (const r of ordered) {
    if (r.statusAfter === 'translated' && (r.statusBefore === 'new' || r.statusBefore === 'draft' || r.statusBefore === 'rejected')) {
      found = r.targetAfter;
    }
  }
  return found;
}

/** Tracked changes for review mode: the translator's version against the current text. */
export function trackedChanges(revisions: Revision[], current: string): DiffPart[] {
  const base = translatorVersion(revisions);
  if (base === null || base === current) return [{ value: current }];
  return wordDiff(base, current);
}

/** The server's revision diff ({op, text}) in the editor's shape. */
export function fromServerDiff(parts: readonly ServerDiffPart[]): DiffPart[] {
  return parts.map((p) => ({ value: p.text, ...(p.op === 'insert' ? { added: true } : p.op === 'delete' ? { removed: true } : {}) }));
}
