// Live QA while typing: the pure checker runs on the target after a short pause (debounce), so a
// fast typist pays for one check per pause, not per key. `checkNow` runs it at once — on confirm,
// where the findings decide whether the segment is clean.
import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { Ref } from 'vue';
import type { SourceWarning } from '../api/types.ts';
import { checkPair } from './checker.ts';
import type { Finding, TermIndex } from './checker.ts';

export interface LiveQaOptions {
  source: Ref<string>;
  target: Ref<string>;
  index: Ref<TermIndex | null>;
  warnings?: Ref<SourceWarning[] | undefined>;
  /** Milliseconds of quiet before the check runs. */
  delay?: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs the checker on one pair; findings sorted errors first. Without a glossary yet, no term checks. */
export function checkSegment(index: TermIndex | null, source: string, target: string, warnings?: SourceWarning[]): Finding[] {
  if (!index) return [];
  const findings = checkPair(source, target, { index, warnings });
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function useLiveQa(options: LiveQaOptions) {
  const delay = options.delay ?? 150;
  const findings = shallowRef<Finding[]>([]);
  const pending = ref(false);
  /** Duration of the last check, for the benchmark. */
  const lastMs = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function checkNow(): Finding[] {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const t0 = performance.now();
    findings.value = checkSegment(options.index.value, options.source.value, options.target.value, options.warnings?.value);
    lastMs.value = performance.now() - t0;
    pending.value = false;
    return findings.value;
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    pending.value = true;
    timer = setTimeout(checkNow, delay);
  }

  watch(options.target, schedule);
  watch([options.source, options.index], checkNow, { immediate: true });
  onScopeDispose(() => {
    if (timer) clearTimeout(timer);
  });

  return { findings, pending, lastMs, checkNow };
}

export interface CheckableSegment {
  id: number;
  source: string;
  target: string;
  warnings?: SourceWarning[];
}

/**
 * Findings for rows scrolled into view, computed once per (segment, target) and dropped with the
 * glossary: 20,000 segments are never checked up front, only the few dozen on screen. Rows ask with
 * `peek`; a miss is queued with `request` and checked by `drain` when the browser is idle, so a
 * fast scroll renders rows first and their findings a moment later.
 */
export class FindingCache {
  private cache = new Map<number, { target: string; findings: Finding[] }>();
  private queue = new Map<number, CheckableSegment>();
  constructor(private index: TermIndex | null) {}

  setIndex(index: TermIndex | null): void {
    this.index = index;
    this.cache.clear();
  }

  /** Cached findings of this exact target, or undefined. */
  peek(id: number, target: string): Finding[] | undefined {
    const hit = this.cache.get(id);
    return hit && hit.target === target ? hit.findings : undefined;
  }

  /** Findings now, computing them if needed. */
  get(id: number, source: string, target: string, warnings?: SourceWarning[]): Finding[] {
    const hit = this.peek(id, target);
    if (hit) return hit;
    const findings = checkSegment(this.index, source, target, warnings);
    this.cache.set(id, { target, findings });
    this.queue.delete(id);
    return findings;
  }

  request(segment: CheckableSegment): void {
    this.queue.set(segment.id, segment);
  }

  /** A row scrolled away before its turn: drop it from the queue. */
  cancel(id: number): void {
    this.queue.delete(id);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Checks queued segments, oldest first, while `hasTime()`; returns how many it checked. */
  drain(hasTime: () => boolean): number {
    let n = 0;
    for (const [id, s] of this.queue) {
      if (n > 0 && !hasTime()) break;
      this.get(id, s.source, s.target, s.warnings);
      n++;
    }
    return n;
  }
}
