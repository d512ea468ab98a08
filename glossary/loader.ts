// Reads a glossary file from disk, choosing the format by extension (.tbx/.xml → TBX,
// .csv/.tsv/.txt → CSV) or, failing that, by content (a leading < means XML). Bytes are
// decoded as UTF-8, falling back to GB18030 for CSV files saved by Chinese-locale Excel.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import type { TermEntry } from './model.ts';
import * as csv from './formats/csv.ts';
import * as tbx from './formats/tbx.ts';
import { FormatError } from './formats/format-error.ts';
import type { GlossaryFormat } from './formats/format-error.ts';

export function formatOf(path: string, text?: string): GlossaryFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.tbx' || ext === '.xml' || ext === '.tbxm') return 'tbx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  return text !== undefined && /^\uFEFF?\s*</.test(text) ? 'tbx' : 'csv';
}

export function decodeGlossaryBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

export function parseGlossary(text: string, format: GlossaryFormat): TermEntry[] {
  return format === 'tbx' ? tbx.parse(text) : csv.parse(text);
}

export function loadGlossaryFile(path: string): TermEntry[] {
  const text = decodeGlossaryBytes(readFileSync(path));
  try {
    return parseGlossary(text, formatOf(path, text));
  } catch (error) {
    if (error instanceof FormatError) throw error.withFile(path);
    throw error;
  }
}
