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
