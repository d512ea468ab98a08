import { describe, expect, it } from 'vitest';
import { openConflict, resolveConflict } from '../../../web/composables/conflict.ts';
import type { Segment } from '../../../web/api/types.ts';

const theirs: Segment = {
  id: 42,
  documentId: 1,
  index: 17,
  source: '推动长三角一体化高质量发展。',
  target: 'Promote the high-quality development of Yangtze River Delta integration.',
  status: 'translated',
  version: 5,
  section: '九 › 2',
  heading: false,
  start: 1200,
  end: 1214,
  rawStart: 1210,
  rawEnd: 1224,
  confidence: 0.91,
  warnings: [],
  updatedBy: 3,
  updatedAt: '2026-11-29T15:00:00.000Z',
};
const mine = 'Promote high-quality integrated development of the Yangtze River Delta.';

describe('the 409 conflict view', () => {
  const state = openConflict(theirs, mine, { target: mine, status: 'translated' });

  it('diffs their saved text against mine word by word', () => {
    expect(state.diff.filter((p) => !p.added).map((p) => p.value).join('')).toBe(theirs.target);
    expect(state.diff.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(mine);
    expect(state.diff.some((p) => p.added) && state.diff.some((p) => p.removed)).toBe(true);
  });

  it.each([
    ['keep mine saves my text and my status against their version', { kind: 'mine' } as const, { version: 5, change: { target: mine, status: 'translated' } }],
    ['an edited merge saves the merge', { kind: 'merge', text: 'Promote Yangtze River Delta integration.' } as const, { version: 5, change: { target: 'Promote Yangtze River Delta integration.', status: 'translated' } }],
    ['take theirs saves nothing', { kind: 'theirs' } as const, null],
  ])('%s', (_name, resolution, expected) => {
    expect(resolveConflict(state, resolution)).toEqual(expected);
  });
});
