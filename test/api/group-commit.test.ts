// Durable saves: the database commits with synchronous = FULL, and saves are group-committed —
// all saves queued in one turn of the event loop share one transaction (one fsync), each in its own
// savepoint, so a stale or failing save is answered on its own and never undoes the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';
import { SAMPLE_SOURCE } from '../helpers/sample.ts';
import { openDatabase, closeDatabase } from '../../server/db/index.ts';
import { SaveQueue } from '../../server/save-queue.ts';
import { getSegment } from '../../server/db/queries/segments.ts';
import { users } from '../../server/db/schema.ts';

interface Seg {
  id: number;
  source: string;
  target: string;
  version: number;
  status: string;
}

let t: TestServer;
let admin: ApiClient;
let translator: ApiClient;
let segs: Seg[];

beforeAll(async () => {
  t = await startTestServer();
  const p = await t.project();
  admin = p.admin;
  translator = await t.signIn('translator', { projectId: p.id, role: 'translator' });
  const imported = await admin.post(`/api/projects/${p.id}/documents`, { name: 'sample', source: SAMPLE_SOURCE });
  expect(imported.status).toBe(201);
  segs = (await admin.get(`/api/documents/${imported.body.id}/segments?limit=40`)).body.items;
  expect(segs.length).toBe(40);
});
afterAll(() => t.close());

const english = (i: number) => `Sentence ${i}: we will accelerate the digital, intelligent and green transformation of shipping.`;

describe('the database file', () => {
  it('commits with synchronous = FULL, so an answered save survives a power failure', () => {
    const db = openDatabase(`${t.dir}/pragma-check.db`);
    try {
      expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      closeDatabase(db);
    }
  });
});

describe('the save queue', () => {
  it('commits the saves queued in one turn in one transaction; a stale one gets its current row, a failing one undoes only itself', async () => {
    const queue = new SaveQueue(t.db);
    const userId = t.db.select().from(users).all().find((u) => u.username === 'translator')!.id;
    const [a, b, c, d] = segs.slice(34, 38).map((s) => getSegment(t.db, s.id)!);
    const update = (s: typeof a, target: string, who = userId) => ({ id: s.id, expectedVersion: s.version, target, status: 'draft' as const, userId: who, note: null });
    const outcomes = await Promise.allSettled([
      queue.save([{ id: a.id, expectedVersion: a.version, update: update(a, english(1)) }]),
      queue.save([{ id: b.id, expectedVersion: b.version + 5, update: { ...update(b, english(2)), expectedVersion: b.version + 5 } }]),
      // The second change names a user that does not exist: the revision insert fails after the first
      // change was written, and the savepoint must take that write back.
      queue.save([
        { id: c.id, expectedVersion: c.version, update: update(c, english(3)) },
        { id: d.id, expectedVersion: d.version, update: update(d, english(4), 987_654) },
      ]),
      queue.save([{ id: d.id, expectedVersion: d.version, update: update(d, english(5)) }]),
    ]);
    expect(queue.stats).toEqual({ flushes: 1, sets: 4, largestGroup: 4 });
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { ok: true, rows: [{ id: a.id, target: english(1), version: a.version + 1 }] } });
    expect(outcomes[1]).toMatchObject({ status: 'fulfilled', value: { ok: false, stale: [{ id: b.id, version: b.version }] } });
    expect(outcomes[2].status).toBe('rejected');
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(outcomes[3]).toMatchObject({ status: 'fulfilled', value: { ok: true, rows: [{ id: d.id, target: english(5) }] } });
    expect(getSegment(t.db, c.id)).toMatchObject({ target: c.target, version: c.version });
    expect(getSegment(t.db, b.id)).toMatchObject({ target: b.target, version: b.version });
  });
});

describe('parallel saves over HTTP', () => {
  it('answer each request on its own: 30 fresh saves 200 and in the history, a stale one 409, a forbidden one 403', async () => {
    const fresh = segs.slice(0, 30);
    const staleSeg = segs[30];
    const first = await translator.patch(`/api/segments/${staleSeg.id}`, { target: english(100) }, { 'if-match': `"${staleSeg.version}"` });
    expect(first.status).toBe(200);
    const approvedSeg = segs[31];
    const reviewerSave = await admin.patch(`/api/segments/${approvedSeg.id}`, { target: english(101), status: 'approved' }, { 'if-match': `"${approvedSeg.version}"` });
    expect(reviewerSave.status).toBe(200);

    const responses = await Promise.all([
      ...fresh.map((s, i) => translator.patch(`/api/segments/${s.id}`, { target: english(i) }, { 'if-match': `"${s.version}"` })),
      translator.patch(`/api/segments/${staleSeg.id}`, { target: english(200) }, { 'if-match': `"${staleSeg.version}"` }),
      translator.patch(`/api/segments/${approvedSeg.id}`, { target: english(201) }, { 'if-match': `"${approvedSeg.version + 1}"` }),
    ]);
    expect(responses.slice(0, 30).map((r) => r.status)).toEqual(fresh.map(() => 200));
    expect(responses[30].status).toBe(409);
    expect(responses[30].body.current.target).toBe(english(100));
    expect(responses[31].status).toBe(403);
    for (const [i, s] of fresh.entries()) {
      const history = (await admin.get(`/api/segments/${s.id}/history`)).body;
      expect(history.at(-1)).toMatchObject({ version: s.version + 1, targetAfter: english(i), user: 'translator' });
    }
    expect((await admin.get(`/api/segments/${approvedSeg.id}`)).body).toMatchObject({ target: english(101), status: 'approved' });
  });
});
