// `npm start` on an empty machine: the server process migrates a new database file, creates the
// first-run accounts and the sample project, writes the credentials file (0600), and on the next
// start finds everything in place without seeding again.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api.ts';
import { spawnServer } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bitext-start-'));
const dbFile = join(dir, 'data', 'bitext.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('first start on an empty database', () => {
  let credentials: { username: string; role: string; password: string }[] = [];

  it('creates the accounts, prints them and writes them to a 0600 file beside the database', async () => {
    const server = await spawnServer(dbFile);
    try {
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
      const file = join(dir, 'data', 'first-run-credentials.txt');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      credentials = lines.map((l) => {
        const [username, role, password] = l.split('\t');
        return { username, role, password };
      });
      expect(credentials.map((c) => [c.username, c.role])).toEqual([
        ['admin', 'admin'],
        ['translator', 'translator'],
        ['reviewer', 'reviewer'],
      ]);
      for (const c of credentials) {
        expect(c.password).toMatch(/^[\w-]{24}$/);
        expect(server.output()).toContain(c.password);
      }
      const reviewer = new ApiClient(server.url);
      await reviewer.login('reviewer', credentials[2].password);
      const me = (await reviewer.get('/api/me')).body;
      expect(me.projects).toEqual([{ id: 1, name: 'Shanghai 15th Five-Year Plan (excerpt)', role: 'reviewer' }]);
      const docs = (await reviewer.get('/api/projects/1/documents')).body;
      expect(docs).toHaveLength(1);
      expect(docs[0].segmentCount).toBeGreaterThan(200);
      const segs = (await reviewer.get(`/api/documents/${docs[0].id}/segments?q=航运服务集聚区`)).body.items;
      expect(segs[0].target).toMatch(/Shipping Service Clusters/);
      expect(segs[0].status).toBe('draft');
      const glossary = (await reviewer.get('/api/projects/1/glossary?q=新质生产力')).body;
      expect(glossary[0].en).toBe('new quality productive forces');
      // `npm start` builds the editor when its build is missing or stale, then serves it at `/`.
      expect(existsSync(new URL('../../dist/web/index.html', import.meta.url))).toBe(true);
      const home = await fetch(server.url + '/');
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      expect(await home.text()).toMatch(/<div id="app"><\/div>/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('starts again on the same file without seeding a second time', async () => {
    const server = await spawnServer(dbFile);
    try {
      expect(server.output()).not.toContain('First-run accounts');
      const c = new ApiClient(server.url);
      await c.login('admin', credentials[0].password);
      expect((await c.get('/api/projects')).body).toHaveLength(1);
      expect((await c.get('/api/projects/1/documents')).body).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});

describe('a port already in use', () => {
  it('is reported in one line and the process exits with status 1', async () => {
    const { createServer } = await import('node:net');
    const { spawnSync } = await import('node:child_process');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: new URL('../../', import.meta.url),
        env: { ...process.env, BITEXT_DB: dbFile, HOST: '127.0.0.1', PORT: String(port) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`bitext: 127.0.0.1:${port} is already in use; set PORT to another port`);
    } finally {
      blocker.close();
    }
  });
});
