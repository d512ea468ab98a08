// The editor's keyboard map as data: one table drives both the key handler and the `?` help overlay,
// so a shortcut cannot exist without being listed. Bindings follow the common CAT-tool conventions
// (Trados/memoQ: Ctrl+Enter confirms and moves to the next open segment).

export type ActionId =
  | 'confirm-next'
  | 'approve'
  | 'reject'
  | 'previous'
  | 'next'
  | 'focus-filter'
  | 'leave'
  | 'help'
  | 'copy-source'
  | 'next-finding-fix';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export interface Shortcut {
  action: ActionId;
  /** As shown to the user. */
  keys: string;
  description: string;
  /** Reviewer-only actions are listed with this note. */
  role?: 'reviewer';
  /** Whether the shortcut fires while the caret is in a text field. */
  whileTyping: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** Compared case-insensitively with KeyboardEvent.key. */
  key: string;
}

const sc = (s: Omit<Shortcut, 'ctrl' | 'alt' | 'shift'> & Partial<Pick<Shortcut, 'ctrl' | 'alt' | 'shift'>>): Shortcut => ({
  ctrl: false,
  alt: false,
  shift: false,
  ...s,
});

export const SHORTCUTS: readonly Shortcut[] = [
  sc({ action: 'confirm-next', keys: 'Ctrl+Enter', description: 'Confirm the segment as translated and go to the next open segment', ctrl: true, key: 'Enter', whileTyping: true }),
  sc({ action: 'approve', keys: 'Ctrl+Shift+Enter', description: 'Approve the segment and go to the next one', role: 'reviewer', ctrl: true, shift: true, key: 'Enter', whileTyping: true }),
  sc({ action: 'reject', keys: 'Ctrl+Shift+R', description: 'Reject the segment with a reason', role: 'reviewer', ctrl: true, shift: true, key: 'r', whileTyping: true }),
  sc({ action: 'previous', keys: 'Alt+↑', description: 'Previous segment', alt: true, key: 'ArrowUp', whileTyping: true }),
  sc({ action: 'next', keys: 'Alt+↓', description: 'Next segment', alt: true, key: 'ArrowDown', whileTyping: true }),
  sc({ action: 'copy-source', keys: 'Ctrl+Shift+S', description: 'Copy the source into an empty target', ctrl: true, shift: true, key: 's', whileTyping: true }),
  sc({ action: 'next-finding-fix', keys: 'Ctrl+.', description: 'Apply the quick fix of the first QA finding', ctrl: true, key: '.', whileTyping: true }),
  sc({ action: 'focus-filter', keys: 'Ctrl+K', description: 'Focus the filter', ctrl: true, key: 'k', whileTyping: true }),
  sc({ action: 'leave', keys: 'Escape', description: 'Leave the editor cell (or close a dialog)', key: 'Escape', whileTyping: true }),
  sc({ action: 'help', keys: '?', description: 'Show or hide this list of shortcuts', key: '?', shift: true, whileTyping: false }),
];

/**
 * The action a key press triggers, or null. `typing` is true while focus is in a text field, where
 * plain keys must type. Cmd counts as Ctrl so the map also works on macOS.
 */
export function actionFor(e: KeyLike, typing: boolean): ActionId | null {
  const ctrl = !!(e.ctrlKey || e.metaKey);
  const alt = !!e.altKey;
  const shift = !!e.shiftKey;
  for (const s of SHORTCUTS) {
    if (typing && !s.whileTyping) continue;
    if (s.key.toLowerCase() !== e.key.toLowerCase()) continue;
    if (s.ctrl !== ctrl || s.alt !== alt) continue;
    // `?` is Shift+/ on most layouts but not all; accept it with or without a reported Shift.
    if (s.key !== '?' && s.shift !== shift) continue;
    return s.action;
  }
  return null;
}

/** Whether an event target is a place where keys type text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || el.isContentEditable) return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes((el.type ?? 'text').toLowerCase());
  if (tag === 'SELECT') return true;
  return false;
}
