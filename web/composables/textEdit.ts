// Small text edits of the target cell — insert at the caret, apply a QA quick fix — as pure
// functions returning the new text and caret, so the textarea only mirrors their result.
import type { Finding } from './checker.ts';

export interface Edit {
  text: string;
  /** Caret position after the edit. */
  caret: number;
}

/** Inserts `insert` over the selection [start, end), adding a space where it would glue two words. */
export function insertAtCursor(text: string, start: number, end: number, insert: string): Edit {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const before = text.slice(0, s);
  const after = text.slice(e);
  const lead = before && /[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(insert) ? ' ' : '';
  const trail = after && /^[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]$/u.test(insert) ? ' ' : '';
  const piece = lead + insert + trail;
  return { text: before + piece + after, caret: s + lead.length + insert.length };
}

/**
 * The quick fix of a finding: the checker's suggestion is the whole corrected target; the caret
 * lands at the end of the changed stretch so the translator sees what moved. Null without a fix.
 */
export function applyFix(target: string, finding: Pick<Finding, 'suggestion'>): Edit | null {
  const fixed = finding.suggestion;
  if (fixed === undefined || fixed === target) return null;
  let suffix = 0;
  const max = Math.min(target.length, fixed.length);
  let prefix = 0;
  while (prefix < max && target[prefix] === fixed[prefix]) prefix++;
  while (suffix < max - prefix && target[target.length - 1 - suffix] === fixed[fixed.length - 1 - suffix]) suffix++;
  return { text: fixed, caret: fixed.length - suffix };
}
