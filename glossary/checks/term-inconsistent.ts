// term-inconsistent: one term rendered with different accepted renderings — within a segment, or
// across a document (the majority rendering wins; ties go to the preferred rendering). Each
// accepted rendering is identified by the glossary spelling it matched, so plurals and
// British/American spellings of the same rendering are not inconsistencies.
import { analysePair } from './analysis.ts';
import type { PairAnalysis } from './analysis.ts';
import type { Rendering, TermIndex } from '../match.ts';
import { reportedRendering } from '../match.ts';
import type { CheckContext, CheckDef, Finding, Pair } from './types.ts';
import { matchFirstLetterCase, quote } from './types.ts';

export const termInconsistent: CheckDef = {
  id: 'term-inconsistent',
  severity: 'warning',
  explain: 'The same glossary term is rendered with different accepted variants within a segment or across the document; pick one.',
  check(source, target, ctx) {
    const findings: Finding[] = [];
    const entries = analysePair(ctx.index, source, target).entries;
    for (let k = 0; k < entries.length; k++) {
      const a = entries[k];
      if (a.accepted.length < 2) continue;
      const second = a.accepted.find((r) => r.rendering !== a.accepted[0].rendering);
      if (!second) continue;
      const used = [...new Set(a.accepted.map((r) => r.rendering))];
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
 * Rendering counts over a document, fed one pair at a time while the pairs are checked. Each
 * accepted occurrence is appended to one log of numbers (pair, start, end, rendering number in
 * the index): objects or per-term lists kept for a whole document are what made the garbage
 * collector's and the cache's work grow with its length. Counts live in arrays indexed by
 * rendering number; only the terms that turn out inconsistent are looked at again.
 */
function documentUsage() {
  let index: TermIndex | null = null;
  let log = new Int32Array(4 * 1024);
  let used = 0;
  // Per rendering number: occurrences, and the log position of the first (-1: none yet).
  let count = new Int32Array(0);
  let firstSeen = new Int32Array(0);
  // Per entry number: the log position of its first accepted occurrence, and its distinct renderings.
  let entryFirst = new Int32Array(0);
  let distinct = new Int32Array(0);
  return {
    add(i: number, analysis: PairAnalysis) {
      if (index !== analysis.index) {
        if (index !== null) throw new Error('term-inconsistent: every pair of a document must be analysed with one term index');
        index = analysis.index;
        const nRenderings = index.renderings.compiled.length;
        count = new Int32Array(nRenderings);
        firstSeen = new Int32Array(nRenderings).fill(-1);
        entryFirst = new Int32Array(index.entries.length).fill(-1);
        distinct = new Int32Array(index.entries.length);
      }
      // Indexed loops: `accepted` is often the shared frozen empty array, which for-of does not
      // iterate without allocating an iterator.
      const entries = analysis.entries;
      for (let k = 0; k < entries.length; k++) {
        const a = entries[k];
        for (let j = 0; j < a.accepted.length; j++) {
          const r = a.accepted[j];
          const n = reportedRendering(index, a.no, r.rendering);
          if (used + 4 > log.length) {
            const bigger = new Int32Array(log.length * 2);
            bigger.set(log);
            log = bigger;
          }
          if (entryFirst[a.no] < 0) entryFirst[a.no] = used;
          if (firstSeen[n] < 0) {
            firstSeen[n] = used;
            distinct[a.no]++;
          }
          count[n]++;
          log[used] = i;
          log[used + 1] = r.start;
          log[used + 2] = r.end;
          log[used + 3] = n;
          used += 4;
        }
      }
    },
    finish(pairs: Pair[]): Finding[][] {
      const result: Finding[][] = pairs.map(() => []);
      if (index === null) return result;
      const { entries, renderings } = index;
      const { compiled, first } = renderings;
      // Inconsistent entries, in the order their first occurrence was met.
      const odd: number[] = [];
      for (let e = 0; e < entries.length; e++) if (distinct[e] > 1) odd.push(e);
      odd.sort((a, b) => entryFirst[a] - entryFirst[b]);
      const best = new Int32Array(entries.length);
      for (const e of odd) {
        // The majority rendering; ties go to the preferred one, then to the first met.
        const seen: number[] = [];
        for (let r = first[e]; r < first[e + 1]; r++) if (firstSeen[r] >= 0) seen.push(r);
        seen.sort((a, b) => firstSeen[a] - firstSeen[b]);
        const preferred = entries[e].en.trim();
        let b = seen[0];
        for (const r of seen) if (count[r] > count[b] || (count[r] === count[b] && compiled[r].rendering === preferred)) b = r;
        best[e] = b;
      }
      // The occurrences of each inconsistent entry, in pair order.
      const occurrences = new Map<number, number[]>(odd.map((e) => [e, []]));
      for (let k = 0; k < used; k += 4) {
        const e = renderings.entry[log[k + 3]];
        if (distinct[e] > 1) occurrences.get(e)!.push(k);
      }
      for (const e of odd) {
        const entry = entries[e];
        const bestName = compiled[best[e]].rendering;
        const times = count[best[e]];
        const list = occurrences.get(e)!;
        // Gather the odd renderings of each pair.
        for (let j = 0; j < list.length; ) {
          const i = log[list[j]];
          const target = pairs[i].target;
          const wrong: Rendering[] = [];
          for (; j < list.length && log[list[j]] === i; j++) {
            const k = list[j];
            if (log[k + 3] === best[e]) continue;
            const rendering = compiled[log[k + 3]].rendering;
            const start = log[k + 1];
            const end = log[k + 2];
            wrong.push({ start, end, text: target.slice(start, end), form: rendering === entry.en.trim() ? 'preferred' : 'variant', rendering });
          }
          if (wrong.length === 0) continue;
          let suggestion = target;
          for (let w = wrong.length - 1; w >= 0; w--) {
            const r = wrong[w];
            suggestion = suggestion.slice(0, r.start) + matchFirstLetterCase(r.text, bestName) + suggestion.slice(r.end);
          }
          result[i].push({
            check: 'term-inconsistent',
            severity: 'warning',
            targetSpan: { start: wrong[0].start, end: wrong[0].end },
            term: entry.zh,
            message: `${entry.zh} is rendered ${quote(wrong[0].rendering)} here but ${quote(bestName)} ${times === 1 ? 'once' : `${times} times`} in the document`,
            suggestion,
          });
        }
      }
      return result;
    },
  };
}
