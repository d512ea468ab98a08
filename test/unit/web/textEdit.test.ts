import { describe, expect, it } from 'vitest';
import { applyFix, insertAtCursor } from '../../../web/composables/textEdit.ts';
import { checkPair } from '../../../glossary/checks/index.ts';
import { INDEX } from './fixtures.ts';

describe('inserting a glossary rendering at the caret', () => {
  it.each([
    ['into an empty target', '', 0, 0, 'new quality productive forces', 'new quality productive forces'],
    ['after "develop" adds the missing space', 'We will develop', 15, 15, 'new quality productive forces', 'We will develop new quality productive forces'],
    ['before a word adds a space after it', 'build centers', 6, 6, 'Five', 'build Five centers'],
    ['over a selection replaces it', 'build the five centres', 6, 22, 'Five Centers', 'build Five Centers'],
    ['next to punctuation adds no space', 'the (', 5, 5, 'Yangtze River Delta', 'the (Yangtze River Delta'],
  ])('%s', (_name, text, start, end, insert, expected) => {
    const edit = insertAtCursor(text, start, end, insert);
    expect(edit.text).toBe(expected);
    expect(edit.text.slice(edit.caret - insert.length, edit.caret)).toBe(insert);
  });
});

describe('applying the quick fix of a finding', () => {
  it('replaces the forbidden "new productive forces" with the approved rendering of 新质生产力', () => {
    const target = 'Accelerate the cultivation of new productive forces and promote high-quality development.';
    const findings = checkPair('加快培育新质生产力，推动高质量发展。', target, { index: INDEX });
    const forbidden = findings.find((f) => f.check === 'term-forbidden');
    expect(forbidden).toBeDefined();
    const edit = applyFix(target, forbidden!);
    expect(edit?.text).toBe('Accelerate the cultivation of new quality productive forces and promote high-quality development.');
    expect(edit?.text.slice(0, edit.caret).endsWith('new quality ')).toBe(true);
    expect(checkPair('加快培育新质生产力，推动高质量发展。', edit!.text, { index: INDEX }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('offers nothing for a finding without a suggestion', () => {
    expect(applyFix('Five Centers', { suggestion: undefined })).toBeNull();
    expect(applyFix('Five Centers', { suggestion: 'Five Centers' })).toBeNull();
  });
});
