// What rows and panels of the editor ask of the editor view, provided once instead of threading
// events through the virtual list's slot (which would re-render every visible row on each change).
import type { InjectionKey, Ref } from 'vue';
import type { DiffPart } from '../api/types.ts';
import type { Finding } from './checker.ts';

export interface EditorActions {
  activate(i: number, focus?: boolean): void;
  insertTerm(i: number, text: string): void;
  applyFix(i: number, finding: Finding): void;
  approve(i: number): void;
  reject(i: number): void;
  /** Live findings of the active segment's draft. */
  liveFindings: Ref<Finding[]>;
  /** Tracked changes of the active segment in review mode (translator's version → current). */
  tracked: Ref<DiffPart[] | null>;
  canReview: Ref<boolean>;
}

export const EDITOR_KEY: InjectionKey<EditorActions> = Symbol('editor');
