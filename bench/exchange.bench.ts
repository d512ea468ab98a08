// Exchange benchmarks over a real SQLite file: a 100,000-segment document (synthetic sentences
// recombined from the sample's clauses and sentences), approved by a reviewer through the
// server's segment-update function (so every unit has a revision and a TM unit, by trigger).
//   1. TMX export through the real route: GET /api/documents/:id/export.tmx on loopback, body read
//      as a stream; units/s and the peak RSS of a fresh process that only serves the export.
//   2. TMX import of that file into another project's TM as the route does it: streamed, staged in
//      batches, published in one transaction; time and peak RSS (before: whole-file parse, ~400 MB).
//   3. TM lookup over the 100,000 units: index build once, then p50/p95 of fuzzy queries.
// Each measurement runs in a child process of its own, so peak RSS is that step's alone.
// `npx tsx bench/exchange.bench.ts [--units N]`
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.ts';
import { createAccount } from '../server/accounts.ts';
import { closeDatabase, migrateDatabase, openDatabase } from '../server/db/index.ts';
import { insertDocumentWithSegments } from '../server/db/queries/documents.ts';
import { createProject } from '../server/db/queries/projects.ts';
import { listSegmentTargetsEvery, updateSegments, type SegmentUpdate } from '../server/db/queries/segments.ts';
import { users } from '../server/db/schema.ts';
import { importTmxStream } from '../server/tm/import.ts';
import { pairKey, translationMemory } from '../server/tm/service.ts';
import { segmentSource } from '../segments/segment.ts';
import { splitEnglish } from '../segments/english.ts';
import { peakRssMb, printFigures, type Figure } from './report.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const sampleDir = path.join(here, '..', 'samples', 'shanghai-fyp');
const PASSWORD = 'bench password 123';

/** Deterministic PRNG (mulberry32), so every run builds the same document. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function samplePools() {
  const zh = segmentSource(readFileSync(path.join(sampleDir, 'source.zh.txt'), 'utf8')).segments.map((s) => s.text);
  const clauses = zh.flatMap((s) => s.replace(/[。！？]$/, '').split(/[，；]/)).filter((c) => c.length >= 4);
  const en = splitEnglish(readFileSync(path.join(sampleDir, 'draft.en.txt'), 'utf8'));
  return { zh, clauses, en };
}

/** Synthetic sentence i: 2–4 of the sample's clauses, and 1–2 of its English sentences. */
function synthetic(n: number) {
  const { clauses, en } = samplePools();
  const random = rng(20261129);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const k = 2 + Math.floor(random() * 3);
    const source = Array.from({ length: k }, () => pick(clauses)).join('，') + '。';
    const target = random() < 0.5 ? pick(en) : `${pick(en)} ${pick(en)}`;
    rows.push({ source, target });
  }
  return rows;
}

async function setup(file: string, n: number) {
  const db = openDatabase(file);
  migrateDatabase(db);
  await createAccount(db, { username: 'admin', password: PASSWORD, isAdmin: true });
  const adminId = db.select().from(users).all().find((u) => u.username === 'admin')!.id;
  const project = createProject(db, { name: 'Bench' }, adminId);
  const other = createProject(db, { name: 'Bench import' }, adminId);
  await createAccount(db, { username: 'reviewer', password: PASSWORD, projectId: project.id, role: 'reviewer' });
  const reviewerId = db.select().from(users).all().find((u) => u.username === 'reviewer')!.id;
  const rows = synthetic(n).map((r, i) => ({
    ...r,
    status: 'approved' as const,
    section: `七 › ${1 + (i % 9)}`,
    heading: false,
    start: 0,
    end: 0,
    rawStart: 0,
    rawEnd: 0,
    confidence: 0.9,
    warnings: [],
  }));
  // Imported approved (the insert trigger makes each a TM unit); then the reviewer revises and
  // re-approves every tenth through the server's update function, so those carry revisions.
  const documentId = insertDocumentWithSegments(db, { projectId: project.id, name: 'bench.txt', rawSource: '', text: '', rawDraft: null, granularity: 'sentence', repairs: [], warnings: [], createdBy: adminId }, rows);
  const ids = listSegmentTargetsEvery(db, documentId, 10);
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 5000) {
    const changes: SegmentUpdate[] = ids.slice(i, i + 5000).map((s) => ({ id: s.id, expectedVersion: 1, target: s.target.replace(/\.$/, '; reviewed.'), status: 'approved', userId: reviewerId, note: null }));
    updateSegments(db, changes);
  }
  const approveMs = performance.now() - started;
  closeDatabase(db);
  return { documentId, projectId: project.id, otherProjectId: other.id, approveMs, revised: ids.length };
}

/** Child: serve the app on loopback until stdin closes, then report its peak RSS and CPU time. */
async function childServe(file: string) {
  const db = openDatabase(file);
  const app = createApp({ db });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
  // The parent writes a line when the export request is about to start (after the login, whose
  // scrypt would otherwise count), and closes stdin when it has read the whole response.
  // A second line marks the end of the export (the TM lookups that follow are not counted in it).
  let cpu0 = process.cpuUsage();
  let rssIdle = peakRssMb();
  let cpuMs = 0;
  let rss = 0;
  let marks = 0;
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (data: string) => {
    for (const _line of data.split('\n').filter(Boolean)) {
      if (marks++ === 0) {
        cpu0 = process.cpuUsage();
        rssIdle = peakRssMb();
      } else if (marks === 2) {
        const cpu = process.cpuUsage(cpu0);
        cpuMs = (cpu.user + cpu.system) / 1000;
        rss = peakRssMb();
      }
    }
  });
  await new Promise<void>((resolve) => process.stdin.on('end', () => resolve()));
  server.close();
  closeDatabase(db);
  return { rssIdle, rss, cpuMs, rssAfterTm: peakRssMb() };
}

/** Parent: export the document over HTTP from a serving child into a file, streamed. */
async function exportOverHttp(file: string, documentId: number, out: string, projectId: number, queries: string[]) {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', 'serve', file], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  server.stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (d: string) => {
      output += d;
      const m = output.match(/port (\d+)\n/);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'reviewer', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  server.stdin.write('mark\n');
  await new Promise((r) => setTimeout(r, 200));
  const started = performance.now();
  const res = await fetch(`${base}/api/documents/${documentId}/export.tmx`, { headers: { cookie } });
  const sink = createWriteStream(out);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (!sink.write(chunk)) await new Promise<void>((r) => sink.once('drain', () => r()));
  }
  await new Promise<void>((r) => sink.end(() => r()));
  const ms = performance.now() - started;
  server.stdin.write('export done\n');
  // Then the TM route over the same server: the first lookup builds the index, the rest are timed.
  const lookup = async (q: string) => {
    const t0 = performance.now();
    const r = await fetch(`${base}/api/projects/${projectId}/tm?q=${encodeURIComponent(q)}`, { headers: { cookie } });
    const body = (await r.json()) as { matches: { score: number }[] };
    if (r.status !== 200) throw new Error(`tm lookup answered ${r.status}`);
    return { ms: performance.now() - t0, best: body.matches[0]?.score };
  };
  const cold = await lookup(queries[0]);
  const times: number[] = [];
  for (const q of queries.slice(1)) times.push((await lookup(q)).ms);
  times.sort((a, b) => a - b);
  const tmHttp = { coldMs: cold.ms, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], n: times.length };
  const done = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  server.stdin.end();
  await done;
  const report = JSON.parse(output.trim().split('\n').at(-1)!) as { rssIdle: number; rss: number; cpuMs: number; rssAfterTm: number };
  return { status: res.status, ms, bytes, ...report, tmHttp };
}

/**
 * Child: import the TMX file into another project's TM through the route's own import function
 * (server/tm/import.ts): read as a stream, parsed in chunks, staged in batches, published in one
 * transaction. Peak RSS is this process's, which does nothing else.
 */
async function childImport(file: string, tmx: string, projectId: number) {
  const db = openDatabase(file);
  const rssBefore = peakRssMb();
  // The longest the event loop stood still: what other requests on this connection would wait.
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  const started = performance.now();
  let batches = 0;
  const result = await importTmxStream(db, { projectId, sourceLang: 'zh-CN', targetLang: 'en-US' }, createReadStream(tmx, { highWaterMark: 64 * 1024 }) as unknown as AsyncIterable<Uint8Array>, {
    onBatch: () => {
      batches++;
    },
  });
  const ms = performance.now() - started;
  stall.disable();
  closeDatabase(db);
  return { units: result.imported, batches, ms, stallMs: stall.max / 1e6, rssBefore, rss: peakRssMb() };
}

/** Child: TM lookups over the units of the bench project's pair. */
function childLookup(file: string, n: number) {
  const db = openDatabase(file);
  const tm = translationMemory(db);
  const pair = pairKey('zh-CN', 'en');
  const { zh } = samplePools();
  const rows = synthetic(n);
  const random = rng(7);
  const queries: string[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i % 3;
    if (kind === 0) queries.push(rows[Math.floor(random() * rows.length)].source); // repeated sentence
    else if (kind === 1) {
      const s = rows[Math.floor(random() * rows.length)].source; // one character edited
      const at = Math.floor(random() * (s.length - 1));
      queries.push(s.slice(0, at) + '新' + s.slice(at + 1));
    } else queries.push(zh[Math.floor(random() * zh.length)]); // a sample sentence as it stands
  }
  const buildStart = performance.now();
  tm.match(pair, '预热');
  const buildMs = performance.now() - buildStart;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  let found100 = 0;
  let foundAny = 0;
  for (const [i, q] of queries.entries()) {
    const t0 = performance.now();
    const hits = tm.match(pair, q, { limit: 10 });
    times.push(performance.now() - t0);
    if (i % 3 === 0 && hits[0]?.score === 100) found100++;
    if (hits.length) foundAny++;
  }
  const cpu = process.cpuUsage(cpu0);
  const concordance: number[] = [];
  for (const term of ['科技创新', '长三角', 'innovation', 'Yangtze River Delta']) {
    const t0 = performance.now();
    tm.concordance(pair, term, { limit: 50 });
    concordance.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  closeDatabase(db);
  return {
    buildMs,
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
    queries: times.length,
    found100,
    repeated: queries.length / 3,
    foundAny,
    concordanceMax: Math.max(...concordance),
    cpuPerQuery: (cpu.user + cpu.system) / 1000 / queries.length,
    rss: peakRssMb(),
  };
}

function child(step: string, args: string[]): Record<string, number> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', step, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, step, file, a, b] = argv;
    const out = step === 'serve' ? await childServe(file) : step === 'import' ? await childImport(file, a, Number(b)) : childLookup(file, Number(a));
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const n = argv[0] === '--units' ? Number(argv[1]) : 100_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'bitext-bench-exchange-'));
  try {
    const file = path.join(dir, 'bench.db');
    const setupStart = performance.now();
    const { documentId, projectId, otherProjectId, approveMs, revised } = await setup(file, n);
    const setupMs = performance.now() - setupStart;
    const tmx = path.join(dir, 'export.tmx');
    const httpQueries = synthetic(n)
      .filter((_, i) => i % Math.max(1, Math.floor(n / 101)) === 0)
      .slice(0, 101)
      .map((r) => r.source);
    const exp = await exportOverHttp(file, documentId, tmx, projectId, httpQueries);
    if (exp.status !== 200) throw new Error(`export answered ${exp.status}`);
    // The lookup runs before the import, so the TM holds the document's n approved units.
    const look = child('lookup', [file, String(n)]);
    const imp = child('import', [file, tmx, String(otherProjectId)]);
    const load = loadavg()[0];
    const figures: Figure[] = [
      { name: `setup: ${n} approved segments imported`, value: setupMs / 1000, unit: 's' },
      { name: `  ${revised} revised + re-approved (updateSegments)`, value: approveMs / 1000, unit: 's' },
      { name: 'TMX export over HTTP: units/s (wall clock)', value: Math.round(n / (exp.ms / 1000)), unit: 'units/s', target: { text: '>= 50000', ok: (v) => v >= 50_000 } },
      { name: 'TMX export: time', value: exp.ms / 1000, unit: 's' },
      { name: 'TMX export: CPU time of the server', value: exp.cpuMs / 1000, unit: 's' },
      { name: 'TMX export: units per server CPU second', value: Math.round(n / (exp.cpuMs / 1000)), unit: 'units/s' },
      { name: 'TMX export: file size', value: Math.round(exp.bytes / 1024 / 1024), unit: 'MB' },
      { name: 'TMX export: peak RSS of the server', value: Math.round(exp.rss), unit: 'MB', target: { text: '< 300', ok: (v) => v < 300 } },
      { name: '  (its RSS before the export)', value: Math.round(exp.rssIdle), unit: 'MB' },
      { name: 'TMX import of that file: units', value: imp.units, unit: 'units', target: { text: `= ${n}`, ok: (v) => v === n } },
      { name: `TMX import: time (streamed, ${imp.batches} staged batches)`, value: imp.ms / 1000, unit: 's' },
      { name: 'TMX import: units/s', value: Math.round(n / (imp.ms / 1000)), unit: 'units/s' },
      { name: 'TMX import: longest event-loop stall (the publish)', value: imp.stallMs, unit: 'ms' },
      { name: 'TMX import: peak RSS', value: Math.round(imp.rss), unit: 'MB', target: { text: '< 300', ok: (v) => v < 300 } },
      { name: '  (its RSS before the import)', value: Math.round(imp.rssBefore), unit: 'MB' },
      { name: `TM index build (${n} units)`, value: look.buildMs, unit: 'ms' },
      { name: `TM fuzzy lookup p50 (${look.queries} queries)`, value: look.p50, unit: 'ms', target: { text: '< 20', ok: (v) => v < 20 } },
      { name: 'TM fuzzy lookup p95', value: look.p95, unit: 'ms' },
      { name: `TM lookup via GET …/tm p50 (${exp.tmHttp.n} queries)`, value: exp.tmHttp.p50, unit: 'ms', target: { text: '< 20', ok: (v) => v < 20 } },
      { name: 'TM lookup via GET …/tm p95', value: exp.tmHttp.p95, unit: 'ms' },
      { name: 'TM first GET …/tm (builds the index)', value: exp.tmHttp.coldMs, unit: 'ms' },
      { name: 'TM: server peak RSS with the index built', value: Math.round(exp.rssAfterTm), unit: 'MB' },
      { name: 'TM fuzzy lookup: CPU time per query', value: look.cpuPerQuery, unit: 'ms' },
      { name: 'TM repeated sentences found at 100%', value: look.found100, unit: `of ${look.repeated}`, target: { text: `= ${look.repeated}`, ok: (v) => v === look.repeated } },
      { name: 'TM concordance, slowest of 4 terms', value: look.concordanceMax, unit: 'ms' },
      { name: 'TM lookup: peak RSS', value: Math.round(look.rss), unit: 'MB' },
      { name: `machine load (1-min average, ${cpus().length} CPUs)`, value: load, unit: '' },
    ];
    const ok = printFigures(`Exchange and TM (${n} units, SQLite file, export through the HTTP route)`, figures);
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
