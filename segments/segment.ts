// Document segmentation: repair → outline → rule-based splitting → headings → warnings.
// Algorithm: the repaired text (segments/repair.ts) is cut by the SRX-style rule engine
// (segments/rules.ts, default rules segments/rules-zh.ts); the outline (segments/structure.ts) then
// turns the first sentence of every heading line into one heading segment whose sentence-final
// punctuation goes to the separator (`1.1 优化基础研究组织模式。深化…` → `1.1 优化基础研究组织模式` |
// `。` | `深化…`), and gives every segment its section path. Each segment carries the source warnings
// whose raw range overlaps its own. Spans, lines and warnings are all sorted, so the merge is linear.

import type { RepairResult, Repair } from './repair.ts';
import { repairSource } from './repair.ts';
import type { RuleSet, Span } from './rules.ts';
import { splitSpans } from './rules.ts';
import { ZH_CLAUSE_RULES, ZH_SENTENCE_RULES } from './rules-zh.ts';
import type { OutlineLine } from './structure.ts';
import { detectStructure } from './structure.ts';
import type { SourceWarning } from './warnings.ts';
import { sourceWarnings } from './warnings.ts';

export type Granularity = 'sentence' | 'clause';

export interface SegmentOptions {
  granularity?: Granularity;
  /** Rules to cut with instead of the default zh rules of the granularity. */
  rules?: RuleSet;
}

export interface SourceSegment {
  index: number;
  text: string;
  /** Offsets in the repaired text. */
  start: number;
  end: number;
  /** Offsets in the raw text. */
  rawStart: number;
  rawEnd: number;
  /** Outline path joined by ' › ', e.g. `七 › 1 › 1.1`; '' before the first numbered heading. */
  section: string;
  heading: boolean;
  warnings: SourceWarning[];
}

export interface SegmentedSource {
  /** The repaired text; segments and the separators between them glue back to it exactly. */
  text: string;
  segments: SourceSegment[];
  repairs: Repair[];
  warnings: SourceWarning[];
}

export const SECTION_SEPARATOR = ' › ';

/** After a heading: its sentence-final punctuation and whitespace belong to the separator. */
const HEADING_TAIL = /[。！？!?…．.\s\u3000]/;

export function rulesFor(granularity: Granularity = 'sentence'): RuleSet {
  if (granularity === 'sentence') return ZH_SENTENCE_RULES;
  if (granularity === 'clause') return ZH_CLAUSE_RULES;
  throw new Error(`unknown granularity "${String(granularity)}" (expected sentence or clause)`);
}

/**
 * Segments from the rule spans, with each heading line's first sentence merged into one heading
 * segment whose final punctuation is cut off (it joins the separator).
 */
function buildSegments(text: string, spans: Span[], lines: OutlineLine[], offsets: RepairResult['offsets']): SourceSegment[] {
  const segments: SourceSegment[] = [];
  let headingLine: OutlineLine | null = null; // line of the last heading segment pushed
  let lastEnd = 0;
  let sectionLine: OutlineLine | null = null;
  let section = '';
  const push = (start: number, end: number, line: OutlineLine | null, heading: boolean): void => {
    segments.push({
      index: segments.length,
      text: text.slice(start, end),
      start,
      end,
      rawStart: offsets.toRaw(start),
      rawEnd: offsets.toRawEnd(end),
      section: line === sectionLine ? section : (section = line ? line.path.join(SECTION_SEPARATOR) : ''),
      heading,
      warnings: [],
    });
    sectionLine = line;
    lastEnd = end;
  };
  let li = 0;
  for (const span of spans) {
    while (li < lines.length && lines[li].end <= span.start) li++;
    const line = li < lines.length && lines[li].start <= span.start ? lines[li] : null;
    if (!line || line.headingEnd === null || span.start >= line.headingEnd) {
      // Body text; a span starting inside a heading's tail has been cut below.
      if (lastEnd <= span.start) push(span.start, span.end, line, false);
      continue;
    }
    // The span starts inside the heading.
    if (headingLine !== line) {
      push(line.start, line.headingEnd, line, true);
      headingLine = line;
    }
    if (span.end > line.headingEnd) {
      let bodyStart = line.headingEnd;
      while (bodyStart < span.end && HEADING_TAIL.test(text[bodyStart])) bodyStart++;
      if (bodyStart < span.end) push(bodyStart, span.end, line, false);
    }
  }
  return segments;
}

function attachWarnings(segments: SourceSegment[], warnings: SourceWarning[]): void {
  if (warnings.length === 0) return;
  const longest = warnings.reduce((m, w) => Math.max(m, w.rawEnd - w.rawStart), 0);
  for (const segment of segments) {
    // First warning that could reach into the segment.
    const from = segment.rawStart - longest;
    let lo = 0;
    let hi = warnings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (warnings[mid].rawStart < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < warnings.length && warnings[k].rawStart < segment.rawEnd; k++) {
      const w = warnings[k];
      if (w.rawEnd > segment.rawStart) segment.warnings.push(w);
    }
  }
}

/** Repairs `raw`, cuts it into segments and attaches warnings (see DEVELOPERS.md, `segments/`). */
export function segmentSource(raw: string, options: SegmentOptions = {}): SegmentedSource {
  const rules = options.rules ?? rulesFor(options.granularity);
  const repaired: RepairResult = repairSource(raw);
  const text = repaired.text;
  const lines = detectStructure(text);
  const warnings = sourceWarnings(repaired, lines);
  const segments = buildSegments(text, splitSpans(text, rules), lines, repaired.offsets);
  attachWarnings(segments, warnings);
  return { text, segments, repairs: repaired.repairs, warnings };
}
