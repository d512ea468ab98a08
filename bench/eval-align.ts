// `npm run eval:align -- DIR`: aligns every document of DIR/src with DIR/tgt (one sentence a line)
// and scores it against DIR/gold (beads format, NAME.align or NAME), per document and pooled:
// strict and lax P/R/F1 (Vecalign's scheme) and bead-exact F1, plus wall time and peak memory.
// Options: --single-pass (skip the self-trained second pass), --no-lexicon, --params JSON (tuning).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { align } from '../segments/align/index.ts';
import type { AlignParams } from '../segments/align/index.ts';
import { loadLexicon } from '../segments/align/lexicon-loader.ts';
import { addCounts, countBeads, parseBeads, scores } from '../segments/align/metrics.ts';
import type { Counts } from '../segments/align/metrics.ts';

const USAGE = 'usage: npm run eval:align -- DIR [--single-pass] [--no-lexicon] [--params JSON]\n  DIR holds src/, tgt/ and gold/ (gold/NAME.align or gold/NAME)';

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const out = text.split(/\r?\n/);
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

const pct = (x: number) => x.toFixed(3);

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
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dir = positionals[0];
  for (const sub of ['src', 'tgt', 'gold']) {
    if (!existsSync(join(dir, sub))) {
      console.error(`eval-align: ${join(dir, sub)} does not exist\n${USAGE}`);
      return 2;
    }
  }
  const params = values.params ? (JSON.parse(values.params) as Partial<AlignParams>) : undefined;
  const started = performance.now();
  const lexStart = performance.now();
  const lexicon = values['no-lexicon'] ? undefined : await loadLexicon();
  const lexMs = performance.now() - lexStart;
  const names = readdirSync(join(dir, 'src')).filter((f) => !f.startsWith('.')).sort();
  let pooled: Counts | undefined;
  const rows: string[][] = [];
  let alignMs = 0;
  let zhTotal = 0;
  let enTotal = 0;
  for (const name of names) {
    const base = name.replace(/\.[^.]*$/, '');
    const tgtPath = [join(dir, 'tgt', name), join(dir, 'tgt', base)].find(existsSync);
    const goldPath = [join(dir, 'gold', `${name}.align`), join(dir, 'gold', `${base}.align`), join(dir, 'gold', name)].find(existsSync);
    if (!tgtPath || !goldPath) {
      console.error(`eval-align: ${name}: no matching ${tgtPath ? 'gold' : 'tgt'} file`);
      return 2;
    }
    const zh = lines(join(dir, 'src', name));
    const en = lines(tgtPath);
    zhTotal += zh.length;
    enTotal += en.length;
    const t0 = performance.now();
    const test = align(zh, en, { lexicon, singlePass: values['single-pass'], params });
    alignMs += performance.now() - t0;
    const gold = parseBeads(readFileSync(goldPath, 'utf8'), goldPath);
    const counts = countBeads(gold, test);
    pooled = pooled ? addCounts(pooled, counts) : counts;
    const s = scores(counts);
    rows.push([name, `${zh.length}×${en.length}`, pct(s.strict.p), pct(s.strict.r), pct(s.strict.f1), pct(s.lax.p), pct(s.lax.r), pct(s.lax.f1), pct(s.exact.f1)]);
  }
  if (!pooled) {
    console.error(`eval-align: no documents in ${join(dir, 'src')}`);
    return 2;
  }
  const s = scores(pooled);
  rows.push(['pooled', `${zhTotal}×${enTotal}`, pct(s.strict.p), pct(s.strict.r), pct(s.strict.f1), pct(s.lax.p), pct(s.lax.r), pct(s.lax.f1), pct(s.exact.f1)]);
  const header = ['doc', 'sents', 'strictP', 'strictR', 'strictF1', 'laxP', 'laxR', 'laxF1', 'beadExactF1'];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const fmt = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  if (!values.quiet) {
    console.log(`alignment of ${dir}${values['single-pass'] ? ' (single pass)' : ''}${lexicon ? '' : ' (no lexicon)'}`);
    console.log(fmt(header));
    for (const r of rows.slice(0, -1)) console.log(fmt(r));
  }
  console.log(fmt(rows[rows.length - 1]));
  const wall = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `wall time ${(wall / 1000).toFixed(2)} s (lexicon load ${lexMs.toFixed(0)} ms, alignment ${alignMs.toFixed(0)} ms); peak memory ${peakMb.toFixed(0)} MB`,
  );
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
