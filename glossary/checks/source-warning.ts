// source-warning: the foundation's source warnings (segments/warnings.ts: stray Latin words,
// tripled characters, traditional characters, unbalanced brackets …) carried onto the segment so
// a reviewer sees them next to the translation. Spans are the warning's raw offsets made
// relative to the segment (ctx.rawStart), kept only when they fall inside the source.
import type { CheckDef, Finding } from './types.ts';

export const sourceWarning: CheckDef = {
  id: 'source-warning',
  severity: 'warning',
  explain: 'The Chinese source itself looks damaged here (from source repair): check the source before trusting the translation.',
  check(source, _target, ctx) {
    const findings: Finding[] = [];
    const warnings = ctx.warnings;
    if (!warnings || warnings.length === 0) return findings;
    for (const w of warnings) {
      const start = w.rawStart - (ctx.rawStart ?? 0);
      const end = w.rawEnd - (ctx.rawStart ?? 0);
      const inside = start >= 0 && end >= start && end <= source.length;
      findings.push({
        check: 'source-warning',
        severity: 'warning',
        ...(inside ? { sourceSpan: { start, end } } : {}),
        message: `${w.code}: ${w.message}`,
      });
    }
    return findings;
  },
};
