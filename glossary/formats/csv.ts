// CSV/TSV glossary reader and writer. Record syntax per RFC 4180 as Excel writes it: optional
// UTF-8 BOM, CRLF or LF, fields quoted with "…" and "" for a quote, line breaks inside quoted
// fields. The delimiter is taken from the header line (tab → TSV, else ; when it has no comma,
// else comma). Header: zh,en,variants,forbidden,note plus optional status, source, match,
// caseSensitive, id, subject in any order; list fields are separated by |.
import type { TermEntry } from '../model.ts';
import { entryProblems, slugId } from '../model.ts';
import type { FormatProblem } from './format-error.ts';
import { FormatError } from './format-error.ts';
import { assignIds, parseBool, parseMatchMode, parseStatus } from './shared.ts';

const COLUMNS = ['zh', 'en', 'variants', 'forbidden', 'note', 'status', 'source', 'match', 'caseSensitive', 'id', 'subject'] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_BY_KEY = new Map<string, Column>(COLUMNS.map((c) => [c.toLowerCase(), c]));
COLUMN_BY_KEY.set('case_sensitive', 'caseSensitive');
COLUMN_BY_KEY.set('case-sensitive', 'caseSensitive');

interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits text into records, reporting an unclosed quote at the line where it opened. */
export function readRecords(text: string, delimiter: string, problems: FormatProblem[], header?: string[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  let fieldStart = true;
  while (i < n) {
    const c = text[i];
    if (fieldStart && c === '"') {
      const openLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      if (!closed) {
        const name = header?.[fields.length] ?? `column ${fields.length + 1}`;
        problems.push({ line: openLine, field: name, message: 'unclosed quote: the quoted field runs to the end of the file' });
        return records;
      }
      // Excel keeps text after a closing quote; a stray quote is more likely a typo, so say so.
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        const name = header?.[fields.length] ?? `column ${fields.length + 1}`;
        problems.push({ line, field: name, message: 'text after the closing quote of a quoted field' });
        while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
      }
      fieldStart = false;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldStart = true;
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStart = false;
    i++;
  }
  if (!fieldStart || fields.length > 0 || field !== '') {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

function detectDelimiter(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (!firstLine.includes(',') && firstLine.includes(';')) return ';';
  return ',';
}

const list = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

export function parse(input: string): TermEntry[] {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = detectDelimiter(firstLine);
  const problems: FormatProblem[] = [];
  const headerProblems: FormatProblem[] = [];
  const headerRecord = readRecords(firstLine, delimiter, headerProblems)[0];
  if (!headerRecord || headerRecord.fields.every((f) => !f.trim())) {
    throw new FormatError('csv', [{ line: 1, field: 'header', message: 'the file is empty: expected a header line zh,en,variants,forbidden,note' }]);
  }
  const columns: (Column | null)[] = [];
  for (const raw of headerRecord.fields) {
    const key = raw.trim().toLowerCase();
    const col = COLUMN_BY_KEY.get(key) ?? null;
    if (!col) headerProblems.push({ line: 1, field: 'header', message: `unknown column '${raw.trim()}' (expected zh, en, variants, forbidden, note, status, source, match, caseSensitive, id, subject)` });
    else if (columns.includes(col)) headerProblems.push({ line: 1, field: 'header', message: `column '${col}' appears twice` });
    columns.push(col);
  }
  for (const required of ['zh', 'en'] as const) {
    if (!columns.includes(required)) headerProblems.push({ line: 1, field: 'header', message: `the header has no '${required}' column (expected zh,en,variants,forbidden,note)` });
  }
  if (headerProblems.length) throw new FormatError('csv', headerProblems);

  const names = columns.map((c) => c!);
  const records = readRecords(text, delimiter, problems, names).slice(1);
  const entries: TermEntry[] = [];
  const explicit: boolean[] = [];
  const idLines = new Map<string, number>();
  for (const rec of records) {
    if (rec.fields.every((f) => !f.trim())) continue;
    const before = problems.length;
    if (rec.fields.length > names.length && rec.fields.slice(names.length).some((f) => f.trim())) {
      problems.push({ line: rec.line, message: `${rec.fields.length} fields but the header has ${names.length} columns (a ${delimiter === '\t' ? 'tab' : `'${delimiter}'`} inside an unquoted field?)` });
      continue;
    }
    const get = (c: Column) => {
      const i = names.indexOf(c);
      return i >= 0 ? (rec.fields[i] ?? '').trim() : '';
    };
    const status = parseStatus(get('status'));
    if (!status) problems.push({ line: rec.line, field: 'status', message: `status '${get('status')}' is not preferred, admitted or deprecated` });
    const match = parseMatchMode(get('match'));
    if (!match) problems.push({ line: rec.line, field: 'match', message: `match '${get('match')}' is not exact, inflected or prefix` });
    const caseSensitive = parseBool(get('caseSensitive'));
    if (caseSensitive === null) problems.push({ line: rec.line, field: 'caseSensitive', message: `caseSensitive '${get('caseSensitive')}' is not yes or no` });
    const id = get('id');
    if (id) {
      const first = idLines.get(id);
      if (first !== undefined) problems.push({ line: rec.line, field: 'id', message: `duplicate entry id '${id}' (first used on line ${first})` });
      else idLines.set(id, rec.line);
    }
    const entry: TermEntry = {
      id: id || slugId(get('en') || get('zh')),
      zh: get('zh'),
      en: get('en'),
      variants: list(get('variants')),
      forbidden: list(get('forbidden')),
      note: get('note'),
      source: get('source'),
      status: status?.status ?? 'preferred',
      caseSensitive: caseSensitive ?? false,
      match: match ?? 'inflected',
    };
    const subject = get('subject');
    if (subject) entry.subject = subject;
    for (const p of entryProblems(entry)) problems.push({ line: rec.line, field: p.field, message: p.message });
    if (problems.length > before) continue;
    entries.push(entry);
    explicit.push(!!id);
  }
  if (problems.length) throw new FormatError('csv', problems);
  assignIds(entries, explicit);
  return entries;
}

export interface CsvOptions {
  /** ',' (default) or '\t' for TSV. */
  delimiter?: ',' | '\t';
  /** Write a UTF-8 BOM so Excel opens the file as UTF-8 (default true). */
  bom?: boolean;
}

function quoteField(value: string, delimiter: string): string {
  if (value === '' || !(value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim())) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export function serialize(entries: TermEntry[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  for (const e of entries) {
    for (const item of [...e.variants, ...e.forbidden]) {
      if (item.includes('|')) throw new Error(`entry ${e.id}: '${item}' contains |, which separates list items in CSV`);
    }
  }
  // Optional columns only when some entry needs them, so simple glossaries stay simple.
  const generated = entries.map((e) => ({ ...e }));
  assignIds(generated, generated.map(() => false));
  const cols: Column[] = ['zh', 'en', 'variants', 'forbidden', 'note'];
  if (entries.some((e) => e.status !== 'preferred')) cols.push('status');
  if (entries.some((e) => e.source)) cols.push('source');
  if (entries.some((e) => e.match !== 'inflected')) cols.push('match');
  if (entries.some((e) => e.caseSensitive)) cols.push('caseSensitive');
  if (entries.some((e, i) => e.id !== generated[i].id)) cols.push('id');
  if (entries.some((e) => e.subject)) cols.push('subject');
  const value = (e: TermEntry, c: Column): string => {
    switch (c) {
      case 'variants':
        return e.variants.join('|');
      case 'forbidden':
        return e.forbidden.join('|');
      case 'caseSensitive':
        return e.caseSensitive ? 'yes' : 'no';
      case 'subject':
        return e.subject ?? '';
      default:
        return String(e[c]);
    }
  };
  const lines = [cols.join(delimiter), ...entries.map((e) => cols.map((c) => quoteField(value(e, c), delimiter)).join(delimiter))];
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
