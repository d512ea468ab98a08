import { describe, expect, it } from 'vitest';
import { charDiff, fromServerDiff, similarity, trackedChanges, translatorVersion, wordDiff } from '../../../web/composables/diff.ts';
import type { Revision } from '../../../web/api/types.ts';

const rev = (version: number, statusBefore: Revision['statusBefore'], statusAfter: Revision['statusAfter'], targetBefore: string, targetAfter: string, username: string): Revision => ({
  id: version,
  version,
  at: new Date(1_760_000_000_000 + version * 60_000).toISOString(),
  user: username,
  targetBefore,
  targetAfter,
  statusBefore,
  statusAfter,
  note: null,
});

describe('word-level diffs of English revisions', () => {
  it('shows exactly the words a reviewer changed', () => {
    const parts = wordDiff('We will build the five centres.', 'We will build the Five Centers.');
    expect(parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['five', 'centres']);
    expect(parts.filter((p) => p.added).map((p) => p.value)).toEqual(['Five', 'Centers']);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe('We will build the five centres.');
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join('')).toBe('We will build the Five Centers.');
  });

  it('diffs Chinese by character, since it has no spaces between words', () => {
    const parts = wordDiff('水生态生态治理', '水生态治理');
    expect(parts.filter((p) => p.removed).map((p) => p.value).join('')).toBe('生态');
  });

  it('rates a TM match by the share of characters it keeps', () => {
    expect(similarity('加快培育新质生产力', '加快培育新质生产力')).toBe(1);
    expect(similarity('加快培育新质生产力', '加快发展新质生产力')).toBeCloseTo(7 / 9, 5);
    expect(charDiff('长三角', '长三角一体化').filter((p) => p.added).map((p) => p.value)).toEqual(['一体化']);
  });
});

describe("the server's revision diffs", () => {
  it('read as the editor\'s inserted and deleted parts', () => {
    expect(
      fromServerDiff([
        { op: 'equal', text: 'build the ' },
        { op: 'delete', text: 'five centres' },
        { op: 'insert', text: 'Five Centers' },
      ]),
    ).toEqual([{ value: 'build the ' }, { value: 'five centres', removed: true }, { value: 'Five Centers', added: true }]);
  });
});

describe('tracked changes in review mode', () => {
  const history = [
    rev(2, 'new', 'draft', '', 'We will develop new productive forces.', 'translator'),
    rev(3, 'draft', 'translated', 'We will develop new productive forces.', 'We will develop new quality productive forces.', 'translator'),
    rev(4, 'translated', 'translated', 'We will develop new quality productive forces.', 'We will foster new quality productive forces.', 'reviewer'),
  ];

  it("takes the translator's confirmed version, not the reviewer's edit, as the baseline", () => {
    expect(translatorVersion(history)).toBe('We will develop new quality productive forces.');
    expect(translatorVersion([...history].reverse())).toBe('We will develop new quality productive forces.');
  });

  it('marks what changed since the translator confirmed', () => {
    const parts = trackedChanges(history, 'We will foster new quality productive forces.');
    expect(parts.find((p) => p.removed)?.value).toBe('develop');
    expect(parts.find((p) => p.added)?.value).toBe('foster');
  });

  it('counts a translator fixing a rejected segment as a new baseline', () => {
    const more = [...history, rev(5, 'translated', 'rejected', 'x', 'x', 'reviewer'), rev(6, 'rejected', 'translated', 'x', 'We cultivate new quality productive forces.', 'translator')];
    expect(translatorVersion(more)).toBe('We cultivate new quality productive forces.');
  });

  it('shows the plain text when the translator never confirmed', () => {
    expect(trackedChanges(history.slice(0, 1), 'We will develop new productive forces.')).toEqual([{ value: 'We will develop new productive forces.' }]);
  });
});
