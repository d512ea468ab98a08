// Term analysis of one segment pair (glossary/match.ts analyseTerms), shared by the term checks
// and number-mismatch so the automaton and the rendering lookup run once per pair, not once per
// check: the last pair's analysis is kept and handed to every check that asks for it.
import type { PairAnalysis, TermIndex } from '../match.ts';
import { analyseTerms } from '../match.ts';

export type { EntryAnalysis, PairAnalysis } from '../match.ts';

let last: { index: TermIndex; source: string; target: string; result: PairAnalysis } | null = null;
export function analysePair(index: TermIndex, source: string, target: string): PairAnalysis {
  if (last && last.index === index && last.source === source && last.target === target) return last.result;
  const result = analyseTerms(index, source, target);
  last = { index, source, target, result };
  return result;
}
