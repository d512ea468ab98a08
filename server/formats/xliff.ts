// XLIFF 2.0 (OASIS XML Localisation Interchange File Format 2.0, core only) writer and reader.
// One <unit> per segment of ours, holding exactly one <segment>; comments travel as <notes>.
// Writer: a generator of string chunks (constant memory). Characters XML 1.0 forbids are written as
// <cp hex="…"/> as XLIFF 2.0 §4.7.1 prescribes, so they survive a round trip; lone surrogates,
// which no encoding can carry, are dropped.
// Reader: saxes, which never reads a DTD nor expands an entity beyond the five predefined ones
// (no XXE, no entity bombs); structural problems are collected with their line numbers and thrown
// together as one FormatError, so an import of a broken file imports nothing.
//
// Status mapping (our workflow → XLIFF 2.0 `state`, with our exact status kept in `subState`,
// which XLIFF 2.0 provides for this purpose as `prefix:value`):
//   new, draft, rejected → initial     (subState bitext:new|draft|rejected)
//   translated          → translated
//   approved            → final
// `reviewed` is never written: our workflow has no "reviewed but not signed off" step. On import a
// file's state is read back as follows: a known subState that agrees with the state wins; otherwise
// initial → draft (new when the target is empty), translated → translated, reviewed → translated
// (a review elsewhere is not our approval, which must pass our QA), final → approved.
import { SaxesParser } from 'saxes';
import { exchangeFormatError, type FormatProblem } from './errors.ts';
import { feedXml } from './xml-input.ts';

export type SegmentStatus = 'new' | 'draft' | 'translated' | 'approved' | 'rejected';
export type XliffState = 'initial' | 'translated' | 'reviewed' | 'final';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const SUBSTATE_PREFIX = 'bitext';

export interface XliffUnit {
  /** Unit id (an XML NMTOKEN); our exports use the segment id. */
  id: string;
  source: string;
  target: string;
  status: SegmentStatus;
  /** Optional unit name; our exports put the outline section here. */
  name?: string;
  notes?: string[];
}

export interface XliffFileInfo {
  /** The <file id>; our exports use `doc<documentId>`. */
  fileId: string;
  /** The <file original>: the document's name. */
  original?: string;
  srcLang?: string;
  trgLang?: string;
}

export interface XliffDocument extends Required<Pick<XliffFileInfo, 'fileId' | 'srcLang'>> {
  trgLang: string;
  /** The line of the <xliff> element (where srcLang and trgLang are). */
  line: number;
  original?: string;
  /** Each unit with its XLIFF state, whether it had a <target> at all, and the line it starts on. */
  units: (XliffUnit & { state: XliffState; subState?: string; hasTarget: boolean; line: number })[];
}

export const XLIFF_SOURCE_LANG = 'zh-CN';
export const XLIFF_TARGET_LANG = 'en-US';

const STATE_OF: Record<SegmentStatus, XliffState> = {
  new: 'initial',
  draft: 'initial',
  rejected: 'initial',
  translated: 'translated',
  approved: 'final',
};
const STATES: readonly XliffState[] = ['initial', 'translated', 'reviewed', 'final'];
const STATUSES: readonly SegmentStatus[] = ['new', 'draft', 'translated', 'approved', 'rejected'];

export function stateOf(status: SegmentStatus): XliffState {
  return STATE_OF[status];
}

/** Our status for an XLIFF state (see the mapping in the header comment). */
export function statusOf(state: XliffState, subState: string | undefined, target: string): SegmentStatus {
  const ours = subState?.startsWith(`${SUBSTATE_PREFIX}:`) ? (subState.slice(SUBSTATE_PREFIX.length + 1) as SegmentStatus) : undefined;
  if (ours && STATUSES.includes(ours) && STATE_OF[ours] === state) return ours;
  if (state === 'final') return 'approved';
  if (state === 'translated' || state === 'reviewed') return 'translated';
  return target === '' ? 'new' : 'draft';
}

// XML 1.0 forbids C0 controls but tab/LF/CR and U+FFFE/U+FFFF: those become <cp/>; lone surrogates are dropped.
const CP_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escape(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** Segment text as XLIFF content: escaped, forbidden characters as <cp hex="…"/>. */
export function xliffContent(text: string): string {
  return escape(text).replace(CP_CHARS, (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

/** An attribute value cannot hold <cp/>: forbidden characters are dropped. */
function attr(text: string): string {
  return escape(text).replace(CP_CHARS, '');
}

export function xliffHeader(file: XliffFileInfo): string {
  const original = file.original !== undefined ? ` original="${attr(file.original)}"` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${attr(file.srcLang ?? XLIFF_SOURCE_LANG)}" trgLang="${attr(file.trgLang ?? XLIFF_TARGET_LANG)}">\n` +
    `  <file id="${attr(file.fileId)}"${original}>\n`
  );
}

export function xliffUnit(unit: XliffUnit): string {
  const name = unit.name ? ` name="${attr(unit.name)}"` : '';
  let out = `    <unit id="${attr(unit.id)}"${name}>\n`;
  if (unit.notes?.length) {
    out += '      <notes>\n';
    for (const note of unit.notes) out += `        <note category="comment">${xliffContent(note).replace(/<cp [^>]*>/g, '')}</note>\n`;
    out += '      </notes>\n';
  }
  const state = STATE_OF[unit.status];
  const subState = state === 'initial' ? ` subState="${SUBSTATE_PREFIX}:${unit.status}"` : '';
  out += `      <segment state="${state}"${subState}>\n`;
  out += `        <source>${xliffContent(unit.source)}</source>\n`;
  if (unit.target !== '' || unit.status !== 'new') out += `        <target>${xliffContent(unit.target)}</target>\n`;
  return out + '      </segment>\n    </unit>\n';
}

export const XLIFF_FOOTER = '  </file>\n</xliff>\n';

export function* xliffChunks(units: Iterable<XliffUnit>, file: XliffFileInfo): Generator<string> {
  yield xliffHeader(file);
  for (const unit of units) yield xliffUnit(unit);
  yield XLIFF_FOOTER;
}

export function serialize(units: Iterable<XliffUnit>, file: XliffFileInfo): string {
  return [...xliffChunks(units, file)].join('');
}

// Inline elements whose content is text of the segment (pc, mrk) vs. codes without text (ph, sc, ec, sm, em).
const TEXT_INLINE = new Set(['pc', 'mrk']);
const EMPTY_INLINE = new Set(['ph', 'sc', 'ec', 'sm', 'em']);
/** Element name without its namespace prefix (xlf:unit → unit); other namespaces' elements fall through. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

/**
 * Parses an XLIFF 2.0 document (string or chunks). Every problem found is reported with its line;
 * any problem means FormatError and no result.
 */
export async function parse(input: string | AsyncIterable<string | Uint8Array> | Iterable<string>): Promise<XliffDocument> {
  const problems: FormatProblem[] = [];
  const parser = new SaxesParser({ position: true });
  let doc: XliffDocument | undefined;
  let fileCount = 0;
  const ids = new Map<string, number>();

  type Open = { id: string; name?: string; line: number; source: string; target: string; hasSource: boolean; hasTarget: boolean; notes: string[]; states: { state: XliffState; subState?: string }[] };
  let unit: Open | undefined;
  let where: 'source' | 'target' | 'note' | undefined;
  let skipDepth = 0; // inside an element whose text is not segment text (e.g. <originalData>)
  let note = '';
  let failed = false; // we stopped the parser ourselves, the problem is already recorded
  let recorded = false; // the parser's own error is in problems already

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    const line = parser.line;
    if (skipDepth) {
      skipDepth++;
      return;
    }
    if (!doc) {
      if (name !== 'xliff') {
        problems.push({ line, message: `not an XLIFF file: the root element is <${tag.name}>` });
        failed = true;
        parser.fail('wrong root');
        return;
      }
      if (!/^2\.\d+$/.test(a.version ?? '')) problems.push({ line, field: 'xliff/@version', message: `XLIFF version ${JSON.stringify(a.version ?? '')} is not 2.x` });
      if (!a.srcLang) problems.push({ line, field: 'xliff/@srcLang', message: 'the <xliff> element has no srcLang' });
      doc = { fileId: '', srcLang: a.srcLang ?? '', trgLang: a.trgLang ?? '', line, units: [] };
      return;
    }
    switch (name) {
      case 'file':
        fileCount++;
        if (fileCount === 1) {
          doc.fileId = a.id ?? '';
          if (a.original !== undefined) doc.original = a.original;
        }
        if (!a.id) problems.push({ line, field: 'file/@id', message: 'a <file> has no id' });
        break;
      case 'unit': {
        const id = a.id ?? '';
        if (!id) problems.push({ line, field: 'unit/@id', message: 'a <unit> has no id' });
        else if (!NMTOKEN.test(id)) problems.push({ line, field: 'unit/@id', message: `unit id ${JSON.stringify(id)} is not an NMTOKEN` });
        else if (ids.has(id)) problems.push({ line, field: 'unit/@id', message: `unit id ${JSON.stringify(id)} repeats the unit on line ${ids.get(id)}` });
        else ids.set(id, line);
        unit = { id, name: a.name, line, source: '', target: '', hasSource: false, hasTarget: false, notes: [], states: [] };
        break;
      }
      case 'segment': {
        if (!unit) break;
        const state = (a.state ?? 'initial') as XliffState;
        if (!STATES.includes(state)) problems.push({ line, field: 'segment/@state', message: `state ${JSON.stringify(a.state)} is not one of ${STATES.join(', ')}` });
        unit.states.push({ state, subState: a.subState });
        break;
      }
      case 'source':
      case 'target':
        if (!unit) break;
        where = name;
        if (name === 'source') unit.hasSource = true;
        else unit.hasTarget = true;
        break;
      case 'note':
        if (unit) {
          where = 'note';
          note = '';
        }
        break;
      case 'cp': {
        const code = /^[0-9A-Fa-f]{1,6}$/.test(a.hex ?? '') ? parseInt(a.hex, 16) : NaN;
        if (Number.isNaN(code) || code > 0x10ffff) problems.push({ line, field: 'cp/@hex', message: `<cp hex=${JSON.stringify(a.hex ?? '')}> is not a code point` });
        else if (unit && (where === 'source' || where === 'target')) unit[where] += String.fromCodePoint(code);
        break;
      }
      case 'originalData':
        skipDepth = 1;
        break;
      default:
        if (where === 'source' || where === 'target') {
          if (!TEXT_INLINE.has(name) && !EMPTY_INLINE.has(name)) problems.push({ line, message: `<${tag.name}> is not allowed inside <${where}>` });
        }
    }
  });
  const onText = (text: string) => {
    if (skipDepth || !unit) return;
    if (where === 'source' || where === 'target') unit[where] += text;
    else if (where === 'note') note += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (skipDepth) {
      skipDepth--;
      return;
    }
    if (name === 'source' || name === 'target') where = undefined;
    else if (name === 'note' && where === 'note' && unit) {
      unit.notes.push(note);
      where = undefined;
    } else if (name === 'unit' && unit && doc) {
      if (unit.states.length === 0 || !unit.hasSource) problems.push({ line: unit.line, field: 'unit/segment/source', message: `unit ${JSON.stringify(unit.id)} has no <segment> with a <source>` });
      // Several segments in one unit: the unit is only as far along as its least advanced segment.
      const least = unit.states.reduce((m, s) => (STATES.indexOf(s.state) < STATES.indexOf(m.state) ? s : m), unit.states[0] ?? { state: 'initial' as XliffState });
      const status = statusOf(least.state, unit.states.length === 1 ? least.subState : undefined, unit.target);
      doc.units.push({
        id: unit.id,
        ...(unit.name !== undefined ? { name: unit.name } : {}),
        source: unit.source,
        target: unit.target,
        status,
        state: least.state,
        ...(least.subState !== undefined ? { subState: least.subState } : {}),
        notes: unit.notes,
        hasTarget: unit.hasTarget,
        line: unit.line,
      });
      unit = undefined;
    }
  });
  parser.on('error', (error) => {
    const m = error.message.match(/^(\d+):(\d+): (.*)$/s);
    if (!failed) problems.push({ line: m ? Number(m[1]) : parser.line, message: m ? m[3] : error.message });
    recorded = true;
    throw error;
  });

  try {
    await feedXml(parser, input);
  } catch (error) {
    const line = (error as { line?: number }).line ?? parser.line;
    if (!recorded) problems.push({ line, message: error instanceof Error ? error.message : String(error) });
  }
  if (problems.length === 0 && !doc) problems.push({ line: 1, message: 'not an XLIFF file: no <xliff> root element' });
  if (problems.length === 0 && fileCount === 0) problems.push({ line: 1, message: 'the XLIFF file has no <file> element' });
  if (problems.length > 0) throw exchangeFormatError('xliff', problems.sort((a, b) => a.line - b.line));
  return doc!;
}
