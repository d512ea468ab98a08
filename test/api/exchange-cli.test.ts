// `bitext export tmx` against a real database file written by the real server: the same TMX as the
// HTTP export, in-process and as a subprocess, and clear errors for bad arguments.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/export.ts';
import { parse as parseTmx } from '../../server/formats/tmx.ts';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/api.ts';
import { repoRoot } from '../peers/sample.ts';

const SOURCE = `七、强化国际科技创新中心策源功能

坚持科技创新打头阵，引领发展新质生产力。加快建设具有全球影响力的科技创新中心。

推动长三角一体化发展。`;

let t: TestServer;
let admin: ApiClient;
let documentId: number;

/** The TMX without the header's creation date and exporter, which differ between two exports. */
const body = (tmx: string) => tmx.replace(/<header[^>]*\/>/, '<header/>');

beforeAll(async () => {
  t = await startTestServer();
  let projectId: number;
  ({ id: projectId, admin } = await t.project());
  documentId = (await admin.post(`/api/projects/${projectId}/documents`, { name: 'cli', source: SOURCE })).body.id;
  const segs = (await admin.get(`/api/documents/${documentId}/segments`)).body.items;
  const targets = ['VII. Strengthening the Role of the International Sci-Tech Innovation Center', 'We will let innovation lead the way & develop "new quality productive forces".'];
  for (const [i, target] of targets.entries()) {
    const res = await admin.patch(`/api/segments/${segs[i].id}`, { target, status: 'approved' }, { 'if-match': `"${segs[i].version}"` });
    expect(res.status, res.text).toBe(200);
  }
  const res = await admin.patch(`/api/segments/${segs[2].id}`, { target: 'We will accelerate the building of a center.' }, { 'if-match': `"${segs[2].version}"` });
  expect(res.status).toBe(200);
});
afterAll(() => t.close());

describe('bitext export tmx', () => {
  it.each(['approved', 'all'])('writes the same TMX as the HTTP export with --status %s', async (status) => {
    const io = memoryIO();
    expect(await run(['tmx', '--document', String(documentId), '--status', status, '--db', t.file], io)).toBe(0);
    const http = (await admin.get(`/api/documents/${documentId}/export.tmx?status=${status}`)).text;
    expect(body(io.stdout)).toBe(body(http));
    expect((await parseTmx(io.stdout)).map((u) => u.target)).toHaveLength(status === 'approved' ? 2 : 3);
  });

  it('runs as a real subprocess through bin/bitext.mjs, reading BITEXT_DB', async () => {
    const result = spawnSync('node', [path.join(repoRoot, 'bin', 'bitext.mjs'), 'export', 'tmx', '--document', String(documentId)], {
      encoding: 'utf8',
      cwd: repoRoot,
      env: { ...process.env, BITEXT_DB: t.file },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const units = await parseTmx(result.stdout);
    expect(units.map((u) => u.target)).toEqual(['VII. Strengthening the Role of the International Sci-Tech Innovation Center', 'We will let innovation lead the way & develop "new quality productive forces".']);
  });

  it.each([
    ['no format', ['--document', '1'], 2, /the only format is tmx/],
    ['another format', ['xliff', '--document', '1'], 2, /the only format is tmx/],
    ['no document', ['tmx'], 2, /--document must be a positive integer/],
    ['a bad status', ['tmx', '--document', '1', '--status', 'final'], 2, /--status must be approved or all/],
    ['a missing database', ['tmx', '--document', '1', '--db', '/nonexistent/bitext.db'], 2, /no database at \/nonexistent\/bitext.db/],
  ])('refuses %s with a clear message', async (_name, args, code, message) => {
    const io = memoryIO();
    expect(await run(args, io)).toBe(code);
    expect(io.stderr).toMatch(message);
    expect(io.stdout).toBe('');
  });

  it('says when the document does not exist', async () => {
    const io = memoryIO();
    expect(await run(['tmx', '--document', '424242', '--db', t.file], io)).toBe(1);
    expect(io.stderr).toContain('document 424242 does not exist');
  });

  it('prints its usage with --help', async () => {
    const io = memoryIO();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('usage: bitext export tmx --document ID');
  });
});
