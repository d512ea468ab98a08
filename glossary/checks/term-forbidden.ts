// term-forbidden: a rendering the glossary lists as wrong appears in the target — whether or not
// the Chinese term is in the source (OBOR is wrong everywhere). Fix: the preferred rendering,
// with the first letter's case of the forbidden text and any possessive kept.
import type { Rendering } from '../match.ts';
import type { TermEntry } from '../model.ts';
import { analysePair } from './analysis.ts';
import type { CheckDef, Finding } from './types.ts';
import { matchFirstLetterCase, quote } from './types.ts';

function replacementFor(entry: TermEntry, r: Rendering): string {
  let text = matchFirstLetterCase(r.text, entry.en);
  const poss = /['’]s?$/.exec(r.text);
  if (poss && !/['’]s?$/.test(r.rendering)) text += /s$/i.test(text) ? poss[0][0] : `${poss[0][0]}s`;
  return text;
}

export const termForbidden: CheckDef = {
  id: 'term-forbidden',
  severity: 'error',
  explain: 'The target uses a rendering the glossary marks as forbidden (deprecated or superseded), such as “One Belt One Road” for 一带一路.',
  check(source, target, ctx) {
    const findings: Finding[] = [];
    // Indexed loops: `forbidden` is mostly the shared frozen empty array, which for-of does not
    // iterate without allocating an iterator.
    const entries = analysePair(ctx.index, source, target).entries;
    for (let k = 0; k < entries.length; k++) {
      const a = entries[k];
      for (let j = 0; j < a.forbidden.length; j++) {
        const r = a.forbidden[j];
        const m = a.sourceMatches[0];
        findings.push({
          check: 'term-forbidden',
          severity: 'error',
          ...(m ? { sourceSpan: { start: m.start, end: m.end } } : {}),
          targetSpan: { start: r.start, end: r.end },
          term: a.entry.zh,
          message: `${quote(r.text)} is a forbidden rendering of ${a.entry.zh}: use ${quote(a.entry.en)}`,
        });
      }
    }
    return findings;
  },
  fix(source, target, ctx) {
    const edits: { r: Rendering; text: string }[] = [];
    const entries = analysePair(ctx.index, source, target).entries;
    for (let k = 0; k < entries.length; k++) {
      const a = entries[k];
      for (let j = 0; j < a.forbidden.length; j++) edits.push({ r: a.forbidden[j], text: replacementFor(a.entry, a.forbidden[j]) });
    }
    if (edits.length === 0) return undefined;
    edits.sort((x, y) => y.r.start - x.r.start);
    let out = target;
    let floor = Infinity;
    for (const { r, text } of edits) {
      if (r.end > floor) continue; // overlapping forbidden renderings of two entries: fix the later one only
      out = out.slice(0, r.start) + text + out.slice(r.end);
      floor = r.start;
    }
    return out;
  },
};
