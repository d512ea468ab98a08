// Moving through a document: which segment Ctrl+Enter lands on, and which segments count as open.
import type { Segment, SegmentStatus } from '../api/types.ts';

export const OPEN_STATUSES: readonly SegmentStatus[] = ['new', 'draft', 'rejected'];

export function isOpen(s: Pick<Segment, 'status'>): boolean {
  return OPEN_STATUSES.includes(s.status);
}

/**
 * The next open segment after `from` (rows not yet loaded are skipped), or -1 when none follows.
 * Headings are translated too — they are segments — so they count when open.
 */
export function nextOpenIndex(rows: ReadonlyArray<Pick<Segment, 'status' | 'heading'> | undefined>, from: number): number {
  for (let i = from + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r && isOpen(r)) return i;
  }
  return -1;
}

export function clampIndex(i: number, count: number): number {
  return count === 0 ? -1 : Math.max(0, Math.min(count - 1, i));
}

/** Percentages of a document's progress bar, in display order, each rounded down to whole tenths. */
export function progressParts(byStatus: Partial<Record<SegmentStatus, number>>, total: number): { status: SegmentStatus; count: number; percent: number }[] {
  const order: SegmentStatus[] = ['approved', 'translated', 'draft', 'rejected', 'new'];
  return order
    .map((status) => {
      const count = byStatus[status] ?? 0;
      return { status, count, percent: total ? Math.floor((count / total) * 1000) / 10 : 0 };
    })
    .filter((p) => p.count > 0);
}

/** English words of a target, Chinese characters of a source: the two ways translators count. */
export function wordCount(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  const latin = text.replace(/[\u3400-\u9fff]/gu, ' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return cjk + latin;
}
