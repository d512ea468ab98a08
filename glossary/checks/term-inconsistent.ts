// term-inconsistent: one term rendered with different accepted renderings — within a segment, or
// across a document (the majority rendering wins; ties go to the preferred rendering). Each
// accepted rendering is identified by the glossary spelling it matched, so plurals and
// British/American spellings of the same rendering are not inconsistencies.
import type { TermEntry } from '../model.ts';
import { analysePair } from './analysis.ts';
import type { PairAnalysis } from './analysis.ts';
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
  checkDocument(pairs: Pair[], ctx: CheckContext, analyses?: PairAnalysis[]) {
    const result: Finding[][] = pairs.map(() => []);
    // Counts per entry; most entries only ever see one rendering, so the map of counts is only
    // made when a second one turns up.
    const usage = new Map<TermEntry, { first: string; n: number; counts: Map<string, number> | null }>();
    const perPair = pairs.map((p, i) => (analyses?.[i] ?? analysePair(ctx.index, p.source, p.target)).entries.filter((a) => a.accepted.length > 0));
    for (const entries of perPair) {
      for (const a of entries) {
        let u = usage.get(a.entry);
        for (const r of a.accepted) {
          if (!u) usage.set(a.entry, (u = { first: r.rendering, n: 0, counts: null }));
          if (!u.counts && r.rendering === u.first) {
            u.n++;
            continue;
          }
          u.counts ??= new Map([[u.first, u.n]]);
          u.counts.set(r.rendering, (u.counts.get(r.rendering) ?? 0) + 1);
        }
      }
    }
    const majority = new Map<TermEntry, string>();
    for (const [entry, u] of usage) {
      if (!u.counts) continue;
      let best = u.first;
      for (const [r, c] of u.counts) {
        const b = u.counts.get(best)!;
        if (c > b || (c === b && r === entry.en.trim())) best = r;
      }
      majority.set(entry, best);
    }
    perPair.forEach((entries, i) => {
      const target = pairs[i].target;
      for (const a of entries) {
        const best = majority.get(a.entry);
        if (!best) continue;
        const odd = a.accepted.filter((r) => r.rendering !== best);
        if (odd.length === 0) continue;
        const others = usage.get(a.entry)!.counts!.get(best)!;
        let suggestion = target;
        for (const r of [...odd].reverse()) suggestion = suggestion.slice(0, r.start) + matchFirstLetterCase(r.text, best) + suggestion.slice(r.end);
        result[i].push({
          check: 'term-inconsistent',
          severity: 'warning',
          targetSpan: { start: odd[0].start, end: odd[0].end },
          term: a.entry.zh,
          message: `${a.entry.zh} is rendered ${quote(odd[0].rendering)} here but ${quote(best)} ${others === 1 ? 'once' : `${others} times`} in the document`,
          suggestion,
        });
      }
    });
    return result;
  },
};
