// The project glossary over the real server: CRUD with validation, role checks, and TBX import
// (all or nothing) and export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';

const TBX = readFileSync(new URL('../../glossary/data/shanghai-fyp.tbx', import.meta.url), 'utf8');

let t: TestServer;
let admin: ApiClient;
let translator: ApiClient;
let projectId: number;

beforeAll(async () => {
  t = await startTestServer();
  ({ id: projectId, admin } = await t.project());
  translator = await t.signIn('translator', { projectId, role: 'translator' });
});
afterAll(() => t.close());

describe('glossary entries', () => {
  it('are created with defaults, changed and deleted by admins', async () => {
    const created = await admin.post(`/api/projects/${projectId}/glossary`, { zh: '五个中心', en: 'Five Centers', caseSensitive: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ zh: '五个中心', en: 'Five Centers', status: 'preferred', match: 'inflected', variants: [], caseSensitive: true });
    const patched = await admin.patch(`/api/projects/${projectId}/glossary/${created.body.id}`, { variants: ['five centres'] });
    expect(patched.body.variants).toEqual(['five centres']);
    expect((await admin.delete(`/api/projects/${projectId}/glossary/${created.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/projects/${projectId}/glossary`)).body).toEqual([]);
  });

  it('keep every field a PATCH leaves out (deprecating an entry keeps its variants, note and match)', async () => {
    const created = await admin.post(`/api/projects/${projectId}/glossary`, {
      zh: '一带一路', en: 'Belt and Road', variants: ['Belt and Road Initiative'], forbidden: ['One Belt One Road'], note: 'official short form', caseSensitive: true, match: 'prefix',
    });
    const patched = await admin.patch(`/api/projects/${projectId}/glossary/${created.body.id}`, { status: 'deprecated' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      status: 'deprecated', variants: ['Belt and Road Initiative'], forbidden: ['One Belt One Road'], note: 'official short form', caseSensitive: true, match: 'prefix',
    });
    await admin.delete(`/api/projects/${projectId}/glossary/${created.body.id}`);
  });

  it('cannot be changed by translators, who can read them', async () => {
    const res = await translator.post(`/api/projects/${projectId}/glossary`, { zh: '五个中心', en: 'Five Centers' });
    expect(res.status).toBe(403);
    expect((await translator.get(`/api/projects/${projectId}/glossary`)).status).toBe(200);
  });

  it.each([
    ['a missing English rendering', { zh: '五个中心' }, 'en'],
    ['a rendering both accepted and forbidden', { zh: '五个中心', en: 'Five Centers', forbidden: ['five centers'] }, 'forbidden'],
    ['an unknown match mode', { zh: '五个中心', en: 'Five Centers', match: 'fuzzy' }, 'match'],
  ])('refuse %s, naming the field', async (_, body, field) => {
    const res = await admin.post(`/api/projects/${projectId}/glossary`, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('TBX import and export', () => {
  it('imports the shipped glossary and exports it again', async () => {
    const res = await admin.post(`/api/projects/${projectId}/glossary/import`, { format: 'tbx', content: TBX });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBeGreaterThan(100);
    const found = (await admin.get(`/api/projects/${projectId}/glossary?q=${encodeURIComponent('新质生产力')}`)).body;
    expect(found[0]).toMatchObject({ externalId: 'new-quality-productive-forces', en: 'new quality productive forces' });
    const exported = await admin.get(`/api/projects/${projectId}/glossary/export?format=tbx`);
    expect(exported.headers.get('content-type')).toMatch(/tbx/);
    expect(exported.text).toContain('<term>新质生产力</term>');
  });

  it('rejects a broken file whole, naming the line, and keeps the glossary as it was', async () => {
    const before = (await admin.get(`/api/projects/${projectId}/glossary`)).body.length;
    const broken = TBX.replace('<term>新质生产力</term>', '<term></term>');
    const res = await admin.post(`/api/projects/${projectId}/glossary/import`, { format: 'tbx', content: broken, replace: true });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toEqual({ field: 'content:5:zh', message: 'the entry has no Chinese (zh) term' });
    expect((await admin.get(`/api/projects/${projectId}/glossary`)).body.length).toBe(before);
  });
});
