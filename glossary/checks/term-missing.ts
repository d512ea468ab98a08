// term-missing: a glossary term occurs in the source and neither its preferred rendering nor an
// admitted variant occurs in the target. Entries whose Chinese term is itself deprecated are
// not required to appear.
import type { TermEntry } from '../model.ts';
import { analysePair } from './analysis.ts';
import type { CheckDef, Finding } from './types.ts';
import { quote } from './types.ts';

// The message depends on the entry alone; over a document the same terms go missing again and again.
const messages = new WeakMap<TermEntry, string>();
function messageFor(e: TermEntry): string {
  let message = messages.get(e);
  if (message === undefined) {
    const alternatives = e.variants.length ? ` (or ${e.variants.map(quote).join(', ')})` : '';
    messages.set(e, (message = `${e.zh} is not rendered: expected ${quote(e.en)}${alternatives}`));
  }
  return message;
}

export const termMissing: CheckDef = {
  id: 'term-missing',
  severity: 'error',
  explain:
    'A glossary term occurs in the source but neither its preferred rendering nor an accepted variant is in the target (plurals, possessives, hyphen/space and British/American spellings count as present).',
  check(source, target, ctx) {
    if (!target.trim()) return [];
    const findings: Finding[] = [];
    const entries = analysePair(ctx.index, source, target).entries;
    for (let k = 0; k < entries.length; k++) {
      const a = entries[k];
      if (a.sourceMatches.length === 0 || a.accepted.length > 0 || a.entry.status === 'deprecated') continue;
      const e = a.entry;
      const m = a.sourceMatches[0];
      findings.push({
        check: 'term-missing',
        severity: e.status === 'admitted' ? 'warning' : 'error',
        sourceSpan: { start: m.start, end: m.end },
        term: e.zh,
        message: messageFor(e),
      });
    }
    return findings;
  },
};
