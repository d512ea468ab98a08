// source-warning: the foundation's source warnings (segments/warnings.ts: stray Latin words,
// tripled characters, traditional characters, unbalanced brackets …) carried onto the segment so
// a reviewer sees them next to the translation. Spans are found by locating the excerpt.
import type { CheckDef, Finding } from './types.ts';

export const sourceWarning: CheckDef = {
  id: 'source-warning',
  severity: 'warning',
  explain: 'The Chinese source itself looks damaged here (from source repair): check the source before trusting the translation.',
  check(source, _target, ctx) {
    const findings: Finding[] = [];
    for (const w of ctx.warnings ?? []) {
      const at = w.excerpt ? source.indexOf(w.excerpt.trim()) : -1;
      findings.push({
        check: 'source-warning',
        severity: 'warning',
        ...(at >= 0 ? { sourceSpan: { start: at, end: at + w.excerpt.trim().length } } : {}),
        message: `${w.code}: ${w.message}`,
      });
    }
    return findings;
  },
};
