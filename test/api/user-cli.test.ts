// `bitext user add|passwd` against a real database file, in-process and as a subprocess; the
// accounts it writes sign in through the real server.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/user.ts';
import { ApiClient, startTestServer } from '../helpers/api.ts';
import type { TestServer } from '../helpers/api.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let t: TestServer;
let projectId: number;
beforeAll(async () => {
  t = await startTestServer();
  projectId = (await t.project('上海市十五五规划')).id;
});
afterAll(() => t.close());

describe('bitext user add', () => {
  it('creates a project member whose password comes from stdin, who can then sign in', async () => {
    const io = memoryIO('长江口 navigation 2030\n');
    const code = await run(['add', 'chen', '--role', 'reviewer', '--project', String(projectId), '--password-stdin', '--db', t.file], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toBe(`created user chen as reviewer in project ${projectId}\n`);
    const c = await new ApiClient(t.url).login('chen', '长江口 navigation 2030');
    expect((await c.get('/api/me')).body.projects).toEqual([{ id: projectId, name: '上海市十五五规划', role: 'reviewer' }]);
  });

  it('prints a generated password when none is piped in', async () => {
    const io = memoryIO();
    expect(await run(['add', 'huang', '--site-admin', '--db', t.file], io)).toBe(0);
    const password = /password: (\S+)/.exec(io.stdout)![1];
    const c = await new ApiClient(t.url).login('huang', password);
    expect((await c.get('/api/me')).body.isAdmin).toBe(true);
  });

  it.each([
    ['an existing user', ['add', 'chen', '--password-stdin'], 'a good long password\n', 1, "user 'chen' already exists"],
    ['a role without a project', ['add', 'lin', '--role', 'translator', '--password-stdin'], 'a good long password\n', 2, '--role and --project go together'],
    ['an unknown role', ['add', 'lin', '--role', 'editor', '--project', '1', '--password-stdin'], 'a good long password\n', 2, "--role must be one of translator, reviewer, admin, not 'editor'"],
    ['a project that does not exist', ['add', 'lin', '--role', 'translator', '--project', '99', '--password-stdin'], 'a good long password\n', 1, 'no project 99'],
    ['a short password', ['add', 'lin', '--password-stdin'], 'short\n', 1, 'at least 8 characters'],
    ['a missing name', ['add'], '', 2, 'give the user name'],
  ])('refuses %s', async (_, args, stdin, code, message) => {
    const io = memoryIO(stdin);
    expect(await run([...args, '--db', t.file], io)).toBe(code);
    expect(io.stderr).toContain(message);
  });

  it('refuses a database file that does not exist rather than creating an empty one', async () => {
    const io = memoryIO('a good long password\n');
    expect(await run(['add', 'lin', '--password-stdin', '--db', `${t.dir}/nowhere/bitext.db`], io)).toBe(1);
    expect(io.stderr).toContain('no database at');
  });
});

describe('bitext user passwd', () => {
  it('sets a new password and ends the account’s sessions', async () => {
    const old = await new ApiClient(t.url).login('chen', '长江口 navigation 2030');
    const io = memoryIO('浦东 new password\n');
    expect(await run(['passwd', 'chen', '--password-stdin', '--db', t.file], io)).toBe(0);
    expect((await old.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(t.url).post('/api/auth/login', { username: 'chen', password: '长江口 navigation 2030' })).status).toBe(401);
    await new ApiClient(t.url).login('chen', '浦东 new password');
  });
});

describe('as a subprocess', () => {
  it('runs through bin/bitext.mjs with the password on stdin', async () => {
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'user', 'add', 'zheng', '--role', 'translator', '--project', String(projectId), '--password-stdin', '--db', t.file], {
      cwd: ROOT,
      input: 'subprocess password\n',
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('created user zheng as translator');
    await new ApiClient(t.url).login('zheng', 'subprocess password');
  });
});
