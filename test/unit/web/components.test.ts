// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SourceText from '../../../web/components/editor/SourceText.vue';
import FindingList from '../../../web/components/editor/FindingList.vue';
import HelpOverlay from '../../../web/components/editor/HelpOverlay.vue';
import ConflictDialog from '../../../web/components/editor/ConflictDialog.vue';
import { SHORTCUTS } from '../../../web/composables/keymap.ts';
import { openBatchConflict, openConflict } from '../../../web/composables/conflict.ts';
import AlignConflictDialog from '../../../web/components/alignment/AlignConflictDialog.vue';
import { highlight } from '../../../glossary/match.ts';
import { checkPair } from '../../../glossary/checks/index.ts';
import { INDEX } from './fixtures.ts';

const SOURCE = '以科技创新引领新质生产力发展。';

describe('the source cell', () => {
  it('renders each glossary term as a labelled button that inserts its rendering', async () => {
    const wrapper = mount(SourceText, { props: { source: SOURCE, spans: highlight(INDEX, SOURCE), rowId: 1 } });
    const visible = wrapper.element.cloneNode(true) as HTMLElement;
    visible.querySelectorAll('.term-tip').forEach((tip) => tip.remove());
    expect(visible.textContent).toBe(SOURCE);
    const button = wrapper.find('button[data-term="新质生产力"]');
    expect(button.attributes('aria-label')).toBe('新质生产力: insert new quality productive forces');
    expect(wrapper.find('[role="tooltip"]').exists()).toBe(false);
    await button.trigger('focus');
    expect(wrapper.find(`#${button.attributes('aria-describedby')}`).text()).toContain('never: new productive forces');
    await button.trigger('blur');
    expect(wrapper.find('[role="tooltip"]').exists()).toBe(false);
    await button.trigger('click');
    expect(wrapper.emitted('insert')).toEqual([['new quality productive forces']]);
  });
});

describe('the findings under a row', () => {
  it('offers a Fix button only where the checker has a suggestion', async () => {
    const findings = checkPair(SOURCE, 'Let innovation lead new productive forces.', { index: INDEX });
    const wrapper = mount(FindingList, { props: { findings } });
    const items = wrapper.findAll('li.finding');
    expect(items.map((li) => li.attributes('data-check'))).toEqual(findings.map((f) => f.check));
    const fixes = wrapper.findAll('button.fix');
    expect(fixes).toHaveLength(findings.filter((f) => f.suggestion !== undefined).length);
    await fixes[0].trigger('click');
    expect((wrapper.emitted('fix')![0][0] as { check: string }).check).toBe('term-forbidden');
  });
});

describe('the help overlay', () => {
  it('lists every shortcut of the key map and closes on Escape', async () => {
    const wrapper = mount(HelpOverlay, { attachTo: document.body });
    const rows = wrapper.findAll('tr[data-action]');
    expect(rows.map((r) => r.attributes('data-action'))).toEqual(SHORTCUTS.map((s) => s.action));
    expect(wrapper.text()).toContain('Ctrl+Enter');
    await wrapper.find('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('close')).toHaveLength(1);
    wrapper.unmount();
  });
});

describe('the conflict dialog', () => {
  it("shows their text beside mine and resolves with the user's choice", async () => {
    const theirs = {
      id: 5, documentId: 1, index: 4, source: SOURCE, target: 'Let sci-tech innovation lead new quality productive forces.', status: 'translated' as const,
      version: 7, section: '七', heading: false, start: 0, end: 15, rawStart: 0, rawEnd: 15, confidence: null, warnings: [], updatedBy: 2, updatedAt: '2026-11-29T15:00:00.000Z',
    };
    const wrapper = mount(ConflictDialog, { props: { conflict: openConflict(theirs, 'Innovation leads new quality productive forces.', { target: 'x' }) } });
    expect(wrapper.find('.theirs').text()).toBe(theirs.target);
    expect(wrapper.find('.mine').text()).toBe('Innovation leads new quality productive forces.');
    expect(wrapper.findAll('ins').length).toBeGreaterThan(0);
    await wrapper.findAll('button').find((b) => b.text() === 'Edit a merge')!.trigger('click');
    await wrapper.find('textarea').setValue('Sci-tech innovation leads new quality productive forces.');
    await wrapper.findAll('button').find((b) => b.text() === 'Save merge')!.trigger('click');
    expect(wrapper.emitted('resolve')).toEqual([[{ kind: 'merge', text: 'Sci-tech innovation leads new quality productive forces.' }]]);
  });
});

describe('the refused alignment fix dialog', () => {
  it('shows the stale row as saved, with what changed since it was read, and offers redo or leave — never "keep mine"', async () => {
    const theirs = {
      id: 12, documentId: 1, index: 8, source: '打造智慧港口、智慧机场全球标杆。', target: 'We will build smart ports and a world-class benchmark for smart airports.', status: 'draft' as const,
      version: 2, section: '三 › 3.2', heading: false, start: 0, end: 16, rawStart: 0, rawEnd: 16, confidence: 0.8, warnings: [], updatedBy: 3, updatedAt: '2026-11-29T16:00:00.000Z',
    };
    const state = openBatchConflict([theirs], () => 'We will build smart ports and a global benchmark for smart airports.', 11, 'merge-next', 'merge with the next segment');
    const wrapper = mount(AlignConflictDialog, { props: { conflict: state }, attachTo: document.body });
    expect(wrapper.find('h2').text()).toBe('The merge with the next segment was not saved');
    expect(wrapper.find('.stale-row[data-segment="12"] .theirs').text()).toBe(theirs.target);
    expect(wrapper.find('ins').text().trim()).toBe('world-class');
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Redo on the saved text', 'Leave it']);
    expect(document.activeElement?.textContent).toBe('Redo on the saved text');
    await wrapper.findAll('button')[0].trigger('click');
    await wrapper.find('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('redo')).toHaveLength(1);
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    wrapper.unmount();
  });
});
