// Serves the built editor (dist/web) from the Hono app: files as they are, index.html for any other
// non-API path so the client router can take over (the "history API fallback" of SPA servers), and
// a 404 for a missing file — a path with an extension or under /assets/ is a file request, and
// answering it with index.html would hand the browser HTML where it expects a script.
// `ensureWebBuilt` lets `npm start` build the editor when dist/web is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The checkout the server runs from: sources and Vite are found here whatever the working directory. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the editor bundle is built from: its own folder and the pure modules it imports. */
export const WEB_SOURCES = ['web', 'glossary', 'segments', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Whether `root` lacks a build or holds one older than any of the sources. */
export function webBuildIsStale(root = resolve('dist/web'), sources: string[] = WEB_SOURCES): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((s) => newestMtime(resolve(REPO_ROOT, s)) > built);
}

/** Runs `vite build` (vite.config.ts: root web/) into `outDir`; throws with Vite's output on failure. */
export function buildWebApp(outDir = resolve('dist/web')): void {
  const vite = resolve(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'pipe', cwd: REPO_ROOT });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`vite build of the web editor failed:\n${e.stderr?.toString() ?? ''}${e.stdout?.toString() ?? ''}`);
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html into ${outDir}`);
}

/** Builds the editor when its build is missing or stale; returns whether it built. For `npm start`. */
export function ensureWebBuilt(root = resolve('dist/web'), log: (line: string) => void = () => {}): boolean {
  if (!webBuildIsStale(root)) return false;
  log(`bitext: building the web editor into ${root}`);
  buildWebApp(root);
  return true;
}
