// `bitext align ZH EN`: aligns a Chinese source with its English draft (segments/align) and prints
// the beads; `--batch SRC TGT OUT` aligns every same-named pair of presplit files in one process,
// loading the compiled CC-CEDICT lexicon once. TMX output here is a minimal TMX 1.4b writer until
// the exchange-formats module provides the full one.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../io.ts';
import { serialize as serializeTmx, type TmxUnit } from '../../server/formats/tmx.ts';
import { TOOL_VERSION } from '../../server/formats/document-export.ts';
import { parseCommandArgs } from '../args.ts';
import { DecodeError, decodeText } from '../../segments/decode.ts';
import { segmentSource } from '../../segments/segment.ts';
import { splitEnglish } from '../../segments/english.ts';
import { align } from '../../segments/align/index.ts';
import type { AlignOptions, Bead } from '../../segments/align/index.ts';
import { loadLexicon } from '../../segments/align/lexicon-loader.ts';
import { formatBeads } from '../../segments/align/metrics.ts';
import { loadGlossaryFile } from '../../glossary/loader.ts';

const USAGE = `usage: bitext align ZH EN [--presplit] [--format beads|tsv|json|tmx] [--glossary FILE]
       bitext align --presplit --batch SRC_DIR TGT_DIR OUT_DIR [--glossary FILE]

Pairs every Chinese segment with the English sentences that translate it (1–1, 1–n, n–1, 2–2,
2–3, 3–2 and unmatched sentences). Without --presplit, ZH is repaired and segmented and EN is split
into sentences first; with it, both files hold one sentence per line. '-' reads standard input.

  --presplit        inputs are one sentence per line
  --format F        beads (default): one bead per line, [zh ids]:[en ids], 0-based, e.g. [8,9]:[8]
                    tsv: zh<TAB>en text per bead (the input of \`bitext check\`)
                    json: [{zh, en, score, confidence, zhText, enText}]
                    tmx: a TMX 1.4b document of the beads with text on both sides
  --glossary FILE   TBX or CSV term base whose term pairs count as translations
  --batch           align SRC_DIR/NAME with TGT_DIR/NAME for every NAME, write OUT_DIR/NAME.align
  -h, --help        this help

Exit status: 0 on success, 1 when a batch file could not be aligned, 2 on bad arguments or files.
`;

const FORMATS = ['beads', 'tsv', 'json', 'tmx'] as const;
type Format = (typeof FORMATS)[number];

class InputError extends Error {}

function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  try {
    return decodeText(bytes, path);
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(`cannot decode ${path}: ${error.reason}`);
    throw error;
  }
}

/** One sentence per line; a final newline does not make an extra empty sentence. */
export function presplitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A TMX 1.4b document with one unit per bead that has text on both sides (the export's writer). */
export function beadsToTmx(beads: Bead[], zh: string[], en: string[]): string {
  const units: TmxUnit[] = beads
    .filter((b) => b.zh.length > 0 && b.en.length > 0)
    .map((b, k) => ({
      tuid: String(k + 1),
      source: b.zh.map((i) => zh[i]).join(''),
      target: b.en.map((j) => en[j]).join(' '),
      props: { 'x-alignment-confidence': b.confidence.toFixed(3) },
    }));
  return serializeTmx(units, { creationToolVersion: TOOL_VERSION });
}

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

function render(format: Format, beads: Bead[], zh: string[], en: string[]): string {
  switch (format) {
    case 'beads':
      return formatBeads(beads);
    case 'tsv':
      return beads
        .map((b) => `${oneLine(b.zh.map((i) => zh[i]).join(''))}\t${oneLine(b.en.map((j) => en[j]).join(' '))}\n`)
        .join('');
    case 'json':
      return (
        JSON.stringify(
          beads.map((b) => ({
            zh: b.zh,
            en: b.en,
            score: Number(b.score.toFixed(4)),
            confidence: Number(b.confidence.toFixed(4)),
            zhText: b.zh.map((i) => zh[i]).join(''),
            enText: b.en.map((j) => en[j]).join(' '),
          })),
          null,
          2,
        ) + '\n'
      );
    case 'tmx':
      return beadsToTmx(beads, zh, en);
  }
}

async function runBatch(dirs: string[], options: AlignOptions, io: CliIO): Promise<number> {
  const [srcDir, tgtDir, outDir] = dirs;
  for (const [what, dir] of [['SRC_DIR', srcDir], ['TGT_DIR', tgtDir]] as const) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.err(`bitext align: ${what} ${dir} is not a directory\n`);
      return 2;
    }
  }
  mkdirSync(outDir, { recursive: true });
  const names = readdirSync(srcDir)
    .filter((name) => !name.startsWith('.') && statSync(join(srcDir, name)).isFile())
    .sort();
  let failed = 0;
  let done = 0;
  for (const name of names) {
    const tgt = join(tgtDir, name);
    if (!existsSync(tgt)) {
      io.err(`bitext align: ${name}: no ${tgt}, skipped\n`);
      failed++;
      continue;
    }
    try {
      const zh = presplitLines(readText(join(srcDir, name)));
      const en = presplitLines(readText(tgt));
      writeFileSync(join(outDir, `${name}.align`), formatBeads(align(zh, en, options)));
      done++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.err(`bitext align: ${name}: ${error.message}\n`);
      failed++;
    }
  }
  io.err(`bitext align: aligned ${done} of ${names.length} documents into ${outDir}\n`);
  return failed > 0 ? 1 : 0;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('align', USAGE, args, io, {
    presplit: { type: 'boolean', default: false },
    format: { type: 'string', short: 'f', default: 'beads' },
    glossary: { type: 'string', short: 'g' },
    batch: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    io.err(`bitext align: --format must be one of ${FORMATS.join(', ')}, not "${values.format}"\n`);
    return 2;
  }
  if (values.batch && !values.presplit) {
    io.err('bitext align: --batch needs --presplit (batch files hold one sentence per line)\n');
    return 2;
  }
  const expected = values.batch ? 3 : 2;
  if (positionals.length !== expected) {
    const what = values.batch ? 'SRC_DIR TGT_DIR OUT_DIR' : 'ZH and EN';
    io.err(`bitext align: expected ${what}, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}\n${USAGE}`);
    return 2;
  }

  const options: AlignOptions = {};
  if (values.glossary) {
    try {
      options.glossary = loadGlossaryFile(values.glossary).map((e) => ({ zh: e.zh, en: e.en, variants: e.variants }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
      io.err(`bitext align: cannot use glossary ${values.glossary}: ${why}\n`);
      return 2;
    }
  }
  options.lexicon = await loadLexicon();

  if (values.batch) return runBatch(positionals, options, io);

  const [zhPath, enPath] = positionals;
  if (zhPath === '-' && enPath === '-') {
    io.err('bitext align: only one of ZH and EN can be read from standard input\n');
    return 2;
  }
  let zhRaw: string;
  let enRaw: string;
  try {
    zhRaw = zhPath === '-' ? await io.stdin() : readText(zhPath);
    enRaw = enPath === '-' ? await io.stdin() : readText(enPath);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.err(`bitext align: ${error.message}\n`);
    return 2;
  }
  const zh = values.presplit ? presplitLines(zhRaw) : segmentSource(zhRaw).segments.map((s) => s.text);
  const en = values.presplit ? presplitLines(enRaw) : splitEnglish(enRaw.normalize('NFC'));
  io.out(render(format, align(zh, en, options), zh, en));
  return 0;
}
