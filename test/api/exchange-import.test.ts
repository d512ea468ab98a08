// Streamed TMX import over the real server: a large generated file sent as a stream imports fully; a file broken near its end imports nothing and names the line; while an upload is
// still streaming its staged units are invisible to lookups and other writes on the shared
// connection go through; an aborted upload leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/api.ts';
import { serialize as serializeTmx, type TmxUnit } from '../../server/formats/tmx.ts';

// Sentences of the sample and their renderings; each generated unit numbers its copy so that all
// 20,000 are distinct and one can be looked up at 100%.
const PAIRS: [string, string][] = [
  ['坚持科技创新打头阵，引领发展新质生产力', 'We will put scientific and technological innovation in the lead and develop new quality productive forces'],
  ['强化“五个中心”核心功能', 'We will strengthen the core functions of the "Five Centers"'],
  ['深入推进长三角一体化发展', 'We will further advance the integrated development of the Yangtze River Delta'],
  ['全面推进城市数字化转型，建设国际数字之都', 'We will fully advance the digital transformation of the city and build an international digital capital'],
  ['加快建设现代化产业体系', 'We will accelerate the building of a modern industrial system'],
];
const N = 20_000;

function generated(n: number, tag: string): TmxUnit[] {
  return Array.from({ length: n }, (_, i) => {
    const [zh, en] = PAIRS[i % PAIRS.length];
    return { tuid: `${tag}-${i}`, source: `${zh}（${tag}第${i}条）。`, target: `${en} (${tag} no. ${i}).`, srcLang: 'zh-CN', tgtLang: 'en-US' };
  });
}

/** A request body that streams the text in chunks, waiting for `gate` (if given) before the chunk at `pauseAt`. */
function streamed(text: string, options: { chunk?: number; pauseAt?: number; gate?: Promise<void>; abortAt?: number } = {}) {
  const bytes = new TextEncoder().encode(text);
  const size = options.chunk ?? 16 * 1024;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.pauseAt !== undefined && at >= options.pauseAt && options.gate) {
        await options.gate;
        options.gate = undefined;
      }
      if (options.abortAt !== undefined && at >= options.abortAt) {
        controller.error(new Error('the client went away'));
        return;
      }
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

let t: TestServer;
let admin: ApiClient;
let reviewer: ApiClient;
let projectId: number;

const count = (sql: string, ...args: unknown[]) => (t.db.$client.prepare(sql).get(...args) as { n: number }).n;
const tmCount = () => count('select count(*) as n from tm_units where project_id = ?', projectId);
const staged = () => count('select count(*) as n from tm_import_units');
const imports = () => count('select count(*) as n from tm_imports');

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** Posts a TMX body; a stream goes with its Content-Length, as a browser's file upload does. */
function postTmx(c: ApiClient, body: BodyInit, length?: number) {
  const headers: Record<string, string> = { 'content-type': 'application/x-tmx+xml' };
  if (length !== undefined) headers['content-length'] = String(length);
  return c.request('POST', `/api/projects/${projectId}/tm/import`, { body, headers });
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

async function lookup(q: string) {
  const res = await reviewer.get(`/api/projects/${projectId}/tm?q=${encodeURIComponent(q)}`);
  expect(res.status, res.text).toBe(200);
  return res.body.matches as { score: number; tuid: string; target: string; origin: string }[];
}

beforeAll(async () => {
  t = await startTestServer();
  ({ id: projectId, admin } = await t.project('Streamed TM import'));
  reviewer = await t.signIn('tm-reviewer', { projectId, role: 'reviewer' });
}, 60_000);
afterAll(() => t.close());

describe('streamed TMX import', () => {
  it(`imports all ${N} units of a large file sent as a stream, which then match at 100%`, async () => {
    const units = generated(N, '甲');
    const tmx = serializeTmx(units, { creationToolVersion: '1.0' });
    const res = await postTmx(reviewer, streamed(tmx), byteLength(tmx));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ imported: N, skippedEmpty: 0, total: N });
    expect(tmCount()).toBe(N);
    expect([staged(), imports()]).toEqual([0, 0]);
    // File order is kept: the units' ids rise with their position in the file.
    const order = t.db.$client.prepare('select tuid from tm_units where project_id = ? order by id').all(projectId) as { tuid: string }[];
    expect(order.map((r) => r.tuid)).toEqual(units.map((u) => u.tuid));
    const last = units[N - 1];
    expect((await lookup(last.source))[0]).toMatchObject({ score: 100, tuid: last.tuid, target: last.target, origin: 'import' });
  }, 120_000);

  it('imports nothing from a file broken near its end, and names the line', async () => {
    const before = tmCount();
    const units = generated(N, '乙');
    units[N - 3].target = 'The Yangtze River Delta & beyond';
    const tmx = serializeTmx(units, { creationToolVersion: '1.0' }).replace('&amp; beyond', '& beyond');
    const line = tmx.split('\n').findIndex((l) => l.includes('& beyond')) + 1;
    expect(line).toBeGreaterThan((N - 5) * 4);
    const res = await postTmx(reviewer, streamed(tmx), byteLength(tmx));
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe(`line ${line}`);
    expect(res.body.problems[0]).toMatchObject({ line });
    expect(tmCount()).toBe(before);
    expect([staged(), imports()]).toEqual([0, 0]);
    expect((await lookup(units[0].source)).filter((m) => m.score === 100)).toEqual([]);
  }, 120_000);

  it('keeps staged units out of lookups while the upload streams, and lets other writes through meanwhile', async () => {
    const before = tmCount();
    const units = generated(5000, '丙');
    const tmx = serializeTmx(units, { creationToolVersion: '1.0' });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const upload = postTmx(reviewer, streamed(tmx, { chunk: 8 * 1024, pauseAt: Math.floor(tmx.length * 0.6), gate }), byteLength(tmx));
    await until(() => staged() >= 1000, 'the first staged batches');
    // Half-way through: its units are staged, yet no lookup finds them and the TM is unchanged.
    expect(imports()).toBe(1);
    expect((await lookup(units[0].source)).filter((m) => m.score === 100)).toEqual([]);
    expect(tmCount()).toBe(before);
    // Another import writes and publishes on the same connection while the first still streams.
    const small = generated(3, '丁');
    const other = await postTmx(admin, serializeTmx(small, { creationToolVersion: '1.0' }));
    expect(other.status, other.text).toBe(200);
    expect(other.body.imported).toBe(3);
    expect((await lookup(small[1].source))[0]).toMatchObject({ score: 100, tuid: small[1].tuid });
    open();
    const res = await upload;
    expect(res.status, res.text).toBe(200);
    expect(res.body.imported).toBe(5000);
    expect(tmCount()).toBe(before + 5003);
    expect((await lookup(units[0].source))[0]).toMatchObject({ score: 100, tuid: units[0].tuid });
    expect([staged(), imports()]).toEqual([0, 0]);
  }, 120_000);

  it('drops what an aborted upload had staged', async () => {
    const before = tmCount();
    const tmx = serializeTmx(generated(5000, '戊'), { creationToolVersion: '1.0' });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const half = Math.floor(tmx.length / 2);
    const upload = postTmx(reviewer, streamed(tmx, { chunk: 8 * 1024, pauseAt: half, gate, abortAt: half }), byteLength(tmx)).catch((e: unknown) => e);
    await until(() => staged() >= 1000, 'the first staged batches');
    open();
    expect(await upload).toBeInstanceOf(Error);
    await until(() => imports() === 0, 'the aborted import to be dropped');
    expect(staged()).toBe(0);
    expect(tmCount()).toBe(before);
  }, 60_000);
});
