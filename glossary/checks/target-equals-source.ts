// target-equals-source: the target is a copy of the source. Segments without letters (numbers,
// section marks such as "1.1") are legitimately identical and are not reported.
import type { CheckDef } from './types.ts';

export const targetEqualsSource: CheckDef = {
  id: 'target-equals-source',
  severity: 'warning',
  explain: 'The target is identical to the source, which usually means the segment was copied instead of translated.',
  check(source, target) {
    const s = source.trim();
    if (!s || s !== target.trim() || !/\p{L}/u.test(s)) return [];
    return [{ check: 'target-equals-source', severity: 'warning', targetSpan: { start: 0, end: target.length }, message: 'the target is identical to the source' }];
  },
};
