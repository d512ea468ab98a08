// term-count: the term occurs more often in the source than its renderings in the target — a
// sign that one occurrence was dropped or paraphrased. Zero renderings is term-missing's case.
import { analysePair } from './analysis.ts';
import type { CheckDef, Finding } from './types.ts';
import { quote } from './types.ts';

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export const termCount: CheckDef = {
  id: 'term-count',
  severity: 'warning',
  explain: 'A glossary term occurs more often in the source than its renderings in the target; one occurrence may have been left out.',
  check(source, target, ctx) {
    const findings: Finding[] = [];
    // Indexed loops: the analysis lists include a shared frozen empty array, which for-of does not
    // iterate without allocating an iterator.
    const entries = analysePair(ctx.index, source, target).entries;
    for (let k = 0; k < entries.length; k++) {
      const a = entries[k];
      const inSource = a.sourceMatches.length;
      const inTarget = a.accepted.length;
      if (inTarget === 0 || inSource <= inTarget) continue;
      findings.push({
        check: 'term-count',
        severity: 'warning',
        sourceSpan: { start: a.sourceMatches[inTarget].start, end: a.sourceMatches[inTarget].end },
        term: a.entry.zh,
        message: `${a.entry.zh} occurs ${times(inSource)} in the source but ${quote(a.entry.en)} only ${times(inTarget)} in the target`,
      });
    }
    return findings;
  },
};
