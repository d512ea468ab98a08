// One open document: its (filtered) segments, the active segment and its unsaved text, the
// project glossary and its term index, and the pending conflict. Rows live in a shallow array
// sized to the filtered total and filled page by page, so the first page renders while the rest of
// a 20,000-segment document is still arriving.
import { defineStore } from 'pinia';
import { computed, markRaw, reactive, ref, shallowRef, triggerRef } from 'vue';
import { ApiError, api, isBatchConflict, isConflict } from '../api/client.ts';
import type { Segment, SegmentChange, SegmentQuery, SegmentStatus } from '../api/types.ts';
import { buildTermIndex } from '../composables/checker.ts';
import type { Finding, TermEntry, TermIndex } from '../composables/checker.ts';
import { openBatchConflict, openConflict } from '../composables/conflict.ts';
import type { BatchConflictState, ConflictState } from '../composables/conflict.ts';
import type { AlignOp, TargetPatch } from '../composables/alignment.ts';
import { FindingCache } from '../composables/useLiveQa.ts';
import { toTermEntry } from '../composables/glossarySearch.ts';

export const FIRST_PAGE = 200;
/** The server's largest page (MAX_PAGE in the client). */
export const PAGE = 1000;

export interface SegmentFilter {
  status: SegmentStatus[];
  check: string;
  section: string;
  q: string;
}

export type SaveOutcome = 'saved' | 'unchanged' | 'conflict' | 'error';

/** Runs `fn` after the next frame has been painted (a timer where there are no frames). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

export const useEditorStore = defineStore('editor', () => {
  const projectId = ref(0);
  const documentId = ref(0);
  const rows = shallowRef<(Segment | undefined)[]>([]);
  const total = ref(0);
  const loaded = ref(0);
  const loading = ref(false);
  /** Bumped by every (re)load: a new row set, so the list starts with fresh geometry. */
  const generation = ref(0);
  const filter = reactive<SegmentFilter>({ status: [], check: '', section: '', q: '' });
  const active = ref(-1);
  /** The active segment's text as typed, not yet saved. */
  const draft = ref('');
  const conflict = shallowRef<ConflictState | null>(null);
  /** A refused alignment batch (409): the stale rows, until the user redoes or drops the fix. */
  const batchConflict = shallowRef<BatchConflictState | null>(null);
  const error = ref('');
  const glossary = shallowRef<TermEntry[]>([]);
  const termIndex = shallowRef<TermIndex | null>(null);
  // markRaw: inside the store's reactive() a class instance would be proxied deeply, and every
  // read of the term index by the checker would be tracked — ten times slower while scrolling.
  const findings = markRaw(new FindingCache(null));
  /** Bumped when idle-time checks have filled the cache, so rows waiting for findings re-render. */
  const findingsTick = ref(0);
  let idleHandle = 0;
  const byId = new Map<number, number>();
  let loadToken = 0;
  /** The caret/selection in the active target cell, kept on blur so a term click inserts there. */
  const selection = ref({ start: 0, end: 0 });
  /** Bumped to ask the active cell to take focus, placing the caret at `caretAt` when set. */
  const focusTick = ref(0);
  const caretAt = ref<number | null>(null);
  /** Set until the active cell has taken focus (it may mount only after the list scrolls to it). */
  const wantFocus = ref(false);

  function requestFocus(caret?: number): void {
    caretAt.value = caret ?? null;
    wantFocus.value = true;
    focusTick.value++;
  }

  const activeSegment = computed(() => (active.value >= 0 ? rows.value[active.value] : undefined));
  const dirty = computed(() => !!activeSegment.value && draft.value !== activeSegment.value.target);

  function query(): SegmentQuery {
    return {
      status: filter.status.length ? filter.status : undefined,
      check: filter.check || undefined,
      section: filter.section || undefined,
      q: filter.q || undefined,
    };
  }

  function place(items: Segment[], offset: number): void {
    const arr = rows.value;
    for (let k = 0; k < items.length; k++) {
      arr[offset + k] = items[k];
      byId.set(items[k].id, offset + k);
    }
    loaded.value = Math.max(loaded.value, offset + items.length);
    triggerRef(rows);
  }

  /** Loads the first page now and the rest in the background; a newer load cancels an older one. */
  async function load(): Promise<void> {
    const token = ++loadToken;
    loading.value = true;
    error.value = '';
    try {
      const first = await api.segments(documentId.value, { ...query(), offset: 0, limit: FIRST_PAGE });
      if (token !== loadToken) return;
      byId.clear();
      loaded.value = 0;
      generation.value++;
      total.value = first.total;
      rows.value = new Array(first.total);
      place(first.items, 0);
      if (active.value >= first.total) active.value = first.total - 1;
      // The rest waits until the first rows are painted: parsing 20 pages of JSON must not delay them.
      afterPaint(() => void loadRest(token, first.items.length));
    } catch (e) {
      error.value = (e as Error).message;
      loading.value = false;
    }
  }

  async function loadRest(token: number, from: number): Promise<void> {
    let offset = from;
    try {
      while (offset < total.value && token === loadToken) {
        const page = await api.segments(documentId.value, { ...query(), offset, limit: PAGE });
        if (token !== loadToken) return;
        if (!page.items.length) break;
        place(page.items, offset);
        offset += page.items.length;
      }
    } catch (e) {
      if (token === loadToken) error.value = (e as Error).message;
    } finally {
      if (token === loadToken) loading.value = false;
    }
  }

  async function loadGlossary(): Promise<void> {
    try {
      setGlossary((await api.glossary(projectId.value)).map(toTermEntry));
    } catch (e) {
      error.value = `glossary: ${(e as Error).message}`;
    }
  }

  function setGlossary(entries: TermEntry[]): void {
    glossary.value = entries;
    termIndex.value = buildTermIndex(entries.filter((e) => e.status !== 'deprecated' || e.forbidden.length));
    findings.setIndex(termIndex.value);
    findingsTick.value++;
  }

  async function open(project: number, document: number): Promise<void> {
    if (project === projectId.value && document === documentId.value && rows.value.length) return;
    projectId.value = project;
    documentId.value = document;
    active.value = -1;
    draft.value = '';
    rows.value = [];
    await Promise.all([load(), loadGlossary()]);
  }

  /** Replaces a segment everywhere it is shown; keeps the draft of the active one in step. */
  function replace(segment: Segment): void {
    const i = byId.get(segment.id);
    if (i === undefined) return;
    const wasActiveClean = i === active.value && draft.value === rows.value[i]?.target;
    rows.value[i] = segment;
    triggerRef(rows);
    if (wasActiveClean) draft.value = segment.target;
  }

  function activate(i: number): void {
    if (i < 0 || i >= rows.value.length) return;
    active.value = i;
    draft.value = rows.value[i]?.target ?? '';
  }

  /** Saves a change of row i against the version the client holds; a 409 opens the conflict view. */
  async function save(i: number, change: SegmentChange): Promise<SaveOutcome> {
    const row = rows.value[i];
    if (!row) return 'error';
    if (change.target === row.target && change.status === undefined) return 'unchanged';
    if (change.target === row.target && change.status === row.status) return 'unchanged';
    return saveVersion(row, row.version, change);
  }

  async function saveVersion(row: Segment, version: number, change: SegmentChange): Promise<SaveOutcome> {
    error.value = '';
    try {
      const result = await api.saveSegment({ id: row.id, version }, change);
      if (isConflict(result)) {
        conflict.value = openConflict(result.current, change.target ?? row.target, change);
        return 'conflict';
      }
      replace(result);
      return 'saved';
    } catch (e) {
      error.value = (e as Error).message;
      return 'error';
    }
  }

  /** Saves the active segment's draft if it changed (leaving a cell never loses typing). */
  async function saveDraft(): Promise<SaveOutcome> {
    if (!dirty.value) return 'unchanged';
    return save(active.value, { target: draft.value });
  }

  /**
   * An alignment fix saved as one all-or-nothing batch. On 409 nothing was saved: the rows stay as
   * they were and the batch conflict view opens; on 403 (e.g. an approved neighbour) nothing was
   * saved and the error says so.
   */
  async function applyBatch(changes: TargetPatch[], fix: { anchorId: number; op: AlignOp; what: string }): Promise<SaveOutcome> {
    if (!changes.length) return 'unchanged';
    error.value = '';
    const seen = new Map<number, string>();
    for (const c of changes) {
      const i = byId.get(c.id);
      const row = i === undefined ? undefined : rows.value[i];
      if (!row) {
        error.value = `The ${fix.what} was not sent: segment ${c.id} is not loaded.`;
        return 'error';
      }
      seen.set(c.id, row.target);
    }
    try {
      const result = await api.saveSegments(documentId.value, changes);
      if (isBatchConflict(result)) {
        batchConflict.value = openBatchConflict(result.current, (id) => seen.get(id), fix.anchorId, fix.op, fix.what);
        return 'conflict';
      }
      for (const s of result.segments) replace(s);
      return 'saved';
    } catch (e) {
      const why = (e as Error).message;
      error.value =
        e instanceof ApiError && e.status === 403
          ? `The ${fix.what} was refused (${why}); neither segment was changed.`
          : `The ${fix.what} failed (${why}); neither segment was changed.`;
      return 'error';
    }
  }

  /** Closes the batch conflict view, showing the stale rows as the server has them now. */
  function closeBatchConflict(): BatchConflictState | null {
    const c = batchConflict.value;
    batchConflict.value = null;
    if (c) for (const s of c.stale) replace(s.theirs);
    return c;
  }

  async function resolveWith(version: number, change: SegmentChange): Promise<SaveOutcome> {
    const c = conflict.value;
    if (!c) return 'unchanged';
    conflict.value = null;
    return saveVersion(c.theirs, version, change);
  }

  function takeTheirs(): void {
    const c = conflict.value;
    if (!c) return;
    conflict.value = null;
    const i = byId.get(c.theirs.id);
    if (i !== undefined) {
      rows.value[i] = c.theirs;
      triggerRef(rows);
      if (i === active.value) draft.value = c.theirs.target;
    }
  }

  function scheduleChecks(): void {
    if (idleHandle) return;
    const idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback
        : (cb: (d: { timeRemaining(): number }) => void) => setTimeout(() => cb({ timeRemaining: () => 8 }), 1) as unknown as number;
    idleHandle = idle((deadline) => {
      idleHandle = 0;
      if (findings.drain(() => deadline.timeRemaining() > 2)) findingsTick.value++;
      if (findings.pending) scheduleChecks();
    });
  }

  /** Findings of a row when known; otherwise null now, and the row re-renders once they are. */
  function findingsOf(s: Segment): Finding[] | null {
    void findingsTick.value;
    const hit = findings.peek(s.id, s.target);
    if (hit) return hit;
    findings.request(s);
    scheduleChecks();
    return null;
  }

  function indexOf(id: number): number | undefined {
    return byId.get(id);
  }

  const sections = computed(() => {
    const seen = new Set<string>();
    for (const r of rows.value) if (r?.heading && r.section) seen.add(r.section);
    return [...seen];
  });

  return {
    selection,
    focusTick,
    caretAt,
    wantFocus,
    requestFocus,
    projectId,
    documentId,
    rows,
    total,
    loaded,
    loading,
    generation,
    filter,
    active,
    activeSegment,
    draft,
    dirty,
    conflict,
    batchConflict,
    error,
    glossary,
    termIndex,
    findings,
    findingsOf,
    sections,
    open,
    load,
    loadGlossary,
    setGlossary,
    replace,
    activate,
    save,
    saveDraft,
    applyBatch,
    closeBatchConflict,
    resolveWith,
    takeTheirs,
    indexOf,
  };
});
