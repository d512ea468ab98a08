// Reliability over a real server and a real SQLite file: concurrent saves of one segment (exactly
// one wins, nothing is lost), a server killed with SIGKILL in the middle of a large import (the
// document is fully there or absent, and the server starts again), and a table of bad inputs that
// each get a 4xx problem, never a 500, and change nothing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, PASSWORD, startTestServer } from '../helpers/api.ts';
import type { TestServer } from '../helpers/api.ts';
import { spawnServer } from '../helpers/process.ts';
import { EXCERPT_EN, EXCERPT_ZH, repeatedSample } from '../helpers/sample.ts';
import { closeDatabase, migrateDatabase, openDatabase } from '../../server/db/index.ts';
import type { Db } from '../../server/db/index.ts';
import { createAccount } from '../../server/accounts.ts';
import { createProject } from '../../server/db/queries/projects.ts';

describe('two clients saving the same segment from the same version', () => {
  let t: TestServer;
  let segmentId: number;
  let a: ApiClient;
  let b: ApiClient;
  beforeAll(async () => {
    t = await startTestServer();
    const p = await t.project();
    a = await t.signIn('translator-a', { projectId: p.id, role: 'translator' });
    b = await t.signIn('translator-b', { projectId: p.id, role: 'translator' });
    const doc = (await p.admin.post(`/api/projects/${p.id}/documents`, { name: 'race', source: EXCERPT_ZH, draft: EXCERPT_EN })).body;
    segmentId = (await a.get(`/api/documents/${doc.id}/segments`)).body.items[2].id;
  });
  afterAll(() => t.close());

  it('lets exactly one win; the other gets 409 with the winner’s text, saves again, and history holds both', async () => {
    const base = (await a.get(`/api/segments/${segmentId}`)).body;
    const textA = base.target.replace('seize', 'grasp');
    const textB = base.target.replace('seize', 'take hold of');
    const [ra, rb] = await Promise.all([
      a.patch(`/api/segments/${segmentId}`, { target: textA }, { 'if-match': `"${base.version}"` }),
      b.patch(`/api/segments/${segmentId}`, { target: textB }, { 'if-match': `"${base.version}"` }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const [winner, loser, loserText] = ra.status === 200 ? [ra, rb, textB] : [rb, ra, textA];
    expect(loser.body.current.target).toBe(winner.body.target);
    expect(loser.body.current.version).toBe(base.version + 1);
    const loserClient = loser === ra ? a : b;
    const retry = await loserClient.patch(`/api/segments/${segmentId}`, { target: loserText }, { 'if-match': `"${loser.body.current.version}"` });
    expect(retry.status).toBe(200);
    const history = (await a.get(`/api/segments/${segmentId}/history`)).body as { targetBefore: string; targetAfter: string; version: number }[];
    expect(history.map((h) => h.targetAfter)).toEqual([winner.body.target, loserText]);
    expect(history[1].targetBefore).toBe(winner.body.target);
  });

  it('lets exactly one of twenty simultaneous saves win', async () => {
    const base = (await a.get(`/api/segments/${segmentId}`)).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).patch(`/api/segments/${segmentId}`, { target: `${base.target} (${i})` }, { 'if-match': `"${base.version}"` })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const after = (await a.get(`/api/segments/${segmentId}`)).body;
    expect(after.version).toBe(base.version + 1);
    const history = (await a.get(`/api/segments/${segmentId}/history`)).body;
    expect(history.at(-1).targetAfter).toBe(after.target);
  });
});

async function seedCrashDatabase(file: string): Promise<number> {
  const db = openDatabase(file);
  migrateDatabase(db);
  const admin = await createAccount(db, { username: 'admin', password: PASSWORD, isAdmin: true });
  const project = createProject(db, { name: '崩溃测试' }, admin.id);
  closeDatabase(db);
  return project.id;
}

function consistency(file: string): { documents: number; complete: boolean; integrity: string } {
  const db: Db = openDatabase(file);
  try {
    const docs = db.$client.prepare('select id, segment_count from documents').all() as { id: number; segment_count: number }[];
    const complete = docs.every((d) => (db.$client.prepare('select count(*) n from segments where document_id = ?').get(d.id) as { n: number }).n === d.segment_count);
    const orphans = (db.$client.prepare('select count(*) n from segments where document_id not in (select id from documents)').get() as { n: number }).n;
    const integrity = (db.$client.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check;
    return { documents: docs.length, complete: complete && orphans === 0, integrity };
  } finally {
    closeDatabase(db);
  }
}

describe('a server killed with SIGKILL in the middle of a large import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 23,000 segments without a draft: the write transaction itself is what the kill has to interrupt.
  const big = repeatedSample(94).source;

  it.each([
    ['while the transaction is writing (the WAL grows)', 'wal'],
    ['right after the request arrives', 'early'],
  ])('leaves the document fully there or absent, %s, and starts again', async (_, when) => {
    const file = join(dir, `${when}.db`);
    const projectId = await seedCrashDatabase(file);
    const server = await spawnServer(file);
    const client = await new ApiClient(server.url).login('admin', PASSWORD);
    const wal = `${file}-wal`;
    const baseline = statSync(wal).size;
    const upload = client.post(`/api/projects/${projectId}/documents`, { name: 'big', source: big }).catch((error: Error) => error);
    const started = Date.now();
    if (when === 'wal') {
      while (statSync(wal).size <= baseline + 256 * 1024 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 1));
    } else {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await server.stop('SIGKILL')).not.toBe(0);
    // In the 'wal' case the kill landed while uncommitted frames were being written.
    if (when === 'wal') expect(statSync(wal).size).toBeGreaterThan(baseline + 256 * 1024);
    const outcome = await upload;
    expect(outcome).toBeInstanceOf(Error);

    const state = consistency(file);
    expect(state.integrity).toBe('ok');
    expect(state.complete).toBe(true);
    expect(state.documents).toBeLessThanOrEqual(1);

    const again = await spawnServer(file);
    try {
      const c = await new ApiClient(again.url).login('admin', PASSWORD);
      expect((await c.get('/api/health')).status).toBe(200);
      const docs = (await c.get(`/api/projects/${projectId}/documents`)).body;
      expect(docs).toHaveLength(state.documents);
      const retry = await c.post(`/api/projects/${projectId}/documents`, { name: 'big', source: big });
      expect(retry.status).toBe(201);
      expect(retry.body.segmentCount).toBeGreaterThan(20_000);
    } finally {
      await again.stop();
    }
    expect(consistency(file)).toMatchObject({ documents: state.documents + 1, complete: true, integrity: 'ok' });
  }, 180_000);
});

describe('bad input', () => {
  let t: TestServer;
  let admin: ApiClient;
  let translator: ApiClient;
  let projectId: number;
  let segment: { id: number; version: number };
  let otherSegmentId: number;

  function snapshot(): string {
    const hash = createHash('sha256');
    for (const table of ['users', 'projects', 'project_members', 'documents', 'segments', 'revisions', 'comments', 'glossary_entries']) {
      hash.update(JSON.stringify(t.db.$client.prepare(`select * from ${table} order by rowid`).all()));
    }
    return hash.digest('hex');
  }

  beforeAll(async () => {
    t = await startTestServer();
    ({ id: projectId, admin } = await t.project());
    translator = await t.signIn('translator', { projectId, role: 'translator' });
    const doc = (await admin.post(`/api/projects/${projectId}/documents`, { name: 'doc', source: EXCERPT_ZH, draft: EXCERPT_EN })).body;
    segment = (await admin.get(`/api/documents/${doc.id}/segments`)).body.items[2];
    const other = await t.project('别的项目');
    const otherDoc = (await other.admin.post(`/api/projects/${other.id}/documents`, { name: 'other', source: EXCERPT_ZH })).body;
    otherSegmentId = (await other.admin.get(`/api/documents/${otherDoc.id}/segments`)).body.items[0].id;
  });
  afterAll(() => t.close());

  const form = (field: string, bytes: Uint8Array, name: string) => {
    const f = new FormData();
    f.append('name', name);
    f.append(field, new Blob([bytes as BlobPart]), name);
    return f;
  };
  const chunkedUpload = (bytes: number) => {
    const chunk = new TextEncoder().encode('{"name":"huge","source":"' + '上'.repeat(1024 * 1024 / 3));
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
  };
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
  const gbkJson = () => Buffer.concat([Buffer.from('{"name":"gbk","source":"'), iconv.encode('把握数字化、智能化、绿色化机遇。', 'gbk'), Buffer.from('"}')]);

  const cases: [string, () => Promise<{ status: number; headers: Headers; body: any }>, number, string][] = [
    ['broken JSON in a save', () => admin.request('PATCH', `/api/segments/${segment.id}`, { body: '{"target": "We will', headers: { 'content-type': 'application/json', 'if-match': `"${segment.version}"` } }), 400, 'body'],
    ['broken JSON in an import', () => admin.request('POST', `/api/projects/${projectId}/documents`, { body: '{name: doc}', headers: { 'content-type': 'application/json' } }), 400, 'body'],
    ['an unknown field', () => admin.patch(`/api/segments/${segment.id}`, { target: 'x', approvedBy: 'me' }, { 'if-match': `"${segment.version}"` }), 422, 'approvedBy'],
    ['a target of the wrong type', () => admin.patch(`/api/segments/${segment.id}`, { target: 42 }, { 'if-match': `"${segment.version}"` }), 422, 'target'],
    ['segment ids of the wrong type', () => admin.post(`/api/documents/1/approve`, { segmentIds: ['1'] }), 422, 'segmentIds.0'],
    ['an empty source', () => admin.post(`/api/projects/${projectId}/documents`, { name: 'empty', source: ' \n\u3000\n' }), 422, 'source'],
    ['a 50 MB upload', () => admin.request('POST', `/api/projects/${projectId}/documents`, { body: JSON.stringify({ name: 'huge', source: '上'.repeat(50 * 1024 * 1024 / 3) }), headers: { 'content-type': 'application/json' } }), 413, 'body'],
    ['a 50 MB upload sent chunked, without Content-Length', () => admin.request('POST', `/api/projects/${projectId}/documents`, { body: chunkedUpload(50 * 1024 * 1024), headers: { 'content-type': 'application/json' } }), 413, 'body'],
    ['a binary file', () => admin.request('POST', `/api/projects/${projectId}/documents`, { body: form('source', PNG, 'scan.png') }), 422, 'source'],
    ['GBK bytes inside a JSON body', () => admin.request('POST', `/api/projects/${projectId}/documents`, { body: gbkJson(), headers: { 'content-type': 'application/json' } }), 422, 'source'],
    ['a form post instead of JSON', () => admin.request('PATCH', `/api/segments/${segment.id}`, { body: 'target=x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'if-match': `"${segment.version}"` } }), 415, 'content-type'],
    ['a method the route does not have', () => admin.request('PUT', `/api/segments/${segment.id}`, { json: { target: 'x' } }), 405, 'method'],
    ['a segment id that does not exist', () => admin.patch('/api/segments/987654', { target: 'x' }, { 'if-match': '"1"' }), 404, 'id'],
    ['a path id that is not a number', () => admin.get('/api/documents/abc/segments'), 400, 'id'],
    ['a document that does not exist', () => admin.post('/api/documents/987654/approve', { segmentIds: [1] }), 404, 'id'],
    ['another project’s segment', () => translator.patch(`/api/segments/${otherSegmentId}`, { target: 'x' }, { 'if-match': '"1"' }), 404, 'id'],
    ['another project’s segment history', () => translator.get(`/api/segments/${otherSegmentId}/history`), 404, 'id'],
    ['a stale version', () => admin.patch(`/api/segments/${segment.id}`, { target: 'x' }, { 'if-match': `"${segment.version + 5}"` }), 409, 'If-Match'],
    ['no session', () => new ApiClient(t.url).patch(`/api/segments/${segment.id}`, { target: 'x' }, { 'if-match': `"${segment.version}"` }), 401, 'cookie'],
    ['a paging limit out of range', () => admin.get(`/api/documents/1/segments?limit=100000`), 400, 'limit'],
  ];

  it.each(cases)('%s gets a 4xx problem naming the field and changes nothing', async (_, send, status, field) => {
    const before = snapshot();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(snapshot()).toBe(before);
  });
});

describe('saves during a large import', () => {
  let t: TestServer;
  afterAll(() => t.close());

  it('keep being answered while the import aligns in its worker thread', async () => {
    t = await startTestServer();
    const p = await t.project();
    const translator = await t.signIn('translator', { projectId: p.id, role: 'translator' });
    const small = (await p.admin.post(`/api/projects/${p.id}/documents`, { name: 'small', source: EXCERPT_ZH, draft: EXCERPT_EN })).body;
    const seg = (await translator.get(`/api/documents/${small.id}/segments`)).body.items[2];
    const big = repeatedSample(40);
    let importDone = false;
    const importing = p.admin.post(`/api/projects/${p.id}/documents`, { name: 'big', source: big.source, draft: big.draft }).then((r) => {
      importDone = true;
      return r;
    });
    // Give the request time to reach the worker, then save ten times in a row.
    await new Promise((r) => setTimeout(r, 300));
    let version = seg.version;
    let answeredDuringImport = 0;
    for (let i = 0; i < 10; i++) {
      const res = await translator.patch(`/api/segments/${seg.id}`, { target: `${seg.target} (${i})` }, { 'if-match': `"${version}"` });
      expect(res.status).toBe(200);
      version = res.body.version;
      if (!importDone) answeredDuringImport++;
    }
    // Were the alignment on the event loop, no save could be answered before the import finished.
    expect(answeredDuringImport).toBeGreaterThan(0);
    const imported = await importing;
    expect(imported.status).toBe(201);
    expect(imported.body.segmentCount).toBeGreaterThan(9000);
  }, 180_000);
});
