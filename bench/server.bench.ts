// Server benchmarks over loopback against `server/main.ts` in a child process with a real SQLite file:
// (1) 50 concurrent editors saving segments with correct If-Match versions (autocannon from this
//     process): p99 latency and saves/s, then every save checked against the revision history;
// (2) importing the sample repeated to ~23,000 segments, with the draft aligned, through the API.
// Run alone with `npx tsx bench/server.bench.ts` (add `--saves-only` to skip the import).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { printFigures } from './report.ts';
import type { Figure } from './report.ts';
import { spawnServer } from '../test/helpers/process.ts';
import { ApiClient } from '../test/helpers/api.ts';
import { repeatedSample, SAMPLE_SOURCE } from '../test/helpers/sample.ts';
import { closeDatabase, migrateDatabase, openDatabase } from '../server/db/index.ts';
import { createAccount } from '../server/accounts.ts';
import { createProject } from '../server/db/queries/projects.ts';
import { importDocument } from '../server/import.ts';

// autocannon ships no type declarations; the little of its API used here.
interface CannonRequest {
  method: string;
  setupRequest(req: Record<string, unknown>): Record<string, unknown>;
  onResponse(status: number, body: string): void;
}
interface CannonResult {
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: CannonRequest[];
}) => Promise<CannonResult>;

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined off Linux. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const CONNECTIONS = 50;
const DURATION_S = 10;
const PASSWORD = 'bench password 2026';

const dir = mkdtempSync(join(tmpdir(), 'bitext-bench-'));
const file = join(dir, 'bench.db');

// A reviewer-admin, a project and the sample source (245 segments) written directly, before the server starts.
const db = openDatabase(file);
migrateDatabase(db);
const admin = await createAccount(db, { username: 'bench', password: PASSWORD, isAdmin: true });
const project = createProject(db, { name: 'bench' }, admin.id);
const { documentId } = await importDocument(db, { projectId: project.id, name: 'sample', source: SAMPLE_SOURCE, userId: admin.id }, [], { inline: true });
closeDatabase(db);

const server = await spawnServer(file);
const figures: Figure[] = [];
try {
  const client = await new ApiClient(server.url).login('bench', PASSWORD);
  const segments = (await client.get(`/api/documents/${documentId}/segments?limit=${CONNECTIONS + 10}`)).body.items as { id: number; version: number; source: string }[];

  // Each in-flight request holds one segment; its response returns the segment with its new
  // version, so a connection never sends a stale If-Match. (autocannon resets per-connection
  // context after every request, hence the shared pool.)
  const free = segments.map((s) => ({ id: s.id, version: s.version }));
  const versions = new Map(free.map((s) => [s.id, s.version]));
  const acknowledged: { id: number; version: number; target: string }[] = [];
  let ok = 0;
  let conflicts = 0;
  let other = 0;
  let n = 0;
  const cpuBefore = cpuMs(server.child.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { origin: server.url, cookie: client.cookie, 'content-type': 'application/json' },
    requests: [
      {
        method: 'PATCH',
        setupRequest: (req: Record<string, unknown>) => {
          const seg = free.shift()!;
          n++;
          return {
            ...req,
            path: `/api/segments/${seg.id}`,
            headers: { ...(req.headers as object), 'if-match': `"${seg.version}"` },
            body: JSON.stringify({ target: `Draft ${n} of segment ${seg.id}: we will accelerate the green transformation of shipping.` }),
          };
        },
        onResponse: (status: number, body: string) => {
          let seg: { id: number; version: number } | undefined;
          try {
            const parsed = JSON.parse(body);
            seg = status === 200 ? parsed : parsed.current;
          } catch {
            /* counted below */
          }
          if (status === 200 && seg) {
            ok++;
            acknowledged.push({ id: seg.id, version: seg.version, target: (seg as { target?: string }).target ?? '' });
          }
          else if (status === 409) conflicts++;
          else other++;
          if (seg) {
            versions.set(seg.id, seg.version);
            free.push({ id: seg.id, version: seg.version });
          }
        },
      },
    ],
  });

  const cpuAfter = cpuMs(server.child.pid);

  // Every acknowledged save must be in the history with its version and text, and every segment's
  // history must run without gaps up to its current version (saves still in flight when autocannon
  // stopped were committed too, so the history may hold a few more than were acknowledged).
  let missing = 0;
  let gaps = 0;
  let revisions = 0;
  const byId = new Map<number, Map<number, string>>();
  for (const s of segments) {
    const history = (await client.get(`/api/segments/${s.id}/history`)).body as { version: number; targetAfter: string }[];
    revisions += history.length;
    byId.set(s.id, new Map(history.map((h) => [h.version, h.targetAfter])));
    const current = (await client.get(`/api/segments/${s.id}`)).body.version as number;
    if (history.length !== current - 1 || history.some((h, i) => h.version !== i + 2)) gaps++;
  }
  for (const a of acknowledged) if (byId.get(a.id)?.get(a.version) !== a.target) missing++;

  figures.push(
    { name: `saves/s (${CONNECTIONS} connections, ${DURATION_S} s)`, value: ok / DURATION_S, unit: 'saves/s', target: { text: '>= 1000', ok: (v) => v >= 1000 } },
    { name: 'save latency p99', value: result.latency.p99, unit: 'ms', target: { text: '< 50 ms', ok: (v) => v < 50 } },
    { name: 'save latency p50', value: result.latency.p50, unit: 'ms' },
    ...(cpuBefore !== undefined && cpuAfter !== undefined
      ? [{ name: 'server CPU per save (user + system)', value: (cpuAfter - cpuBefore) / Math.max(1, ok), unit: 'ms' }]
      : []),
    { name: 'saves answered 409 (stale version)', value: conflicts, unit: '', target: { text: '0', ok: (v) => v === 0 } },
    { name: 'saves answered other non-2xx', value: other + result.errors + result.timeouts, unit: '', target: { text: '0', ok: (v) => v === 0 } },
    { name: 'acknowledged saves', value: ok, unit: '' },
    { name: 'revisions written', value: revisions, unit: '' },
    { name: 'acknowledged saves missing from the history', value: missing, unit: '', target: { text: '0', ok: (v) => v === 0 } },
    { name: 'segments whose history has gaps', value: gaps, unit: '', target: { text: '0', ok: (v) => v === 0 } },
  );

  // Import: the sample repeated to ~23,000 segments with its draft, aligned, through the API.
  // (`--saves-only` skips it.)
  if (!process.argv.includes('--saves-only')) {
    const times = 94;
    const big = repeatedSample(times);
    const t0 = performance.now();
    const imported = await client.post(`/api/projects/${project.id}/documents`, { name: 'big', source: big.source, draft: big.draft });
    const importMs = performance.now() - t0;
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${imported.text.slice(0, 500)}`);
    const t1 = performance.now();
    const plain = await client.post(`/api/projects/${project.id}/documents`, { name: 'big-no-draft', source: big.source });
    const plainMs = performance.now() - t1;
    figures.push(
      { name: `import ${imported.body.segmentCount} segments with draft + alignment`, value: importMs / 1000, unit: 's', target: { text: '< 15 s', ok: (v) => v < 15 } },
      { name: `  of which segments filled from the draft`, value: imported.body.drafted, unit: 'segments' },
      { name: `import ${plain.body.segmentCount} segments without draft (no alignment)`, value: plainMs / 1000, unit: 's' },
    );
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

figures.push({ name: 'machine load average (1 min) at the end', value: loadavg()[0], unit: '' });
const allOk = printFigures('server: concurrent saves and import', figures);
process.exitCode = allOk ? 0 : 1;
