// `npm run eval:align -- DIR`: aligns every document of DIR/src with DIR/tgt (one sentence a line)
// and scores it against DIR/gold (beads format, NAME.align or NAME), per document and pooled:
// strict and lax P/R/F1 (Vecalign's scheme) and bead-exact F1, plus wall time and peak memory.
// `npm run eval:align` with no DIR evaluates the sample (samples/shanghai-fyp: the source segmented
// by segmentSource, the draft split by splitEnglish, against gold.align) and, where it exists,
// ../shared/align-dev/mac-dev. Options: --single-pass (skip the self-trained second pass),
// --no-lexicon, --params JSON (tuning).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { align } from '../segments/align/index.ts';
import type { AlignParams } from '../segments/align/index.ts';
import { loadLexicon } from '../segments/align/lexicon-loader.ts';
import { addCounts, countBeads, parseBeads, scores } from '../segments/align/metrics.ts';
import type { BeadPair, Counts } from '../segments/align/metrics.ts';
import type { Lexicon } from '../segments/align/index.ts';
import { segmentSource } from '../segments/segment.ts';
import { splitEnglish } from '../segments/english.ts';

const USAGE = 'usage: npm run eval:align -- [DIR] [--single-pass] [--no-lexicon] [--params JSON]\n  DIR holds src/, tgt/ and gold/ (gold/NAME.align or gold/NAME); without DIR: the sample and ../shared/align-dev/mac-dev';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAC_DEV = resolve(ROOT, '..', 'shared', 'align-dev', 'mac-dev');

interface EvalDocument {
  name: string;
  zh: string[];
  en: string[];
  gold: BeadPair[];
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const out = text.split(/\r?\n/);
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

const pct = (x: number) => x.toFixed(3);

function directoryDocuments(dir: string): EvalDocument[] | string {
  for (const sub of ['src', 'tgt', 'gold']) {
    if (!existsSync(join(dir, sub))) return `${join(dir, sub)} does not exist`;
  }
  const docs: EvalDocument[] = [];
  for (const name of readdirSync(join(dir, 'src')).filter((f) => !f.startsWith('.')).sort()) {
    const base = name.replace(/\.[^.]*$/, '');
    const tgtPath = [join(dir, 'tgt', name), join(dir, 'tgt', base)].find(existsSync);
    const goldPath = [join(dir, 'gold', `${name}.align`), join(dir, 'gold', `${base}.align`), join(dir, 'gold', name)].find(existsSync);
    if (!tgtPath || !goldPath) return `${name}: no matching ${tgtPath ? 'gold' : 'tgt'} file`;
    docs.push({ name, zh: lines(join(dir, 'src', name)), en: lines(tgtPath), gold: parseBeads(readFileSync(goldPath, 'utf8'), goldPath) });
  }
  return docs.length ? docs : `no documents in ${join(dir, 'src')}`;
}

/** The sample as the workbench sees it: repaired and segmented source, split draft. */
function sampleDocuments(): EvalDocument[] {
  const dir = join(ROOT, 'samples', 'shanghai-fyp');
  return [
    {
      name: 'shanghai-fyp',
      zh: segmentSource(readFileSync(join(dir, 'source.zh.txt'), 'utf8')).segments.map((seg) => seg.text),
      en: splitEnglish(readFileSync(join(dir, 'draft.en.txt'), 'utf8')),
      gold: parseBeads(readFileSync(join(dir, 'gold.align'), 'utf8'), 'gold.align'),
    },
  ];
}

interface EvalOptions {
  lexicon?: Lexicon;
  singlePass?: boolean;
  params?: Partial<AlignParams>;
  quiet?: boolean;
}

function evaluate(title: string, docs: EvalDocument[], options: EvalOptions): void {
  const started = performance.now();
  let pooled: Counts | undefined;
  const rows: string[][] = [];
  let alignMs = 0;
  let zhTotal = 0;
  let enTotal = 0;
  for (const { name, zh, en, gold } of docs) {
    zhTotal += zh.length;
    enTotal += en.length;
    const t0 = performance.now();
    const test = align(zh, en, { lexicon: options.lexicon, singlePass: options.singlePass, params: options.params });
    alignMs += performance.now() - t0;
    const counts = countBeads(gold, test);
    pooled = pooled ? addCounts(pooled, counts) : counts;
    const s = scores(counts);
    rows.push([name, `${zh.length}×${en.length}`, pct(s.strict.p), pct(s.strict.r), pct(s.strict.f1), pct(s.lax.p), pct(s.lax.r), pct(s.lax.f1), pct(s.exact.f1)]);
  }
  const s = scores(pooled!);
  rows.push(['pooled', `${zhTotal}×${enTotal}`, pct(s.strict.p), pct(s.strict.r), pct(s.strict.f1), pct(s.lax.p), pct(s.lax.r), pct(s.lax.f1), pct(s.exact.f1)]);
  const header = ['doc', 'sents', 'strictP', 'strictR', 'strictF1', 'laxP', 'laxR', 'laxF1', 'beadExactF1'];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const fmt = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  console.log(`\nalignment of ${title}${options.singlePass ? ' (single pass)' : ''}${options.lexicon ? '' : ' (no lexicon)'}`);
  if (!options.quiet) {
    console.log(fmt(header));
    for (const r of rows.slice(0, -1)) console.log(fmt(r));
  }
  console.log(fmt(rows[rows.length - 1]));
  const wall = performance.now() - started;
  console.log(`wall time ${(wall / 1000).toFixed(2)} s (alignment ${alignMs.toFixed(0)} ms)`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'single-pass': { type: 'boolean' },
      'no-lexicon': { type: 'boolean' },
      params: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length > 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const corpora: [string, EvalDocument[]][] = [];
  if (positionals.length === 1) {
    const docs = directoryDocuments(positionals[0]);
    if (typeof docs === 'string') {
      console.error(`eval-align: ${docs}\n${USAGE}`);
      return 2;
    }
    corpora.push([positionals[0], docs]);
  } else {
    corpora.push(['the sample (samples/shanghai-fyp, regression guard: strict F1 ≥ 0.95)', sampleDocuments()]);
    const mac = directoryDocuments(MAC_DEV);
    if (typeof mac === 'string') console.log(`(MAC-Dev not evaluated: ${mac})`);
    else corpora.push([`MAC-Dev (${MAC_DEV}; bar: bead-exact F1 ≥ 0.83)`, mac]);
  }
  const params = values.params ? (JSON.parse(values.params) as Partial<AlignParams>) : undefined;
  const lexStart = performance.now();
  const lexicon = values['no-lexicon'] ? undefined : await loadLexicon();
  console.log(`lexicon load ${(performance.now() - lexStart).toFixed(0)} ms`);
  for (const [title, docs] of corpora) evaluate(title, docs, { lexicon, singlePass: values['single-pass'], params, quiet: values.quiet });
  console.log(`\npeak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log('bead-exact F1: identical beads over all test and all gold beads, null beads included');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`eval-align: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
