import { describe, expect, it } from 'vitest';
import { SHORTCUTS, actionFor, isTypingTarget } from '../../../web/composables/keymap.ts';
import type { KeyLike } from '../../../web/composables/keymap.ts';

describe('the keyboard map of the editor', () => {
  it.each([
    ['Ctrl+Enter confirms and moves on', { key: 'Enter', ctrlKey: true }, true, 'confirm-next'],
    ['Cmd+Enter does the same on macOS', { key: 'Enter', metaKey: true }, true, 'confirm-next'],
    ['Ctrl+Shift+Enter approves', { key: 'Enter', ctrlKey: true, shiftKey: true }, true, 'approve'],
    ['Alt+ArrowUp goes to the previous segment', { key: 'ArrowUp', altKey: true }, true, 'previous'],
    ['Alt+ArrowDown goes to the next segment', { key: 'ArrowDown', altKey: true }, false, 'next'],
    ['Ctrl+K focuses the filter', { key: 'k', ctrlKey: true }, true, 'focus-filter'],
    ['Ctrl+K works with Caps Lock on', { key: 'K', ctrlKey: true }, false, 'focus-filter'],
    ['Escape leaves the cell', { key: 'Escape' }, true, 'leave'],
    ['? opens the help outside a text field', { key: '?', shiftKey: true }, false, 'help'],
    ['Ctrl+Shift+R rejects', { key: 'R', ctrlKey: true, shiftKey: true }, true, 'reject'],
  ] as [string, KeyLike, boolean, string][])('%s', (_name, event, typing, action) => {
    expect(actionFor(event, typing)).toBe(action);
  });

  it.each([
    ['? types a question mark in the target cell', { key: '?', shiftKey: true }, true],
    ['plain Enter types a line break', { key: 'Enter' }, true],
    ['ArrowDown alone moves the caret', { key: 'ArrowDown' }, true],
    ['Ctrl+Alt+Enter is not Ctrl+Enter', { key: 'Enter', ctrlKey: true, altKey: true }, true],
    ['a letter types', { key: 'n' }, false],
  ] as [string, KeyLike, boolean][])('%s (no action)', (_name, event, typing) => {
    expect(actionFor(event, typing)).toBeNull();
  });

  it('lists every action exactly once, so the help overlay shows each shortcut', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const required of ['confirm-next', 'approve', 'previous', 'next', 'focus-filter', 'leave', 'help']) expect(actions).toContain(required);
    for (const s of SHORTCUTS) expect(s.description.length).toBeGreaterThan(5);
  });

  it('treats text inputs and textareas as typing targets but not checkboxes or buttons', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
