// number-mismatch: numbers compared by value (glossary/numbers.ts), not as strings, so 1万亿 and
// "1 trillion", 15% and "15 per cent", 第十五 and "15th" agree. Every strong number on one side
// needs an equal value on the other; weak ones (一批, "one of") only count as counterparts.
// Numbers inside glossary terms and their renderings (两个毫不动摇 / "Two Unwaverings") are left
// to the term checks.
import { extractNumbers, formatValue, mayHaveStrongNumbers, numbersEqual } from '../numbers.ts';
import type { NumberMention } from '../numbers.ts';
import { analysePair } from './analysis.ts';
import type { CheckDef, Finding, Span } from './types.ts';
import { quote } from './types.ts';

function describe(n: NumberMention): string {
  const v = n.kind === 'percent' ? `${formatValue(n.value)}%` : formatValue(n.value);
  return n.text.trim() === v ? quote(n.text) : `${quote(n.text)} (${v})`;
}

export const numberMismatch: CheckDef = {
  id: 'number-mismatch',
  severity: 'error',
  explain:
    'A number in the source has no equal value in the target, or the target has a number the source lacks. Values are compared: 1万亿 = 1 trillion, 15% = 15 percent, 2030年 = 2030, 第十五 = 15th.',
  check(source, target, ctx) {
    if (!target.trim()) return [];
    if (!mayHaveStrongNumbers(source, 'zh') && !mayHaveStrongNumbers(target, 'en')) return [];
    const a = analysePair(ctx.index, source, target);
    // Term matches and renderings are spans themselves: masked as they are, not copied.
    const sourceMask: Span[] = a.matches;
    const targetMask: Span[] = [];
    for (const e of a.entries) {
      for (const r of e.accepted) targetMask.push(r);
      for (const r of e.forbidden) targetMask.push(r);
    }
    const zh = extractNumbers(source, 'zh', { mask: sourceMask });
    const en = extractNumbers(target, 'en', { mask: targetMask });
    if (zh.length === 0 && en.length === 0) return [];
    const findings: Finding[] = [];
    for (const n of zh) {
      if (!n.strong || en.some((m) => numbersEqual(m.value, n.value))) continue;
      findings.push({
        check: 'number-mismatch',
        severity: 'error',
        sourceSpan: { start: n.start, end: n.end },
        message: `${describe(n)} in the source has no matching number in the target`,
      });
    }
    for (const m of en) {
      if (!m.strong || zh.some((n) => numbersEqual(m.value, n.value))) continue;
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
