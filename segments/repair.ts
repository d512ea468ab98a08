// Source repair for Chinese text that came out of newspaper layouts, PDFs and web pages.
// Algorithm: (1) Unicode NFC (UAX #15), applied per combining cluster so that every change is a
// reported repair with a position; (2) one line-oriented pass over the NFC text that removes
// page-continuation markers (（上接第5版）, （下转第6版）, （转第8版）, the usual wording of Chinese
// newspapers), rejoins paragraphs broken at page or column breaks (a line that neither ends with
// sentence-final punctuation nor is a heading or the title continues into the next line, unless that
// one starts with outline numbering), and deletes stray spaces between two CJK characters.
// All edits of pass (2) are collected first and applied at once (segments/offsets.ts), so the cost
// is linear and every repaired offset maps back to the raw text.

import type { Edit, OffsetMap } from './offsets.ts';
import { applyEdits, composeMaps, identityMap } from './offsets.ts';
import { isHeadingLine, isTitleLike, matchOutline } from './structure.ts';

export type RepairKind = 'page-marker' | 'paragraph-join' | 'cjk-space' | 'nfc';

export interface Repair {
  kind: RepairKind;
  rawStart: number;
  rawEnd: number;
  before: string;
  after: string;
}

export interface RepairResult {
  text: string;
  repairs: Repair[];
  offsets: OffsetMap;
}

/** Page-continuation markers, full-width or ASCII parentheses: （上接第5版）, (下转第6版), （转第8版）, （紧接第一版）. */
export const PAGE_MARKER = /[（(][ \t\u3000]*(?:上接|下转|紧接|转接|接|转)[ \t\u3000]*第?[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \t\u3000]*版[^（）()\n]{0,6}?[）)]/g;

const HAN = /\p{Script=Han}/u;
/** Han ideographs plus CJK and full-width punctuation (full-width Latin letters and digits excluded). */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c >= 0x3000 && c <= 0x303f) return c !== 0x3000; // CJK symbols and punctuation, not the ideographic space
  if (c >= 0xff01 && c <= 0xff65) return !((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a));
  if (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026 || c === 0x00b7) return true;
  return HAN.test(ch);
}

const LINE_SPACE = /[ \t\r\u3000\u00a0]/;
/** Ends a paragraph: sentence-final punctuation (or a colon introducing a list)… */
const PARAGRAPH_FINAL = new Set([...'。！？!?…：:.']);
/** …possibly followed by closing quotes and brackets. */
const CLOSING = new Set([...'”’」』）)》】〕]"\'']);

function endsParagraph(content: string): boolean {
  let i = content.length - 1;
  while (i >= 0 && CLOSING.has(content[i])) i--;
  return i >= 0 && PARAGRAPH_FINAL.has(content[i]);
}
/** A line wholly in brackets (a dateline, an editor's note) stands alone. */
const BRACKETED_LINE = /^[（(【〔［\[][^\n]*[）)】〕］\]]$/;
const STRAY_SPACES = /[ \t\u3000\u00a0]+/g;
/** Outline numbers whose separating space is part of the heading's layout (第一章　总则). */
const NUMBER_PREFIX = /^[ \t\u3000]*(?:第[零〇一二两三四五六七八九十百\d]+[章节编部分]|[零〇一二三四五六七八九十百]+、|[（(][零〇一二三四五六七八九十百\d]+[）)])$/;

/** NFC per combining cluster, so each change is a small, positioned repair. */
function nfcEdits(raw: string): Edit[] | null {
  const normalized = raw.normalize('NFC');
  if (normalized === raw) return null;
  const edits: Edit[] = [];
  // A cluster is a starter followed by combining marks or Hangul vowel/final jamo (the characters NFC composes backwards).
  const cluster = /[^\p{M}\u1161-\u1175\u11a8-\u11c2][\p{M}\u1161-\u1175\u11a8-\u11c2]*|[\p{M}\u1161-\u1175\u11a8-\u11c2]+/gsu;
  for (const m of raw.matchAll(cluster)) {
    const n = m[0].normalize('NFC');
    if (n !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, replacement: n });
  }
  // Composition across cluster boundaries is exotic; if it happens, report one repair for the whole text.
  if (applyEdits(raw, edits).text !== normalized) return [{ start: 0, end: raw.length, replacement: normalized }];
  return edits;
}

interface Line {
  /** Line start and end (end excludes the newline). */
  start: number;
  end: number;
  /** Content start/end, leading/trailing whitespace and page markers excluded; equal when the line is blank. */
  contentStart: number;
  contentEnd: number;
  /** Line holds nothing but page markers. */
  markerOnly: boolean;
  /** Content with inline page markers removed. */
  content: string;
}

function scanLines(text: string, edits: Edit[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const markers: { start: number; end: number }[] = [];
    const ban = text.indexOf('版', start);
    if (ban >= 0 && ban < end) {
      for (const m of text.slice(start, end).matchAll(PAGE_MARKER)) markers.push({ start: start + m.index, end: start + m.index + m[0].length });
    }
    const inMarker = (pos: number): number => {
      for (const mk of markers) if (pos >= mk.start && pos < mk.end) return mk.end;
      return -1;
    };
    // Content bounds outside markers.
    let cs = start;
    for (;;) {
      if (cs >= end) break;
      const skip = inMarker(cs);
      if (skip >= 0) cs = skip;
      else if (LINE_SPACE.test(text[cs])) cs++;
      else break;
    }
    let ce = end;
    for (;;) {
      if (ce <= cs) break;
      const mk = markers.find((m) => ce > m.start && ce <= m.end);
      if (mk) ce = mk.start;
      else if (LINE_SPACE.test(text[ce - 1])) ce--;
      else break;
    }
    const markerOnly = markers.length > 0 && ce <= cs;
    if (markerOnly) {
      cs = end;
      ce = end;
    } else {
      // Inline markers are removed on their own; the line stays.
      let reached = start;
      for (const mk of markers) {
        // Spaces around a marker inside a line would otherwise end up between two Chinese characters.
        let s = mk.start;
        while (s > reached && LINE_SPACE.test(text[s - 1])) s--;
        let e = mk.end;
        while (e < end && LINE_SPACE.test(text[e])) e++;
        const inside = s > start && e < end;
        if (inside && isCjk(text[s - 1]) && isCjk(text[e])) edits.push({ start: s, end: e, replacement: '' });
        else if (inside) edits.push({ start: mk.start, end: e, replacement: '' });
        else edits.push({ start: mk.start, end: mk.end, replacement: '' });
        reached = edits[edits.length - 1].end;
      }
    }
    let content = text.slice(cs, ce);
    if (!markerOnly && markers.some((m) => m.start >= cs && m.end <= ce)) {
      content = content.replace(PAGE_MARKER, '');
    }
    lines.push({ start, end, contentStart: cs, contentEnd: Math.max(cs, ce), markerOnly, content });
    start = end + 1;
  }
  return lines;
}

function isBlank(line: Line): boolean {
  return line.contentEnd <= line.contentStart;
}

/** True when a line ends its paragraph rather than continuing into the next one. */
function standsAlone(line: Line, isFirst: boolean): boolean {
  const c = line.content;
  if (endsParagraph(c)) return true;
  if (isHeadingLine(c)) return true;
  if (isFirst && isTitleLike(c)) return true;
  return BRACKETED_LINE.test(c);
}

export function repairSource(raw: string): RepairResult {
  const nfc = nfcEdits(raw);
  const pass1 = nfc ? applyEdits(raw, nfc) : { text: raw, map: identityMap };
  const text = pass1.text;
  const repairs: { kind: RepairKind; edit: Edit }[] = [];
  if (nfc) for (const edit of nfc) repairs.push({ kind: 'nfc', edit });

  const edits: Edit[] = [];
  const kinds = new Map<Edit, RepairKind>();
  const add = (kind: RepairKind, edit: Edit): void => {
    if (edit.end <= edit.start && edit.replacement === '') return;
    kinds.set(edit, kind);
    edits.push(edit);
  };

  const markers: Edit[] = [];
  const lines = scanLines(text, markers);
  // Marker-only lines go with their newline and the blank lines after them, so the paragraph
  // separator before them survives unchanged.
  for (let li = 0; li < lines.length; li++) {
    if (!lines[li].markerOnly) continue;
    let next = li + 1;
    while (next < lines.length && isBlank(lines[next]) && !lines[next].markerOnly) next++;
    markers.push({ start: lines[li].start, end: next < lines.length ? lines[next].start : text.length, replacement: '' });
  }
  markers.sort((a, b) => a.start - b.start);
  for (const mk of markers) add('page-marker', mk);

  let firstContent = true;
  let previous: Line | null = null;
  let mi = 0; // first marker not before `previous`'s content end
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (previous && !standsAlone(previous, firstContent) && !matchOutline(line.content)) {
      // Join: delete from the end of the previous content to this line's content, around the
      // page markers already deleted in between.
      const gapEnd = line.contentStart;
      while (mi < markers.length && markers[mi].start < previous.contentEnd) mi++;
      let from = previous.contentEnd;
      const joinParts: Edit[] = [];
      for (let k = mi; k < markers.length && markers[k].end <= gapEnd; k++) {
        if (markers[k].start > from) joinParts.push({ start: from, end: markers[k].start, replacement: '' });
        from = Math.max(from, markers[k].end);
      }
      if (gapEnd > from) joinParts.push({ start: from, end: gapEnd, replacement: '' });
      const space = !isCjk(text[previous.contentEnd - 1]) && !isCjk(text[line.contentStart]) ? ' ' : '';
      if (space && joinParts.length > 0) joinParts[0].replacement = space;
      for (const part of joinParts) add('paragraph-join', part);
    }
    if (previous) firstContent = false;
    // Stray spaces between two CJK characters inside this line.
    const lineText = text.slice(line.start, line.end);
    STRAY_SPACES.lastIndex = 0;
    for (const m of lineText.matchAll(STRAY_SPACES)) {
      const s = line.start + m.index;
      const e = s + m[0].length;
      if (s <= line.contentStart || e >= line.contentEnd) continue;
      if (!isCjk(text[s - 1]) || !isCjk(text[e])) continue;
      if (NUMBER_PREFIX.test(lineText.slice(0, m.index))) continue;
      add('cjk-space', { start: s, end: e, replacement: '' });
    }
    previous = line;
  }

  // At equal starts the longer edit wins (a page marker with its spaces over the bare spaces).
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Defensive: drop an edit that would overlap the one before it.
  const clean: Edit[] = [];
  let reach = 0;
  for (const e of edits) {
    if (e.start < reach) continue;
    clean.push(e);
    reach = e.end;
  }
  const pass2 = applyEdits(text, clean);
  const offsets = composeMaps(pass2.map, pass1.map);
  for (const e of clean) repairs.push({ kind: kinds.get(e)!, edit: e });

  const later: Repair[] = [];
  const nfcRepairs: Repair[] = [];
  for (const { kind, edit } of repairs) {
    if (kind === 'nfc') {
      nfcRepairs.push({ kind, rawStart: edit.start, rawEnd: edit.end, before: raw.slice(edit.start, edit.end), after: edit.replacement });
      continue;
    }
    const rawStart = pass1.map.toRaw(edit.start);
    const rawEnd = edit.end > edit.start ? pass1.map.toRawEnd(edit.end) : rawStart;
    later.push({ kind, rawStart, rawEnd, before: raw.slice(rawStart, rawEnd), after: edit.replacement });
  }
  later.sort((a, b) => a.rawStart - b.rawStart);
  // A normalisation inside a range that pass 2 removed (a page marker, a joined line break) is
  // already covered by that repair, whose `before` is the raw text: keep the list non-overlapping.
  const result: Repair[] = [];
  let k = 0;
  for (const n of nfcRepairs) {
    while (k < later.length && later[k].rawEnd <= n.rawStart) k++;
    if (k < later.length && later[k].rawStart < n.rawEnd) continue;
    result.push(n);
  }
  result.push(...later);
  result.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  return { text: pass2.text, repairs: result, offsets };
}
