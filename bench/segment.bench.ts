// Benchmark: repair + segment the sample repeated to about 1.1 million characters (issue 2, item 9).
// Targets: < 1 s and < 200 MB peak RSS on the 2-core CI machine, and ten times the input costs at
// most twelve times the time (the pipeline must stay linear).
// The targets are judged on wall-clock time — what a user waits for. CPU time of this process (user +
// system, from process.cpuUsage) is printed beside it: it shows what the code itself costs when other
// jobs share the machine. To keep the wall figure honest on a busy machine each judged figure is the
// best of several timed runs after a warm-up (best of 5 for the 1.1 M-character runs, of 15 for the
// 10× smaller input), and the output says so. The first, cold run is what a one-off `bitext segment`
// pays (JIT, OpenCC tables): it is measured in fresh child processes, best of 5, and judged too; the
// peak RSS of such a child is the memory one run of this size needs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { segmentSource } from '../segments/segment.ts';
import { peakRssMb, printFigures } from './report.ts';

const seed = readFileSync(new URL('../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const TARGET_CHARS = 1_100_000;
const copies = Math.round(TARGET_CHARS / seed.length);
const large = Array.from({ length: copies }, () => seed).join('\n\n');
const small = Array.from({ length: Math.round(copies / 10) }, () => seed).join('\n\n');

// A full collection before each timed run, so that no run pays for the garbage of the one before
// and the heap does not grow across runs (node's documented way to reach gc() without --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

interface Run {
  /** Wall-clock time of the fastest run. */
  wallMs: number;
  /** Lowest CPU time over the runs. */
  cpuMs: number;
  runs: number;
  segments: number;
}

function timed(text: string, granularity: 'sentence' | 'clause'): { wallMs: number; cpuMs: number; segments: number } {
  collect();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = segmentSource(text, { granularity });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, segments: result.segments.length };
}

/** Adds `runs` timed runs to `into` (best wall and best CPU kept). */
function best(text: string, runs: number, granularity: 'sentence' | 'clause' = 'sentence', into?: Run): Run {
  const out: Run = into ?? { wallMs: Infinity, cpuMs: Infinity, runs: 0, segments: 0 };
  for (let i = 0; i < runs; i++) {
    const r = timed(text, granularity);
    out.wallMs = Math.min(out.wallMs, r.wallMs);
    out.cpuMs = Math.min(out.cpuMs, r.cpuMs);
    out.runs++;
    out.segments = r.segments;
  }
  return out;
}

const LARGE_RUNS = 5;

if (process.argv.includes('--cold-once')) {
  // Child mode: one cold run in a fresh process, reported to the parent as JSON.
  const r = timed(large, 'sentence');
  process.stdout.write(JSON.stringify({ wallMs: r.wallMs, cpuMs: r.cpuMs, rssMb: peakRssMb() }) + '\n');
  process.exit(0);
}

/** Cold runs, each in a fresh process started like this one (same node flags, so tsx's loader too). */
function coldRuns(n: number): { wallMs: number; cpuMs: number; rssMb: number; runs: number } {
  const out = { wallMs: Infinity, cpuMs: Infinity, rssMb: 0, runs: n };
  for (let i = 0; i < n; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cold-once'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold run ${i + 1} failed (exit ${child.status}): ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { wallMs: number; cpuMs: number; rssMb: number };
    out.wallMs = Math.min(out.wallMs, r.wallMs);
    out.cpuMs = Math.min(out.cpuMs, r.cpuMs);
    out.rssMb = Math.max(out.rssMb, r.rssMb);
  }
  return out;
}

const cold = coldRuns(LARGE_RUNS);
const coldRss = cold.rssMb;
// Warm up both sizes, then alternate them so that both are timed with the same JIT state and a busy
// spell of the machine does not fall on one size only.
best(small, 3);
best(large, 1);
const smallRun = best(small, 0);
const largeRun = best(large, 0);
for (let round = 0; round < LARGE_RUNS; round++) {
  best(small, 3, 'sentence', smallRun);
  best(large, 1, 'sentence', largeRun);
}
const clauseRun = best(large, LARGE_RUNS, 'clause');
const under1s = { text: '< 1000 ms', ok: (v: number) => v < 1000 };
const chars = (n: number) => n.toLocaleString('en');
const bestOf = (r: Run) => `best of ${r.runs}`;

const ok = printFigures(
  `repair + segment: sample ×${copies} (${chars(large.length)} chars) and ×${Math.round(copies / 10)} (${chars(small.length)} chars); targets judged on wall time, best of ${LARGE_RUNS} runs (small input best of ${smallRun.runs})`,
  [
    { name: `cold first run, wall (best of ${cold.runs} processes)`, value: cold.wallMs, unit: 'ms', target: under1s },
    { name: `cold first run, CPU (best of ${cold.runs} processes)`, value: cold.cpuMs, unit: 'ms' },
    { name: 'peak RSS of a cold run (worst process)', value: coldRss, unit: 'MB', target: { text: '< 200 MB', ok: (v) => v < 200 } },
    { name: `sentence → ${largeRun.segments} segments, wall (${bestOf(largeRun)})`, value: largeRun.wallMs, unit: 'ms', target: under1s },
    { name: `sentence, CPU (${bestOf(largeRun)})`, value: largeRun.cpuMs, unit: 'ms' },
    { name: 'throughput (sentence, wall)', value: large.length / 1e6 / (largeRun.wallMs / 1000), unit: 'M chars/s' },
    { name: `clause → ${clauseRun.segments} segments, wall (${bestOf(clauseRun)})`, value: clauseRun.wallMs, unit: 'ms', target: under1s },
    { name: `clause, CPU (${bestOf(clauseRun)})`, value: clauseRun.cpuMs, unit: 'ms' },
    { name: `sentence, ${chars(small.length)} chars, wall (${bestOf(smallRun)})`, value: smallRun.wallMs, unit: 'ms' },
    { name: `sentence, ${chars(small.length)} chars, CPU (${bestOf(smallRun)})`, value: smallRun.cpuMs, unit: 'ms' },
    { name: 'wall time ratio for 10× the input', value: largeRun.wallMs / smallRun.wallMs, unit: '×', target: { text: '≤ 12×', ok: (v) => v <= 12 } },
    { name: 'CPU time ratio for 10× the input', value: largeRun.cpuMs / smallRun.cpuMs, unit: '×' },
    { name: 'peak RSS after all runs', value: peakRssMb(), unit: 'MB', target: { text: '< 200 MB', ok: (v) => v < 200 } },
  ],
);
process.exitCode = ok ? 0 : 1;
