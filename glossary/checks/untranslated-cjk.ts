// untranslated-cjk: Chinese characters (Han script) left in the English target. Fix: runs that
// are glossary terms are replaced by their preferred rendering.
import type { CheckDef, Finding } from './types.ts';

const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/gu;
// Most targets have none: a test allocates nothing, where matchAll makes an iterator per target.
const HAN_ANY = /[\p{Script=Han}\u3005\u3007]/u;

export const untranslatedCjk: CheckDef = {
  id: 'untranslated-cjk',
  severity: 'error',
  explain: 'The English target still contains Chinese characters.',
  check(_source, target) {
    const findings: Finding[] = [];
    if (!HAN_ANY.test(target)) return findings;
    for (const m of target.matchAll(HAN_RUN)) {
      findings.push({
        check: 'untranslated-cjk',
        severity: 'error',
        targetSpan: { start: m.index!, end: m.index! + m[0].length },
        message: `untranslated Chinese in the target: ${m[0]}`,
      });
    }
    return findings;
  },
  fix(_source, target, ctx) {
    let changed = false;
    const out = target.replace(HAN_RUN, (run) => {
      const entry = ctx.index.byZh.get(run);
      if (!entry) return run;
      changed = true;
      return entry.en;
    });
    return changed ? out : undefined;
  },
};
