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
import type { SourceWarning } from '../../segments/warnings.ts';

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
  return runChecks(selected(options), source, target, ctx);
}

function runChecks(checks: readonly CheckDef[], source: string, target: string, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (let c = 0; c < checks.length; c++) {
    const def = checks[c];
    const found = def.check(source, target, ctx);
    if (found.length === 0) continue;
    if (def.fix) {
      const fixed = def.fix(source, target, ctx);
      if (fixed !== undefined && fixed !== target) for (const f of found) f.suggestion ??= fixed;
    }
    for (let k = 0; k < found.length; k++) out.push(found[k]);
  }
  return out;
}

const NO_WARNINGS: readonly SourceWarning[] = Object.freeze([]);

/**
 * Findings for every pair of a document (index-aligned), including cross-segment checks.
 * Source warnings come from each pair (`pair.warnings`), not from ctx.
 */
export function checkDocument(pairs: Pair[], ctx: CheckContext, options?: CheckOptions): Finding[][] {
  const checks = selected(options);
  const collectors = checks.filter((c) => c.collector).map((c) => c.collector!());
  const others = checks.filter((c) => c.checkDocument && !c.collector);
  const result: Finding[][] = [];
  // One context, refilled for each pair (checks read it during the call and keep nothing of it).
  const pairCtx: CheckContext = { index: ctx.index, warnings: NO_WARNINGS as SourceWarning[], rawStart: 0 };
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (collectors.length) {
      const analysis = analysePair(ctx.index, p.source, p.target);
      for (const c of collectors) c.add(i, analysis);
    }
    pairCtx.warnings = p.warnings ?? (NO_WARNINGS as SourceWarning[]);
    pairCtx.rawStart = p.rawStart ?? 0;
    result.push(runChecks(checks, p.source, p.target, pairCtx));
  }
  const documentFindings = [...collectors.map((c) => c.finish(pairs)), ...others.map((c) => c.checkDocument!(pairs, ctx))];
  for (const found of documentFindings) {
    found.forEach((list, i) => {
      if (list.length) result[i].push(...list);
    });
  }
  return result;
}
