// number-mismatch: numbers compared by value (glossary/numbers.ts), not as strings, so 1万亿 and
// "1 trillion", 15% and "15 per cent", 第十五 and "15th" agree. Every strong number on one side
// needs an equal value on the other; weak ones (一批, "one of") only count as counterparts.
// Numbers inside glossary terms and their renderings (两个毫不动摇 / "Two Unwaverings") are left
// to the term checks.
// Masking can only remove numbers, and only strong numbers make findings, so the numbers are
// read unmasked first and the term analysis (needed only for the masks) is run just for the
// pairs that have a strong number on some side.
import { extractNumbers, formatValue, mayHaveStrongNumbers, numbersEqual } from '../numbers.ts';
import type { NumberMention } from '../numbers.ts';
import { analysePair } from './analysis.ts';
import type { PairAnalysis } from './analysis.ts';
import type { CheckDef, Finding, Span } from './types.ts';
import { isBlank, quote } from './types.ts';

function describe(n: NumberMention): string {
  const v = n.kind === 'percent' ? `${formatValue(n.value)}%` : formatValue(n.value);
  return n.text.trim() === v ? quote(n.text) : `${quote(n.text)} (${v})`;
}

function hasStrong(list: readonly NumberMention[]): boolean {
  for (const n of list) if (n.strong) return true;
  return false;
}

function hasValue(list: readonly NumberMention[], value: number): boolean {
  for (const m of list) if (numbersEqual(m.value, value)) return true;
  return false;
}

function overlapsAny(n: NumberMention, spans: readonly Span[]): boolean {
  for (let i = 0; i < spans.length; i++) if (n.start < spans[i].end && spans[i].start < n.end) return true;
  return false;
}

/** Source numbers outside the term matches; the list itself when none is inside one. */
function outsideMatches(list: NumberMention[], matches: readonly Span[]): NumberMention[] {
  let kept: NumberMention[] | null = null;
  for (let i = 0; i < list.length; i++) {
    if (!overlapsAny(list[i], matches)) kept?.push(list[i]);
    else kept ??= list.slice(0, i);
  }
  return kept ?? list;
}

/** Target numbers outside the renderings (accepted or forbidden) of the terms; the list itself when none is inside one. */
function outsideRenderings(list: NumberMention[], entries: PairAnalysis['entries']): NumberMention[] {
  let kept: NumberMention[] | null = null;
  for (let i = 0; i < list.length; i++) {
    let inside = false;
    for (let e = 0; e < entries.length && !inside; e++) inside = overlapsAny(list[i], entries[e].accepted) || overlapsAny(list[i], entries[e].forbidden);
    if (!inside) kept?.push(list[i]);
    else kept ??= list.slice(0, i);
  }
  return kept ?? list;
}

export const numberMismatch: CheckDef = {
  id: 'number-mismatch',
  severity: 'error',
  explain:
    'A number in the source has no equal value in the target, or the target has a number the source lacks. Values are compared: 1万亿 = 1 trillion, 15% = 15 percent, 2030年 = 2030, 第十五 = 15th.',
  check(source, target, ctx) {
    if (isBlank(target)) return [];
    let zh = extractNumbers(source, 'zh');
    let en = extractNumbers(target, 'en');
    if (!hasStrong(zh) && !hasStrong(en)) return [];
    // A source without any numeral character lets through only targets whose numbers can be strong
    // by their look alone (figures, words above ten, magnitudes, percent).
    if (zh.length === 0 && !mayHaveStrongNumbers(source, 'zh') && !mayHaveStrongNumbers(target, 'en')) return [];
    const a = analysePair(ctx.index, source, target);
    // Term matches and renderings are spans themselves: masked as they are, not copied.
    if (zh.length > 0) zh = outsideMatches(zh, a.matches);
    if (en.length > 0) en = outsideRenderings(en, a.entries);
    const findings: Finding[] = [];
    for (const n of zh) {
      if (!n.strong || hasValue(en, n.value)) continue;
      findings.push({
        check: 'number-mismatch',
        severity: 'error',
        sourceSpan: { start: n.start, end: n.end },
        message: `${describe(n)} in the source has no matching number in the target`,
      });
    }
    for (const m of en) {
      if (!m.strong || hasValue(zh, m.value)) continue;
      findings.push({
        check: 'number-mismatch',
        severity: 'error',
        targetSpan: { start: m.start, end: m.end },
        message: `${describe(m)} in the target has no matching number in the source`,
      });
    }
    return findings;
  },
};
