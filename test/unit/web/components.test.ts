// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SourceText from '../../../web/components/editor/SourceText.vue';
import FindingList from '../../../web/components/editor/FindingList.vue';
import HelpOverlay from '../../../web/components/editor/HelpOverlay.vue';
import ConflictDialog from '../../../web/components/editor/ConflictDialog.vue';
import { SHORTCUTS } from '../../../web/composables/keymap.ts';
import { openConflict } from '../../../web/composables/conflict.ts';
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
