// Speed of the aligner: lexicon load, MAC-Test-sized input (4,800 × ~6,600 sentences in 24 documents)
// and one 20,000 × ~27,000 document. The inputs are synthesised at run time from MAC-Dev
// (../shared/align-dev/mac-dev, read, never copied): documents are cut from it at gold bead
// boundaries and concatenated, so the gold alignment is known and quality is printed too.
// Run alone: npx tsx bench/align.bench.ts [MAC_DEV_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { align } from '../segments/align/index.ts';
import { ensureLexicon, loadLexicon } from '../segments/align/lexicon-loader.ts';
import { addCounts, countBeads, parseBeads, scores } from '../segments/align/metrics.ts';
import type { BeadPair, Counts } from '../segments/align/metrics.ts';

interface Doc {
  zh: string[];
  en: string[];
  gold: BeadPair[];
}

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'align-dev', 'mac-dev'));

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function loadDev(): Doc[] {
  return readdirSync(join(dir, 'src'))
    .sort()
    .map((name) => ({
      zh: readLines(join(dir, 'src', name)),
      en: readLines(join(dir, 'tgt', name)),
      gold: parseBeads(readFileSync(join(dir, 'gold', `${name}.align`), 'utf8')),
    }));
}

/** A document of the gold beads of `pieces`, renumbered: bead k of a piece keeps its sentences. */
function concat(pieces: { doc: Doc; beads: BeadPair[] }[]): Doc {
  const out: Doc = { zh: [], en: [], gold: [] };
  for (const { doc, beads } of pieces) {
    for (const b of beads) {
      const zh = b.zh.map((i) => out.zh.push(doc.zh[i]) - 1);
      const en = b.en.map((j) => out.en.push(doc.en[j]) - 1);
      out.gold.push({ zh, en });
    }
  }
  return out;
}

/** Consecutive gold beads of `doc` from bead `start` (wrapping) until `zhCount` Chinese sentences. */
function slice(doc: Doc, start: number, zhCount: number): BeadPair[] {
  const out: BeadPair[] = [];
  let zh = 0;
  for (let k = 0; zh < zhCount; k++) {
    const b = doc.gold[(start + k) % doc.gold.length];
    out.push(b);
    zh += b.zh.length;
  }
  return out;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function measure(docs: Doc[], lexicon: Awaited<ReturnType<typeof loadLexicon>>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const results = docs.map((d) => align(d.zh, d.en, { lexicon }));
  const ms = performance.now() - started;
  const cpuMs = process.cpuUsage(cpu).user / 1000;
  let pooled: Counts | undefined;
  docs.forEach((d, k) => {
    const c = countBeads(d.gold, results[k]);
    pooled = pooled ? addCounts(pooled, c) : c;
  });
  return { ms, cpuMs, f1: scores(pooled!).exact.f1 };
}

async function main(): Promise<number> {
  if (!existsSync(join(dir, 'src'))) {
    console.error(`align.bench: MAC-Dev not found at ${dir} (pass its directory as the first argument)`);
    return 2;
  }
  await ensureLexicon();
  const t0 = performance.now();
  const lexicon = await loadLexicon();
  const loadMs = performance.now() - t0;

  const dev = loadDev();
  const rand = seeded(42);
  // MAC-Test: 24 documents of 200 Chinese sentences each, cut from the dev documents at random beads.
  const test: Doc[] = [];
  for (let k = 0; k < 24; k++) {
    const doc = dev[k % dev.length];
    test.push(concat([{ doc, beads: slice(doc, Math.floor(rand() * doc.gold.length), 200) }]));
  }
  const testZh = test.reduce((a, d) => a + d.zh.length, 0);
  const testEn = test.reduce((a, d) => a + d.en.length, 0);
  // Warm the JIT on one small document first, as a long-running process would be.
  align(dev[0].zh.slice(0, 50), dev[0].en.slice(0, 70), { lexicon });
  const small = measure(test, lexicon);
  // The same documents again: word caches filled and code optimised, as in a long-running server.
  const again = measure(test, lexicon);

  // One long document: whole dev documents in random order until 20,000 Chinese sentences.
  const pieces: { doc: Doc; beads: BeadPair[] }[] = [];
  let zh = 0;
  while (zh < 20_000) {
    const doc = dev[Math.floor(rand() * dev.length)];
    const beads = zh + doc.zh.length <= 20_000 ? doc.gold : slice(doc, 0, 20_000 - zh);
    pieces.push({ doc, beads });
    zh += beads.reduce((a, b) => a + b.zh.length, 0);
  }
  const big = concat(pieces);
  const large = measure([big], lexicon);
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // Timings are CPU time of this process (user), which other processes on a shared machine do not
  // inflate; wall time is printed beside it.
  const rows: [string, string, string, boolean][] = [
    ['lexicon load (compiled CC-CEDICT), wall', `${loadMs.toFixed(0)} ms`, '< 500 ms', loadMs < 500],
    [`MAC-Test-sized: 24 docs, ${testZh} × ${testEn}, first run`, `${small.cpuMs.toFixed(0)} ms`, '< 1000 ms', small.cpuMs < 1000],
    [`  wall time`, `${small.ms.toFixed(0)} ms`, '(info)', true],
    [`  second run (warm caches), CPU / wall`, `${again.cpuMs.toFixed(0)} / ${again.ms.toFixed(0)} ms`, '(info)', true],
    [`  bead-exact F1 against the known alignment`, small.f1.toFixed(3), '(info)', true],
    [`one document ${big.zh.length} × ${big.en.length}`, `${(large.cpuMs / 1000).toFixed(2)} s`, '< 10 s', large.cpuMs < 10_000],
    [`  wall time`, `${(large.ms / 1000).toFixed(2)} s`, '(info)', true],
    [`  bead-exact F1 against the known alignment`, large.f1.toFixed(3), '(info)', true],
    ['peak memory (whole process, max RSS)', `${peakMb.toFixed(0)} MB`, '< 1024 MB', peakMb < 1024],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`align.bench (CPU time unless noted; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  for (const [what, value, target, ok] of rows) {
    const verdict = target === '(info)' ? '' : ok ? 'PASS' : 'FAIL';
    console.log(`  ${what.padEnd(w0)}  ${value.padStart(w1)}  ${target.padEnd(10)}  ${verdict}`);
  }
  return rows.every((r) => r[3]) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`align.bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
