// /api/openapi.json is generated from the same zod schemas that validate requests; every API
// route the app serves must be in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/api.ts';
import type { TestServer } from '../helpers/api.ts';

let t: TestServer;
let doc: { openapi: string; paths: Record<string, Record<string, any>> };
beforeAll(async () => {
  t = await startTestServer();
  const res = await t.client().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and served without signing in', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('lists every API route the app serves, with its method', () => {
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(new Set(served).size).toBeGreaterThanOrEqual(25);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it.each([
    ['post', '/api/auth/login'],
    ['get', '/api/me'],
    ['get', '/api/projects'],
    ['post', '/api/projects'],
    ['get', '/api/projects/{id}/documents'],
    ['post', '/api/projects/{id}/documents'],
    ['get', '/api/documents/{id}/segments'],
    ['patch', '/api/segments/{id}'],
    ['post', '/api/documents/{id}/approve'],
    ['get', '/api/segments/{id}/history'],
    ['get', '/api/segments/{id}/comments'],
    ['post', '/api/segments/{id}/comments'],
    ['patch', '/api/comments/{id}'],
    ['get', '/api/documents/{id}/qa'],
    ['get', '/api/documents/{id}/stats'],
    ['get', '/api/projects/{id}/glossary'],
    ['post', '/api/projects/{id}/glossary'],
    ['patch', '/api/projects/{id}/glossary/{entryId}'],
    ['delete', '/api/projects/{id}/glossary/{entryId}'],
    ['get', '/api/health'],
  ])('documents %s %s from the issue', (method, path) => {
    expect(doc.paths[path]?.[method]).toBeDefined();
  });

  it('describes the segment save body from its strict zod schema', () => {
    const op = doc.paths['/api/segments/{id}'].patch;
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['target', 'status', 'reason']);
    expect(schema.properties.status.enum).toEqual(['new', 'draft', 'translated', 'approved', 'rejected']);
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:If-Match']);
    expect(op.responses['409'].content['application/problem+json']).toBeDefined();
  });

  it('offers both JSON and multipart for document import', () => {
    const content = doc.paths['/api/projects/{id}/documents'].post.requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(content['application/json'].schema.required).toEqual(['name', 'source']);
  });
});

describe('documented response schemas', () => {
  it('match what the routes answer', async () => {
    const { id: projectId, admin } = await t.project();
    const imported = await admin.post(`/api/projects/${projectId}/documents`, { name: '摘录', source: '推动航运贸易联动发展。提升港口服务能级。', draft: 'We will promote the integrated development of shipping and trade. We will upgrade port services.' });
    const documentId = imported.body.id;
    const segments = (await admin.get(`/api/documents/${documentId}/segments`)).body;
    const segmentId = segments.items[0].id;
    const saved = await admin.patch(`/api/segments/${segmentId}`, { target: 'We will promote shipping and trade together.', status: 'translated' }, { 'if-match': `"${segments.items[0].version}"` });
    const comment = await admin.post(`/api/segments/${segmentId}/comments`, { body: '联动 = integrated' });
    const entry = await admin.post(`/api/projects/${projectId}/glossary`, { zh: '航运', en: 'shipping' });
    const calls: [string, string, { status: number; body: unknown }][] = [
      ['get', '/api/health', await t.client().get('/api/health')],
      ['get', '/api/me', await admin.get('/api/me')],
      ['get', '/api/projects', await admin.get('/api/projects')],
      ['get', '/api/projects/:id/members', await admin.get(`/api/projects/${projectId}/members`)],
      ['get', '/api/projects/:id/documents', await admin.get(`/api/projects/${projectId}/documents`)],
      ['post', '/api/projects/:id/documents', imported],
      ['get', '/api/documents/:id', await admin.get(`/api/documents/${documentId}`)],
      ['get', '/api/documents/:id/segments', { status: 200, body: segments }],
      ['patch', '/api/segments/:id', saved],
      ['get', '/api/segments/:id/history', await admin.get(`/api/segments/${segmentId}/history`)],
      ['post', '/api/segments/:id/comments', comment],
      ['get', '/api/segments/:id/comments', await admin.get(`/api/segments/${segmentId}/comments`)],
      ['post', '/api/documents/:id/approve', await admin.post(`/api/documents/${documentId}/approve`, { segmentIds: [segmentId] })],
      ['get', '/api/documents/:id/qa', await admin.get(`/api/documents/${documentId}/qa`)],
      ['get', '/api/documents/:id/stats', await admin.get(`/api/documents/${documentId}/stats`)],
      ['post', '/api/projects/:id/glossary', entry],
      ['get', '/api/projects/:id/glossary', await admin.get(`/api/projects/${projectId}/glossary`)],
    ];
    for (const [method, path, res] of calls) {
      const spec = t.app.registry.specs.find((s) => s.method === method && s.path === path);
      expect(spec?.response, `${method} ${path} documents its response`).toBeDefined();
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      const parsed = spec!.response!.safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues, `${method} ${path}`).toEqual([]);
    }
  });
});
