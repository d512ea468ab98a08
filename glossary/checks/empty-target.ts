// empty-target: the source has text and the target has none (only whitespace).
import type { CheckDef } from './types.ts';

export const emptyTarget: CheckDef = {
  id: 'empty-target',
  severity: 'error',
  explain: 'The segment has no translation.',
  check(source, target) {
    if (!source.trim() || target.trim()) return [];
    return [{ check: 'empty-target', severity: 'error', message: 'the target is empty' }];
  },
};
