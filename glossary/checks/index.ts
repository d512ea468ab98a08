// The QA check registry and the two entry points. Checks run in registry order; each is a
// small module (see ./types.ts for the contract). `checkPair` is the live per-segment check,
// `checkDocument` adds what needs the whole document (term-inconsistent across segments).
import type { CheckContext, CheckDef, CheckId, Finding, Pair } from './types.ts';
import { termMissing } from './term-missing.ts';
import { termForbidden } from './term-forbidden.ts';
import { termInconsistent } from './term-inconsistent.ts';
import { termCount } from './term-count.ts';
import { numberMismatch } from './number-mismatch.ts';
import { untranslatedCjk } from './untranslated-cjk.ts';
import { emptyTarget } from './empty-target.ts';
import { targetEqualsSource } from './target-equals-source.ts';
import { punctuation } from './punctuation.ts';
import { sourceWarning } from './source-warning.ts';
import { analysePair } from './analysis.ts';

export type { CheckContext, CheckDef, CheckId, DocumentCollector, Finding, Pair, Severity, Span } from './types.ts';

export const CHECKS: readonly CheckDef[] = [
  termMissing,
  termForbidden,
  termInconsistent,
  termCount,
  numberMismatch,
  untranslatedCjk,
  emptyTarget,
  targetEqualsSource,
  punctuation,
  sourceWarning,
];

export const CHECK_IDS: readonly CheckId[] = CHECKS.map((c) => c.id);

export function getCheck(id: string): CheckDef | undefined {
  return CHECKS.find((c) => c.id === id);
}

export interface CheckOptions {
  /** Run only these checks (default: all). */
  only?: readonly string[];
}

function selected(options?: CheckOptions): readonly CheckDef[] {
  return options?.only ? CHECKS.filter((c) => options.only!.includes(c.id)) : CHECKS;
}

/** All findings for one segment pair, with a suggested target where a check can propose one. */
export function checkPair(source: string, target: string, ctx: CheckContext, options?: CheckOptions): Finding[] {
  const out: Finding[] = [];
  for (const def of selected(options)) {
    const found = def.check(source, target, ctx);
    if (found.length === 0) continue;
    if (def.fix) {
      const fixed = def.fix(source, target, ctx);
      if (fixed !== undefined && fixed !== target) for (const f of found) f.suggestion ??= fixed;
    }
    out.push(...found);
  }
  return out;
}

/**
 * Findings for every pair of a document (index-aligned), including cross-segment checks.
 * Source warnings come from each pair (`pair.warnings`), not from ctx.
 */
export function checkDocument(pairs: Pair[], ctx: CheckContext, options?: CheckOptions): Finding[][] {
  const checks = selected(options);
  const collectors = checks.filter((c) => c.collector).map((c) => c.collector!());
  const others = checks.filter((c) => c.checkDocument && !c.collector);
  const result: Finding[][] = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (collectors.length) {
      const analysis = analysePair(ctx.index, p.source, p.target);
      for (const c of collectors) c.add(i, analysis);
    }
    result.push(checkPair(p.source, p.target, { index: ctx.index, warnings: p.warnings ?? [], rawStart: p.rawStart ?? 0 }, options));
  }
  const documentFindings = [...collectors.map((c) => c.finish(pairs)), ...others.map((c) => c.checkDocument!(pairs, ctx))];
  for (const found of documentFindings) {
    found.forEach((list, i) => {
      if (list.length) result[i].push(...list);
    });
  }
  return result;
}
