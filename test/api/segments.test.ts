// Saving segments over the real server: optimistic locking with If-Match, role checks, revisions
// with word diffs, comments, and another project's segment hidden behind 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';
import { EXCERPT_EN, EXCERPT_ZH } from '../helpers/sample.ts';

let t: TestServer;
let admin: ApiClient;
let translator: ApiClient;
let reviewer: ApiClient;
let documentId: number;
let segs: { id: number; source: string; target: string; version: number; status: string }[];

beforeAll(async () => {
  t = await startTestServer();
  const p = await t.project();
  admin = p.admin;
  translator = await t.signIn('translator', { projectId: p.id, role: 'translator' });
  reviewer = await t.signIn('reviewer', { projectId: p.id, role: 'reviewer' });
  const imported = await admin.post(`/api/projects/${p.id}/documents`, { name: 'excerpt', source: EXCERPT_ZH, draft: EXCERPT_EN });
  expect(imported.status).toBe(201);
  documentId = imported.body.id;
  segs = (await admin.get(`/api/documents/${documentId}/segments`)).body.items;
});
afterAll(() => t.close());

async function save(c: ApiClient, id: number, body: object, version?: number) {
  const v = version ?? (await c.get(`/api/segments/${id}`)).body.version;
  return c.patch(`/api/segments/${id}`, body, { 'if-match': `"${v}"` });
}

describe('an imported excerpt', () => {
  it('has its draft English in the targets with status draft and a confidence', () => {
    expect(segs.map((s) => s.source)).toEqual([
      '上海市国民经济和社会发展第十五个五年规划纲要',
      '3. 加快航运数字智能绿色转型',
      '把握数字化、智能化、绿色化机遇，加快形成智慧高效、绿色低碳的航运发展新格局。',
    ]);
    expect(segs[2].target).toMatch(/^We will seize the opportunities of digitalization/);
    expect(segs.every((s) => s.status === 'draft')).toBe(true);
  });
});

describe('PATCH /api/segments/:id', () => {
  it('saves a translator’s edit, returns the new version and an ETag', async () => {
    const s = segs[2];
    const res = await save(translator, s.id, { target: s.target.replace('intelligentization', 'intelligent development'), status: 'translated' }, s.version);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'translated', version: s.version + 1 });
    expect(res.body.target).toContain('intelligent development');
    expect(res.headers.get('etag')).toBe(`"${s.version + 1}"`);
  });

  it('answers 409 with the current segment when the version is stale', async () => {
    const s = segs[2];
    const res = await save(translator, s.id, { target: 'an older idea' }, s.version);
    expect(res.status).toBe(409);
    expect(res.body.current.target).toContain('intelligent development');
    expect(res.body.current.version).toBe(s.version + 1);
  });

  it('answers 428 without If-Match and 400 for a malformed one', async () => {
    const a = await translator.patch(`/api/segments/${segs[1].id}`, { target: 'x' });
    expect(a.status).toBe(428);
    expect(a.body.errors[0].field).toBe('If-Match');
    const b = await translator.patch(`/api/segments/${segs[1].id}`, { target: 'x' }, { 'if-match': 'latest' });
    expect(b.status).toBe(400);
  });

  it('forbids a translator to approve (403) and lets a reviewer approve', async () => {
    const id = segs[2].id;
    const denied = await save(translator, id, { status: 'approved' });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].field).toBe('status');
    const ok = await save(reviewer, id, { status: 'approved' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
  });

  it('forbids a translator to edit the approved segment', async () => {
    const res = await save(translator, segs[2].id, { target: 'changed after approval' });
    expect(res.status).toBe(403);
    expect((await translator.get(`/api/segments/${segs[2].id}`)).body.status).toBe('approved');
  });

  it('returns a reviewer’s edit of an approved segment to translated, keeping the translator’s text in history', async () => {
    const id = segs[2].id;
    const before = (await reviewer.get(`/api/segments/${id}`)).body.target as string;
    const res = await save(reviewer, id, { target: before.replace('seize', 'grasp') });
    expect(res.body.status).toBe('translated');
    const history = (await reviewer.get(`/api/segments/${id}/history`)).body as { user: string; targetBefore: string; targetAfter: string; statusAfter: string; diff: { op: string; text: string }[] }[];
    expect(history.map((h) => [h.user, h.statusAfter])).toEqual([
      ['translator', 'translated'],
      ['reviewer', 'approved'],
      ['reviewer', 'translated'],
    ]);
    expect(history[2].targetBefore).toBe(before);
    expect(history[2].diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'delete', text: 'seize' },
      { op: 'insert', text: 'grasp' },
    ]);
  });

  it('requires a reason to reject and stores it as a comment', async () => {
    const id = segs[1].id;
    await save(translator, id, { status: 'translated' });
    const noReason = await save(reviewer, id, { status: 'rejected' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].field).toBe('reason');
    const ok = await save(reviewer, id, { status: 'rejected', reason: '标题 should be in title case' });
    expect(ok.body.status).toBe('rejected');
    const comments = (await translator.get(`/api/segments/${id}/comments`)).body;
    expect(comments).toMatchObject([{ user: 'reviewer', kind: 'rejection', body: '标题 should be in title case', resolved: false }]);
  });

  it('diffs Chinese text by character', async () => {
    const id = segs[0].id;
    await save(reviewer, id, { target: '上海市国民经济和社会发展规划纲要' });
    await save(reviewer, id, { target: '上海市十五五规划纲要' });
    const history = (await reviewer.get(`/api/segments/${id}/history`)).body;
    const last = history[history.length - 1];
    expect(last.diff).toEqual([
      { op: 'equal', text: '上海市' },
      { op: 'delete', text: '国民经济和社会发展' },
      { op: 'insert', text: '十五五' },
      { op: 'equal', text: '规划纲要' },
    ]);
  });

  it('rejects unknown fields and wrong types, naming them', async () => {
    const a = await save(translator, segs[0].id, { target: 'x', colour: 'red' });
    expect(a.status).toBe(422);
    expect(a.body.errors).toEqual([{ field: 'colour', message: "unknown field 'colour'" }]);
    const b = await save(translator, segs[0].id, { status: 'done' });
    expect(b.status).toBe(422);
    expect(b.body.errors[0].field).toBe('status');
  });
});

describe('comments', () => {
  it('are added by any member and resolved by a reviewer', async () => {
    const id = segs[0].id;
    const added = await translator.post(`/api/segments/${id}/comments`, { body: '“十五五” is the 15th Five-Year Plan period' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ user: 'translator', resolved: false });
    const resolved = await reviewer.patch(`/api/comments/${added.body.id}`, { resolved: true });
    expect(resolved.body.resolved).toBe(true);
  });

  it('take replies that join the thread of the comment they answer, one level deep', async () => {
    const id = segs[1].id;
    const question = await reviewer.post(`/api/segments/${id}/comments`, { body: '“航运”: shipping or maritime?' });
    expect(question.body.replyTo).toBeNull();
    const answer = await translator.post(`/api/segments/${id}/comments`, { body: 'Shipping, as in the Shanghai portal.', replyTo: question.body.id });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ user: 'translator', replyTo: question.body.id });
    // A reply to the reply stays in the same thread.
    const thanks = await reviewer.post(`/api/segments/${id}/comments`, { body: 'Agreed.', replyTo: answer.body.id });
    expect(thanks.body.replyTo).toBe(question.body.id);
    const listed: { id: number; body: string; replyTo: number | null }[] = (await reviewer.get(`/api/segments/${id}/comments`)).body;
    const thread = listed.filter((c) => c.id === question.body.id || c.replyTo === question.body.id);
    expect(thread.map((c) => [c.body, c.replyTo])).toEqual([
      ['“航运”: shipping or maritime?', null],
      ['Shipping, as in the Shanghai portal.', question.body.id],
      ['Agreed.', question.body.id],
    ]);
  });

  it.each([
    ['a comment of another segment', async () => (await translator.post(`/api/segments/${segs[0].id}/comments`, { body: 'elsewhere' })).body.id],
    ['no comment at all', async () => 999_999],
  ])('refuse a reply to %s with 422 naming replyTo, and add nothing', async (_, parentId) => {
    const id = segs[2].id;
    const before = (await translator.get(`/api/segments/${id}/comments`)).body.length;
    const res = await translator.post(`/api/segments/${id}/comments`, { body: 'a reply', replyTo: await parentId() });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['replyTo']);
    expect((await translator.get(`/api/segments/${id}/comments`)).body).toHaveLength(before);
  });
});

describe('another project', () => {
  it('cannot see or touch this project’s segments: 404, and nothing changes', async () => {
    const other = await t.project('另一个项目');
    const id = segs[0].id;
    const before = (await admin.get(`/api/segments/${id}`)).body;
    const stranger = await t.signIn('stranger', { projectId: other.id, role: 'reviewer' });
    expect((await stranger.get(`/api/segments/${id}`)).status).toBe(404);
    expect((await stranger.patch(`/api/segments/${id}`, { target: 'x' }, { 'if-match': `"${before.version}"` })).status).toBe(404);
    expect((await stranger.get(`/api/segments/${id}/history`)).status).toBe(404);
    expect((await stranger.get(`/api/documents/${documentId}/segments`)).status).toBe(404);
    expect((await admin.get(`/api/segments/${id}`)).body).toEqual(before);
  });
});
