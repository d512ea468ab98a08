// term-inconsistent: one term rendered with different accepted renderings — within a segment, or
// across a document (the majority rendering wins; ties go to the preferred rendering). Each
// accepted rendering is identified by the glossary spelling it matched, so plurals and
// British/American spellings of the same rendering are not inconsistencies.
import type { TermEntry } from '../model.ts';
import { analysePair } from './analysis.ts';
import type { PairAnalysis } from './analysis.ts';
import type { Rendering } from '../match.ts';
import type { CheckContext, CheckDef, Finding, Pair } from './types.ts';
import { matchFirstLetterCase, quote } from './types.ts';

export const termInconsistent: CheckDef = {
  id: 'term-inconsistent',
  severity: 'warning',
  explain: 'The same glossary term is rendered with different accepted variants within a segment or across the document; pick one.',
  check(source, target, ctx) {
    const findings: Finding[] = [];
    for (const a of analysePair(ctx.index, source, target).entries) {
      if (a.accepted.length < 2) continue;
      const used = [...new Set(a.accepted.map((r) => r.rendering))];
      if (used.length < 2) continue;
      const second = a.accepted.find((r) => r.rendering !== a.accepted[0].rendering)!;
      findings.push({
        check: 'term-inconsistent',
        severity: 'warning',
        targetSpan: { start: second.start, end: second.end },
        term: a.entry.zh,
        message: `${a.entry.zh} is rendered both ${used.map(quote).join(' and ')} in this segment`,
      });
    }
    return findings;
  },
  checkDocument(pairs: Pair[], ctx: CheckContext) {
    const collector = documentUsage();
    pairs.forEach((p, i) => collector.add(i, analysePair(ctx.index, p.source, p.target)));
    return collector.finish(pairs);
  },
  collector: documentUsage,
};

/**
 * Rendering counts over a document, fed one pair at a time while the pairs are checked. Only the
 * accepted renderings are kept, and only as numbers (pair, start, end, which rendering): objects
 * kept for a whole document are what made the garbage collector's work grow with its length.
 */
function documentUsage() {
  // Most entries only ever see one rendering, so the map of counts is made when a second turns up.
  interface Usage {
    first: string;
    n: number;
    counts: Map<string, number> | null;
    /** The distinct renderings seen, in order; `seen` refers to them by position. */
    names: string[];
    /** Four numbers per occurrence: pair index, start, end, position in `names`. */
    seen: number[];
  }
  const usage = new Map<TermEntry, Usage>();
  return {
    add(i: number, analysis: PairAnalysis) {
      for (const a of analysis.entries) {
        if (a.accepted.length === 0) continue;
        let u = usage.get(a.entry);
        if (!u) {
          const first = a.accepted[0].rendering;
          usage.set(a.entry, (u = { first, n: 0, counts: null, names: [first], seen: [] }));
        }
        for (const r of a.accepted) {
          let name = 0;
          if (r.rendering !== u.first) {
            name = u.names.indexOf(r.rendering);
            if (name < 0) name = u.names.push(r.rendering) - 1;
          }
          u.seen.push(i, r.start, r.end, name);
          if (!u.counts && name === 0) {
            u.n++;
            continue;
          }
          u.counts ??= new Map([[u.first, u.n]]);
          u.counts.set(r.rendering, (u.counts.get(r.rendering) ?? 0) + 1);
        }
      }
    },
    finish(pairs: Pair[]): Finding[][] {
      const result: Finding[][] = pairs.map(() => []);
      for (const [entry, u] of usage) {
        if (!u.counts) continue;
        let best = u.first;
        for (const [r, c] of u.counts) {
          const b = u.counts.get(best)!;
          if (c > b || (c === b && r === entry.en.trim())) best = r;
        }
        const count = u.counts.get(best)!;
        const seen = u.seen;
        // Occurrences are in pair order; gather the odd ones of each pair.
        for (let k = 0; k < seen.length; ) {
          const i = seen[k];
          const target = pairs[i].target;
          const odd: Rendering[] = [];
          for (; k < seen.length && seen[k] === i; k += 4) {
            const rendering = u.names[seen[k + 3]];
            if (rendering === best) continue;
            const start = seen[k + 1];
            const end = seen[k + 2];
            odd.push({ start, end, text: target.slice(start, end), form: rendering === entry.en.trim() ? 'preferred' : 'variant', rendering });
          }
          if (odd.length === 0) continue;
          let suggestion = target;
          for (let j = odd.length - 1; j >= 0; j--) {
            const r = odd[j];
            suggestion = suggestion.slice(0, r.start) + matchFirstLetterCase(r.text, best) + suggestion.slice(r.end);
          }
          result[i].push({
            check: 'term-inconsistent',
            severity: 'warning',
            targetSpan: { start: odd[0].start, end: odd[0].end },
            term: entry.zh,
            message: `${entry.zh} is rendered ${quote(odd[0].rendering)} here but ${quote(best)} ${count === 1 ? 'once' : `${count} times`} in the document`,
            suggestion,
          });
        }
      }
      return result;
    },
  };
}
