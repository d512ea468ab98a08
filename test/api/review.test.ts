// Review over the real server: batch approval refusing segments with QA errors unless a reason is
// given, the document's QA findings from the project glossary, and the stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';

const SOURCE = `一、总体要求

坚持科技创新打头阵，引领发展新质生产力。

到2030年，全社会研发经费投入强度达到4.6%左右。

推动航运贸易联动发展。`;

let t: TestServer;
let admin: ApiClient;
let translator: ApiClient;
let reviewer: ApiClient;
let projectId: number;
let documentId: number;
let segs: { id: number; source: string; version: number }[];

async function save(c: ApiClient, id: number, body: object) {
  const v = (await c.get(`/api/segments/${id}`)).body.version;
  return c.patch(`/api/segments/${id}`, body, { 'if-match': `"${v}"` });
}

beforeAll(async () => {
  t = await startTestServer();
  ({ id: projectId, admin } = await t.project());
  translator = await t.signIn('translator', { projectId, role: 'translator' });
  reviewer = await t.signIn('reviewer', { projectId, role: 'reviewer' });
  const entry = await admin.post(`/api/projects/${projectId}/glossary`, {
    zh: '新质生产力',
    en: 'new quality productive forces',
    forbidden: ['new productive forces'],
  });
  expect(entry.status).toBe(201);
  documentId = (await admin.post(`/api/projects/${projectId}/documents`, { name: 'review', source: SOURCE })).body.id;
  segs = (await admin.get(`/api/documents/${documentId}/segments`)).body.items;
  const targets = [
    'I. General Requirements',
    'We will let sci-tech innovation lead the way and develop new productive forces.',
    'By 2030, R&D spending will reach about 4.6% of GDP.',
    'We will promote the integrated development of shipping and trade.',
  ];
  for (const [i, target] of targets.entries()) await save(translator, segs[i].id, { target, status: 'translated' });
});
afterAll(() => t.close());

describe('QA findings', () => {
  it('report the forbidden rendering from the project glossary as an error', async () => {
    const qa = (await reviewer.get(`/api/documents/${documentId}/qa`)).body;
    const forbidden = qa.findings.filter((f: { check: string }) => f.check === 'term-forbidden');
    expect(forbidden).toHaveLength(1);
    expect(forbidden[0]).toMatchObject({ segmentId: segs[1].id, severity: 'error', term: '新质生产力' });
    expect(qa.bySeverity.error).toBeGreaterThanOrEqual(1);
  });

  it('follow glossary edits at once', async () => {
    const list = (await admin.get(`/api/projects/${projectId}/glossary`)).body;
    await admin.patch(`/api/projects/${projectId}/glossary/${list[0].id}`, { forbidden: [] });
    let qa = (await reviewer.get(`/api/documents/${documentId}/qa`)).body;
    expect(qa.findings.some((f: { check: string }) => f.check === 'term-forbidden')).toBe(false);
    await admin.patch(`/api/projects/${projectId}/glossary/${list[0].id}`, { forbidden: ['new productive forces'] });
    qa = (await reviewer.get(`/api/documents/${documentId}/qa`)).body;
    expect(qa.findings.some((f: { check: string }) => f.check === 'term-forbidden')).toBe(true);
  });
});

describe('batch approval', () => {
  it('is forbidden to translators', async () => {
    const res = await translator.post(`/api/documents/${documentId}/approve`, { segmentIds: [segs[0].id] });
    expect(res.status).toBe(403);
  });

  it('approves clean segments and refuses the one with a QA error, listing its findings', async () => {
    const res = await reviewer.post(`/api/documents/${documentId}/approve`, { segmentIds: segs.map((s) => s.id) });
    expect(res.status).toBe(200);
    expect(res.body.approved.map((s: { id: number }) => s.id).sort()).toEqual([segs[0].id, segs[2].id, segs[3].id].sort());
    expect(res.body.refused).toHaveLength(1);
    expect(res.body.refused[0].id).toBe(segs[1].id);
    expect(res.body.refused[0].findings.map((f: { check: string }) => f.check)).toContain('term-forbidden');
    expect((await reviewer.get(`/api/segments/${segs[1].id}`)).body.status).toBe('translated');
  });

  it('approves the refused segment when the reviewer gives a reason, stored as a comment and in history', async () => {
    const res = await reviewer.post(`/api/documents/${documentId}/approve`, { segmentIds: [segs[1].id], reason: 'client asked for this wording in the 2025 style guide' });
    expect(res.body.approved.map((s: { id: number }) => s.id)).toEqual([segs[1].id]);
    const comments = (await reviewer.get(`/api/segments/${segs[1].id}/comments`)).body;
    expect(comments.at(-1)).toMatchObject({ kind: 'override', body: 'client asked for this wording in the 2025 style guide' });
    const history = (await reviewer.get(`/api/segments/${segs[1].id}/history`)).body;
    expect(history.at(-1).note).toMatch(/^approved despite QA errors/);
  });

  it('refuses segments of other documents without touching them', async () => {
    const other = (await admin.post(`/api/projects/${projectId}/documents`, { name: 'other', source: '推动航运贸易联动发展。' })).body.id;
    const otherSeg = (await admin.get(`/api/documents/${other}/segments`)).body.items[0];
    const res = await reviewer.post(`/api/documents/${documentId}/approve`, { segmentIds: [otherSeg.id] });
    expect(res.body.refused[0].message).toMatch(/not in document/);
    expect((await admin.get(`/api/segments/${otherSeg.id}`)).body.version).toBe(otherSeg.version);
  });
});

describe('stats', () => {
  it('count segments by status, QA errors and words', async () => {
    const stats = (await reviewer.get(`/api/documents/${documentId}/stats`)).body;
    expect(stats.segments).toBe(4);
    expect(stats.byStatus).toEqual({ new: 0, draft: 0, translated: 0, approved: 4, rejected: 0 });
    expect(stats.qa.errors).toBeGreaterThanOrEqual(1);
    expect(stats.words.targetWords).toBeGreaterThan(30);
    expect(stats.words.sourceCharacters).toBeGreaterThan(40);
    expect(stats.progress).toBe(1);
  });
});

describe('QA after an edit', () => {
  it('follows the saved text at once', async () => {
    const fixed = await save(reviewer, segs[1].id, { target: 'We will let sci-tech innovation lead the way and develop new quality productive forces.' });
    expect(fixed.status).toBe(200);
    const qa = (await reviewer.get(`/api/documents/${documentId}/qa`)).body;
    expect(qa.findings.filter((f: { segmentId: number; check: string }) => f.segmentId === segs[1].id && f.check.startsWith('term-'))).toEqual([]);
    const filtered = (await reviewer.get(`/api/documents/${documentId}/segments?check=term-forbidden`)).body;
    expect(filtered.total).toBe(0);
  });
});
