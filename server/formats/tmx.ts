// TMX 1.4b (LISA/GALA Translation Memory eXchange) writer and reader.
// Writer: a generator of string chunks, so an export streams in constant memory; output is valid
// against the TMX 1.4b DTD (shared/formats/tmx14.dtd), yet names no DOCTYPE, so no reader goes
// looking for the DTD file. Text is made XML-1.0-safe: characters XML forbids (C0 controls, lone
// surrogates, U+FFFE/FFFF) are dropped and & < > " escaped.
// Reader: saxes, a non-validating streaming parser that never reads a DTD or expands an entity
// beyond the five predefined ones, so XXE and entity-expansion bombs cannot happen. Languages are
// matched as OmegaT does: by primary subtag, so zh, zh-CN and zh-Hans all count as Chinese.
import { SaxesParser } from 'saxes';
import { exchangeFormatError, type FormatProblem } from './errors.ts';
import { feedXml } from './xml-input.ts';

export interface TmxHeaderOptions {
  creationTool?: string;
  creationToolVersion: string;
  srcLang?: string;
  adminLang?: string;
  creationDate?: Date;
  creationId?: string;
}

export interface TmxUnit {
  tuid?: string;
  source: string;
  target: string;
  srcLang?: string;
  tgtLang?: string;
  creationDate?: Date;
  creationId?: string;
  changeDate?: Date;
  changeId?: string;
  props?: Record<string, string>;
  notes?: string[];
}

export const TMX_SOURCE_LANG = 'zh-CN';
export const TMX_TARGET_LANG = 'en-US';

// Everything XML 1.0 does not allow in character data: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// One test decides whether any rewriting is needed; most segments need none (an export's hot path).
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text safe for XML 1.0 character data and attribute values. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(XML_FORBIDDEN, '').replace(XML_SPECIAL, (c) => ESCAPES[c]);
}

/** TMX date format: YYYYMMDDThhmmssZ, always UTC. */
export function tmxDate(date: Date): string {
  // Units of one export share few distinct seconds (batch approvals): remember the last one.
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastDate.second) return lastDate.text;
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  const text = `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}T${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
  lastDate.second = second;
  lastDate.text = text;
  return text;
}
const lastDate = { second: NaN, text: '' };

function attrs(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join('');
}

export function tmxHeader(options: TmxHeaderOptions): string {
  const header = attrs([
    ['creationtool', options.creationTool ?? 'Bitext Workbench'],
    ['creationtoolversion', options.creationToolVersion],
    ['segtype', 'sentence'],
    ['o-tmf', 'Bitext Workbench'],
    ['adminlang', options.adminLang ?? TMX_TARGET_LANG],
    ['srclang', options.srcLang ?? TMX_SOURCE_LANG],
    ['datatype', 'plaintext'],
    ['creationdate', tmxDate(options.creationDate ?? new Date())],
    ['creationid', options.creationId],
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header${header}/>\n  <body>\n`;
}

export function tmxUnit(unit: TmxUnit): string {
  let out = '    <tu';
  if (unit.tuid) out += ` tuid="${xmlText(unit.tuid)}"`;
  if (unit.creationDate) out += ` creationdate="${tmxDate(unit.creationDate)}"`;
  if (unit.creationId) out += ` creationid="${xmlText(unit.creationId)}"`;
  if (unit.changeDate) out += ` changedate="${tmxDate(unit.changeDate)}"`;
  if (unit.changeId) out += ` changeid="${xmlText(unit.changeId)}"`;
  out += '>\n';
  if (unit.notes) for (const note of unit.notes) out += `      <note>${xmlText(note)}</note>\n`;
  if (unit.props) for (const type in unit.props) out += `      <prop type="${xmlText(type)}">${xmlText(unit.props[type])}</prop>\n`;
  out += `      <tuv xml:lang="${xmlText(unit.srcLang ?? TMX_SOURCE_LANG)}"><seg>${xmlText(unit.source)}</seg></tuv>\n`;
  out += `      <tuv xml:lang="${xmlText(unit.tgtLang ?? TMX_TARGET_LANG)}"><seg>${xmlText(unit.target)}</seg></tuv>\n`;
  return out + '    </tu>\n';
}

export const TMX_FOOTER = '  </body>\n</tmx>\n';

/** The TMX document as chunks: header, one chunk per unit, footer. */
export function* tmxChunks(units: Iterable<TmxUnit>, header: TmxHeaderOptions): Generator<string> {
  yield tmxHeader(header);
  for (const unit of units) yield tmxUnit(unit);
  yield TMX_FOOTER;
}

export function serialize(units: Iterable<TmxUnit>, header: TmxHeaderOptions): string {
  return [...tmxChunks(units, header)].join('');
}

/** Primary language subtag, lower-cased: zh-Hans-CN → zh. */
export function primaryLanguage(code: string): string {
  return code.trim().toLowerCase().split(/[-_]/)[0];
}

export interface TmxParseOptions {
  /** Language of the source side, matched by primary subtag (default zh). */
  sourceLang?: string;
  /** Language of the target side, matched by primary subtag (default en). */
  targetLang?: string;
  /** Refuse files with more units than this (a guard for imports). */
  maxUnits?: number;
}

function parseTmxDate(value: string | undefined): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

export type TmxInput = string | AsyncIterable<string | Uint8Array> | Iterable<string>;

/**
 * Parses TMX from a string or from chunks (a stream read piece by piece). Units lacking either
 * language are skipped; a malformed file throws FormatError listing the problems by line, and
 * nothing is returned, so an import of a broken file imports nothing.
 */
export async function parse(input: TmxInput, options: TmxParseOptions = {}): Promise<TmxUnit[]> {
  const units: TmxUnit[] = [];
  await parseStream(input, options, (batch) => {
    for (const u of batch) units.push(u);
  });
  return units;
}

/** Most characters or bytes written to the parser between two chances to hand over a batch. */
const FEED_SLICE = 64 * 1024;

export interface TmxStreamOptions extends TmxParseOptions {
  /** Units handed to onUnits at a time (at least; a large input chunk may give more). Default 1,000. */
  batchSize?: number;
}

/**
 * Parses TMX as it arrives and hands the units to `onUnits` in batches, awaiting it between input
 * chunks, so memory holds one chunk and one batch rather than the file. Batches already delivered
 * cannot be recalled: when the file turns out broken later, this still throws FormatError, and the
 * caller must discard what it received (an import stages batches and publishes them only when this
 * resolves). No batch is delivered after the first problem is found. An error thrown by `onUnits`
 * propagates as it is. Resolves to the number of units delivered.
 */
export async function parseStream(input: TmxInput, options: TmxStreamOptions, onUnits: (units: TmxUnit[]) => void | Promise<void>): Promise<number> {
  const sourceLang = primaryLanguage(options.sourceLang ?? 'zh');
  const targetLang = primaryLanguage(options.targetLang ?? 'en');
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const problems: FormatProblem[] = [];
  let pending: TmxUnit[] = [];
  let delivered = 0;
  let count = 0;
  const parser = new SaxesParser({ position: true });
  let sawTmx = false;
  type Tuv = { lang: string; seg: string; attrs: Record<string, string> };
  let unit: { attrs: Record<string, string>; line: number; props: Record<string, string>; notes: string[]; tuvs: Tuv[] } | undefined;
  let tuv: Tuv | undefined;
  let inSeg = 0; // depth inside <seg>; inline markup (bpt/ept/ph…) keeps its text but not its codes
  let inlineCode = 0;
  let textTarget: 'note' | 'prop' | undefined;
  let propType = '';
  let buffer = '';
  let failed = false; // we stopped the parser ourselves, the problem is already recorded
  let recorded = false; // the parser's own error is in problems already

  parser.on('doctype', () => {
    // A DOCTYPE is allowed (OmegaT writes one naming tmx14.dtd) but never read: saxes does not resolve it.
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    const a = tag.attributes as Record<string, string>;
    if (name === 'tmx') sawTmx = true;
    else if (name === 'tu') unit = { attrs: a, line: parser.line, props: {}, notes: [], tuvs: [] };
    else if (name === 'tuv' && unit) tuv = { lang: a['xml:lang'] ?? a.lang ?? '', seg: '', attrs: a };
    else if (name === 'seg' && tuv) inSeg++;
    else if (inSeg && ['bpt', 'ept', 'ph', 'it', 'ut'].includes(name)) inlineCode++;
    else if (unit && !tuv && (name === 'note' || name === 'prop')) {
      textTarget = name;
      propType = a.type ?? '';
      buffer = '';
    }
  });
  const onText = (text: string) => {
    if (inSeg && tuv && inlineCode === 0) tuv.seg += text;
    else if (textTarget) buffer += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'seg') inSeg--;
    else if (['bpt', 'ept', 'ph', 'it', 'ut'].includes(name) && inlineCode > 0) inlineCode--;
    else if ((name === 'note' || name === 'prop') && textTarget === name && unit) {
      if (name === 'note') unit.notes.push(buffer);
      else unit.props[propType] = buffer;
      textTarget = undefined;
    } else if (name === 'tuv' && unit && tuv) {
      if (!tuv.lang) problems.push({ line: parser.line, field: 'tuv/@xml:lang', message: 'a <tuv> has no xml:lang' });
      unit.tuvs.push(tuv);
      tuv = undefined;
    } else if (name === 'tu' && unit) {
      const src = unit.tuvs.find((t) => primaryLanguage(t.lang) === sourceLang);
      const tgt = unit.tuvs.find((t) => primaryLanguage(t.lang) === targetLang);
      if (src && tgt) {
        const attr = (name: string): string | undefined => unit!.attrs[name] ?? tgt.attrs[name] ?? src.attrs[name];
        count++;
        pending.push({
          tuid: unit.attrs.tuid,
          source: src.seg,
          target: tgt.seg,
          srcLang: src.lang,
          tgtLang: tgt.lang,
          // Who and when may sit on the <tu> or, as OmegaT writes them, on the translation's <tuv>.
          creationDate: parseTmxDate(attr('creationdate')),
          creationId: attr('creationid'),
          changeDate: parseTmxDate(attr('changedate')),
          changeId: attr('changeid'),
          props: unit.props,
          notes: unit.notes,
        });
        if (options.maxUnits !== undefined && count > options.maxUnits) {
          problems.push({ line: unit.line, message: `more than ${options.maxUnits} translation units` });
          failed = true;
          parser.fail('too many units');
        }
      }
      unit = undefined;
    }
  });
  parser.on('error', (error) => {
    // saxes prefixes messages with "line:column: "; keep the line as a field of its own.
    const m = error.message.match(/^(\d+):(\d+): (.*)$/s);
    if (!failed) problems.push({ line: m ? Number(m[1]) : parser.line, message: m ? m[3] : error.message });
    recorded = true;
    throw error;
  });

  // The consumer runs between input chunks (never inside a saxes callback), so it may await.
  let consumerError: { error: unknown } | undefined;
  const flush = async (all: boolean) => {
    if (problems.length > 0) pending = []; // the file is broken: nothing more is worth keeping
    if (pending.length === 0 || (!all && pending.length < batchSize)) return;
    const batch = pending;
    pending = [];
    delivered += batch.length;
    try {
      await onUnits(batch);
    } catch (error) {
      consumerError = { error };
      throw error;
    }
  };
  // A large chunk (a body some middleware buffered whole) is fed in slices, so a batch stays about
  // its size; a slice may cut a UTF-8 sequence, which feedXml's streaming decoder joins up again.
  async function* flushing(chunks: AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<string | Uint8Array> {
    for await (const chunk of chunks) {
      if (chunk.length <= FEED_SLICE) {
        yield chunk;
        await flush(false);
        continue;
      }
      for (let i = 0; i < chunk.length; ) {
        let end = Math.min(chunk.length, i + FEED_SLICE);
        // Never part a surrogate pair of a string chunk.
        if (typeof chunk === 'string' && end < chunk.length && /[\uD800-\uDBFF]/.test(chunk[end - 1])) end++;
        yield typeof chunk === 'string' ? chunk.slice(i, end) : chunk.subarray(i, end);
        i = end;
        await flush(false);
      }
    }
  }

  try {
    await feedXml(parser, typeof input === 'string' ? input : flushing(input));
  } catch (error) {
    if (consumerError) throw consumerError.error;
    const line = (error as { line?: number }).line ?? parser.line;
    if (!recorded) problems.push({ line, message: error instanceof Error ? error.message : String(error) });
  }
  if (problems.length === 0 && !sawTmx) problems.push({ line: 1, message: 'not a TMX file: no <tmx> root element' });
  if (problems.length > 0) throw exchangeFormatError('tmx', problems);
  await flush(true);
  return delivered;
}
