// Projects and members: site admins create projects, project admins manage members, and a project
// a user does not belong to is invisible (404, not 403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';

let t: TestServer;
let project: { id: number; admin: ApiClient };
beforeAll(async () => {
  t = await startTestServer();
  project = await t.project('上海市十五五规划纲要');
});
afterAll(() => t.close());

describe('projects', () => {
  it('are created by site admins, who become the project admin', async () => {
    const res = await project.admin.post('/api/projects', { name: '浦东新区规划' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '浦东新区规划', role: 'admin', sourceLang: 'zh-CN', targetLang: 'en' });
    const list = await project.admin.get('/api/projects');
    expect(list.body.map((p: { name: string }) => p.name)).toEqual(['上海市十五五规划纲要', '浦东新区规划']);
  });

  it('cannot be created by an ordinary user', async () => {
    const c = await t.signIn('translator1', { projectId: project.id, role: 'translator' });
    const res = await c.post('/api/projects', { name: 'x' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('are listed only to their members, and another project reads as 404', async () => {
    const outsider = await t.signIn('outsider');
    expect((await outsider.get('/api/projects')).body).toEqual([]);
    const res = await outsider.get(`/api/projects/${project.id}`);
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toEqual({ field: 'id', message: `project ${project.id} not found` });
  });
});

describe('members', () => {
  it('are added and re-roled by project admins only', async () => {
    await t.signIn('reviewer1');
    const added = await project.admin.post(`/api/projects/${project.id}/members`, { username: 'reviewer1', role: 'reviewer' });
    expect(added.status).toBe(200);
    expect(added.body.find((m: { username: string }) => m.username === 'reviewer1').role).toBe('reviewer');
    const reviewer = t.client();
    await reviewer.login('reviewer1', 'correct horse battery staple');
    const denied = await reviewer.post(`/api/projects/${project.id}/members`, { username: 'outsider', role: 'admin' });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].field).toBe('role');
  });

  it('refuses an unknown username and an unknown role, naming the field', async () => {
    const a = await project.admin.post(`/api/projects/${project.id}/members`, { username: 'ghost', role: 'reviewer' });
    expect(a.status).toBe(422);
    expect(a.body.errors[0].field).toBe('username');
    const b = await project.admin.post(`/api/projects/${project.id}/members`, { username: 'outsider', role: 'owner' });
    expect(b.status).toBe(422);
    expect(b.body.errors[0].field).toBe('role');
  });

  it('can be removed, but the last admin cannot', async () => {
    const members = (await project.admin.get(`/api/projects/${project.id}/members`)).body as { userId: number; username: string; role: string }[];
    const reviewer = members.find((m) => m.username === 'reviewer1')!;
    expect((await project.admin.delete(`/api/projects/${project.id}/members/${reviewer.userId}`)).status).toBe(204);
    const admin = members.find((m) => m.role === 'admin')!;
    const res = await project.admin.delete(`/api/projects/${project.id}/members/${admin.userId}`);
    expect(res.status).toBe(409);
  });
});
