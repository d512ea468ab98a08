// Batch saves for the alignment view over the real server: moving English between neighbouring
// segments is all or nothing — every change decided by the workflow like a PATCH, written with its
// own revision, and a stale or forbidden change leaves every segment as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';
import { EXCERPT_EN, EXCERPT_ZH } from '../helpers/sample.ts';

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
let reviewer: ApiClient;
let projectId: number;

beforeAll(async () => {
  t = await startTestServer();
  const p = await t.project();
  admin = p.admin;
  projectId = p.id;
  translator = await t.signIn('translator', { projectId: p.id, role: 'translator' });
  reviewer = await t.signIn('reviewer', { projectId: p.id, role: 'reviewer' });
});
afterAll(() => t.close());

/** A fresh copy of the excerpt (title, heading, one sentence), its draft English in the targets. */
async function freshDocument(): Promise<{ documentId: number; segs: Seg[] }> {
  const imported = await admin.post(`/api/projects/${projectId}/documents`, { name: 'excerpt', source: EXCERPT_ZH, draft: EXCERPT_EN });
  expect(imported.status).toBe(201);
  const segs = (await admin.get(`/api/documents/${imported.body.id}/segments`)).body.items as Seg[];
  expect(segs).toHaveLength(3);
  return { documentId: imported.body.id, segs };
}

async function snapshot(segs: Seg[]) {
  return Promise.all(
    segs.map(async (s) => ({ segment: (await admin.get(`/api/segments/${s.id}`)).body, revisions: (await admin.get(`/api/segments/${s.id}/history`)).body.length })),
  );
}

describe('POST /api/documents/:id/segments/batch', () => {
  it('moves a sentence into its neighbour: both saved, one revision each, answered in the order given', async () => {
    const { documentId, segs } = await freshDocument();
    const [, heading, sentence] = segs;
    const before = await snapshot(segs);
    const merged = `${heading.target} ${sentence.target}`;
    const res = await translator.post(`/api/documents/${documentId}/segments/batch`, {
      changes: [
        { id: sentence.id, version: sentence.version, target: '' },
        { id: heading.id, version: heading.version, target: merged, status: 'translated' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.segments.map((s: Seg) => s.id)).toEqual([sentence.id, heading.id]);
    expect(res.body.segments[0]).toMatchObject({ target: '', status: 'draft', version: sentence.version + 1 });
    expect(res.body.segments[1]).toMatchObject({ target: merged, status: 'translated', version: heading.version + 1 });
    const after = await snapshot(segs);
    expect(after.map((a, i) => a.revisions - before[i].revisions)).toEqual([0, 1, 1]);
    const history = (await admin.get(`/api/segments/${heading.id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ user: 'translator', targetBefore: heading.target, targetAfter: merged, statusAfter: 'translated' });
  });

  it('answers 409 with the stale segments when the second change is stale, and leaves the first unchanged', async () => {
    const { documentId, segs } = await freshDocument();
    const [, heading, sentence] = segs;
    // Someone else saves the sentence first.
    const other = await reviewer.patch(`/api/segments/${sentence.id}`, { target: sentence.target.replace('digitalization', 'digitalisation') }, { 'if-match': `"${sentence.version}"` });
    expect(other.status).toBe(200);
    const before = await snapshot(segs);
    const res = await translator.post(`/api/documents/${documentId}/segments/batch`, {
      changes: [
        { id: heading.id, version: heading.version, target: `${heading.target} ${sentence.target}` },
        { id: sentence.id, version: sentence.version, target: '' },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.current).toHaveLength(1);
    expect(res.body.current[0]).toMatchObject({ id: sentence.id, version: sentence.version + 1 });
    expect(res.body.current[0].target).toContain('digitalisation');
    expect(res.body.errors[0].field).toBe('changes.1.version');
    expect(await snapshot(segs)).toEqual(before);
  });

  it('answers 403 when the role forbids one change, and changes nothing', async () => {
    const { documentId, segs } = await freshDocument();
    const [, heading, sentence] = segs;
    const before = await snapshot(segs);
    const res = await translator.post(`/api/documents/${documentId}/segments/batch`, {
      changes: [
        { id: heading.id, version: heading.version, target: 'Accelerating the digital, intelligent and green transformation of shipping' },
        { id: sentence.id, version: sentence.version, status: 'approved' },
      ],
    });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].field).toBe('changes.1.status');
    expect(await snapshot(segs)).toEqual(before);
  });

  it('lets a reviewer approve and edit together, and a rejection keep its reason as a comment', async () => {
    const { documentId, segs } = await freshDocument();
    const [title, , sentence] = segs;
    const res = await reviewer.post(`/api/documents/${documentId}/segments/batch`, {
      changes: [
        { id: title.id, version: title.version, target: title.target.replace('15th', 'Fifteenth'), status: 'approved' },
        { id: sentence.id, version: sentence.version, status: 'rejected', reason: '“intelligentization” is not English' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.segments.map((s: Seg) => s.status)).toEqual(['approved', 'rejected']);
    const comments = (await reviewer.get(`/api/segments/${sentence.id}/comments`)).body;
    expect(comments.map((c: { body: string }) => c.body)).toContain('“intelligentization” is not English');
  });

  it.each([
    ['no changes', () => ({ changes: [] }), 422, 'changes'],
    ['51 changes', (s: Seg[]) => ({ changes: Array.from({ length: 51 }, () => ({ id: s[0].id, version: s[0].version, target: 'x' })) }), 422, 'changes'],
    ['a change with neither target nor status', (s: Seg[]) => ({ changes: [{ id: s[0].id, version: s[0].version }] }), 422, 'changes.0.target'],
    ['an unknown field', (s: Seg[]) => ({ changes: [{ id: s[0].id, version: s[0].version, target: 'x', confidence: 1 }] }), 422, 'changes.0.confidence'],
    ['the same segment twice', (s: Seg[]) => ({ changes: [0, 0].map(() => ({ id: s[1].id, version: s[1].version, target: 'x' })) }), 422, 'changes.1.id'],
  ])('refuses %s with a problem naming the field, changing nothing', async (_, body, status, field) => {
    const { documentId, segs } = await freshDocument();
    const before = await snapshot(segs);
    const res = await translator.post(`/api/documents/${documentId}/segments/batch`, body(segs));
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await snapshot(segs)).toEqual(before);
  });

  it('refuses a segment of another document (422) and a document of another project (404)', async () => {
    const a = await freshDocument();
    const b = await freshDocument();
    const res = await translator.post(`/api/documents/${a.documentId}/segments/batch`, { changes: [{ id: b.segs[1].id, version: b.segs[1].version, target: 'x' }] });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('changes.0.id');
    const stranger = await t.signIn('stranger');
    const hidden = await stranger.post(`/api/documents/${a.documentId}/segments/batch`, { changes: [{ id: a.segs[1].id, version: a.segs[1].version, target: 'x' }] });
    expect(hidden.status).toBe(404);
    expect((await admin.get(`/api/segments/${b.segs[1].id}`)).body.target).toBe(b.segs[1].target);
  });
});
