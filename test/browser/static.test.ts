import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { isAssetPath, serveWebApp, webBuildIsStale } from '../../server/static.ts';

describe('serving the built editor from Hono', () => {
  let root: string;
  const app = new Hono();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'bitext-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Bitext Workbench</title><div id="app"></div>');
    writeFileSync(join(root, 'assets', 'index-Ab12.js'), 'console.log("editor")');
    writeFileSync(join(root, 'assets', 'index-Cd34.css'), 'body{}');
    app.get('/api/health', (c) => c.json({ ok: true }));
    expect(serveWebApp(app, root)).toBe(true);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['/', 200, 'text/html', 'Bitext Workbench'],
    ['/signin', 200, 'text/html', 'Bitext Workbench'],
    ['/projects/1/documents/2/review', 200, 'text/html', 'Bitext Workbench'],
    ['/assets/index-Ab12.js', 200, 'text/javascript', 'editor'],
    ['/assets/index-Cd34.css', 200, 'text/css', 'body'],
    ['/assets/index-Missing.js', 404, 'text/plain', 'not found'],
    ['/favicon.ico', 404, 'text/plain', 'not found'],
    ['/assets/..%2F..%2Fetc%2Fpasswd', 404, 'text/plain', 'not found'],
  ])('GET %s answers %i with %s', async (path, status, type, body) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(type);
    expect(await res.text()).toContain(body);
  });

  it('leaves /api to the API: a route answers, an unknown API path is not the editor', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ ok: true });
    const res = await app.request('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Bitext Workbench');
  });

  it('caches hashed assets for good and the index page never', async () => {
    expect((await app.request('/assets/index-Ab12.js')).headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/')).headers.get('cache-control')).toBe('no-cache');
  });

  it('tells file requests from client routes', () => {
    expect(['/assets/a.js', '/robots.txt', '/projects/1', '/signin'].map(isAssetPath)).toEqual([true, true, false, false]);
  });

  it('registers nothing when there is no build', () => {
    expect(serveWebApp(new Hono(), join(root, 'nowhere'))).toBe(false);
  });
});

describe('npm start rebuilding the editor', () => {
  it('calls a build stale when it is missing or older than a source, and fresh otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitext-stale-'));
    try {
      const out = join(dir, 'dist');
      const src = join(dir, 'web');
      mkdirSync(src);
      writeFileSync(join(src, 'App.vue'), '<template><main /></template>');
      expect(webBuildIsStale(out, [src])).toBe(true);
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), '<!doctype html>');
      const t = Date.now() / 1000;
      utimesSync(join(src, 'App.vue'), t - 60, t - 60);
      utimesSync(join(out, 'index.html'), t - 30, t - 30);
      expect(webBuildIsStale(out, [src])).toBe(false);
      utimesSync(join(src, 'App.vue'), t, t);
      expect(webBuildIsStale(out, [src])).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
