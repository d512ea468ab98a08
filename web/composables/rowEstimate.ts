// A row's height guessed from its text before it is ever rendered, so the scrollbar of a
// 20,000-segment document is about right from the start and measuring rows moves it little. The
// guess counts wrapped lines per column — Chinese glyphs are one em wide, English letters about half
// an em — and takes the taller column; geometry mirrors web/styles.css (.seg-row grid).
import type { Segment } from '../api/types.ts';

export interface RowMetrics {
  /** Full-width (CJK) characters per source line. */
  zhPerLine: number;
  /** Average Latin characters per target line. */
  enPerLine: number;
  zhLineHeight: number;
  enLineHeight: number;
  /** Vertical padding and borders of a row. */
  chrome: number;
  /** The meta column (number, badge, section) is at least this tall. */
  minHeight: number;
}

/** Metrics for a list `width` pixels wide at `fontSize` (the .seg-row grid: 110px meta column, two text columns, 0.8em gaps). */
export function metricsFor(width: number, fontSize = 15): RowMetrics {
  const column = Math.max(120, (width - 110 - 2 * 0.8 * fontSize - 0.8 * fontSize) / 2);
  return {
    zhPerLine: Math.max(1, Math.floor(column / fontSize)),
    enPerLine: Math.max(1, Math.floor(column / (fontSize * 0.5))),
    zhLineHeight: fontSize * 1.6,
    enLineHeight: fontSize * 1.2,
    chrome: 0.9 * fontSize + 1,
    minHeight: 3.4 * fontSize,
  };
}

export function estimateRowHeight(s: Pick<Segment, 'source' | 'target' | 'warnings'>, m: RowMetrics): number {
  let zhLines = 0;
  for (const para of s.source.split('\n')) zhLines += Math.max(1, Math.ceil(para.length / m.zhPerLine));
  const source = zhLines * m.zhLineHeight + (s.warnings?.length ?? 0) * m.enLineHeight;
  const target = s.target ? Math.ceil(s.target.length / m.enPerLine) * m.enLineHeight : 0;
  return Math.round(Math.max(m.minHeight, source, target) + m.chrome);
}
