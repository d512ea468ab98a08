// Serves the built editor (dist/web) from the Hono app: files as they are, index.html for any other
// non-API path so the client router can take over (the "history API fallback" of SPA servers), and
// a 404 for a missing file — a path with an extension or under /assets/ is a file request, and
// answering it with index.html would hand the browser HTML where it expects a script.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether a path names a file (has an extension or lies under /assets/) rather than a client route. */
export function isAssetPath(path: string): boolean {
  return path.startsWith('/assets/') || extname(path) !== '';
}

/**
 * Registers GET/HEAD handlers for the editor built into `root` (default dist/web). Call it after
 * the API routes. Returns false, registering nothing, when `root` has no index.html.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function serveWebApp(app: Hono<any>, root = resolve('dist/web')): boolean {
  const base = resolve(root);
  const indexFile = join(base, 'index.html');
  if (!existsSync(indexFile)) return false;

  const handler = (c: Context) => {
    const path = decodeURIComponent(c.req.path);
    if (path === '/api' || path.startsWith('/api/')) return c.notFound();
    if (!isAssetPath(path)) {
      // Re-read so a rebuild while the server runs is picked up; the file is under 1 kB.
      return c.body(readFileSync(indexFile), 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
    }
    const file = resolve(base, '.' + path);
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return c.body(`not found: ${path}\n`, 404, { 'content-type': 'text/plain; charset=utf-8' });
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Vite puts a content hash in every name under assets/, so those never change.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(readFileSync(file), 200, { 'content-type': type, 'cache-control': cache });
  };
  app.get('*', handler);
  return true;
}
