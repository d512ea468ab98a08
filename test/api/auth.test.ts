// Accounts over the real server: sign-in sets an HttpOnly SameSite=Lax cookie with an expiry,
// wrong passwords are refused and rate limited, CSRF refuses form posts from foreign origins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer } from '../helpers/api.ts';
import type { TestServer } from '../helpers/api.ts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('passwords', () => {
  it('are scrypt hashes with a per-user salt that verify only the right password', async () => {
    const a = await hashPassword('上海市 password');
    const b = await hashPassword('上海市 password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('上海市 password', a)).toBe(true);
    expect(await verifyPassword('上海市 passwore', a)).toBe(false);
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie with an expiry and answers /api/me', async () => {
    await t.signIn('wang', { isAdmin: false });
    const c = t.client();
    const res = await c.post('/api/auth/login', { username: 'wang', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bitext_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).toMatch(/Expires=/);
    const me = await c.get('/api/me');
    expect(me.body).toMatchObject({ username: 'wang', isAdmin: false, projects: [] });
  });

  it('stores only a hash of the session token', async () => {
    const c = await t.signIn('li');
    const token = c.cookie.split('=')[1];
    const rows = t.db.$client.prepare('select token_hash from sessions').all() as { token_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('ends the session on logout', async () => {
    const c = await t.signIn('zhao');
    const saved = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    c.cookie = saved;
    const me = await c.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it.each([
    ['a wrong password', { username: 'wang', password: 'wrong password' }, 401, 'password'],
    ['an unknown user', { username: 'nobody', password: PASSWORD }, 401, 'password'],
    ['a missing password', { username: 'wang' }, 422, 'password'],
    ['an unknown field', { username: 'wang', password: PASSWORD, remember: true }, 422, 'remember'],
  ])('refuses %s with a problem naming the field', async (_, body, status, field) => {
    const res = await t.client().post('/api/auth/login', body);
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 429 with Retry-After after five failures per username and address, and not for other users', async () => {
    await t.signIn('sun');
    await t.signIn('zhou');
    const c = t.client();
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/login', { username: 'sun', password: 'guess' + i })).status).toBe(401);
    const blocked = await c.post('/api/auth/login', { username: 'sun', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await c.post('/api/auth/login', { username: 'zhou', password: PASSWORD })).status).toBe(200);
  });
});

describe('sign-in rate limit under parallel guessing', () => {
  it('counts attempts before the password check: of 20 parallel wrong passwords at most 5 get 401, the rest 429, and the right one is refused afterwards', async () => {
    const fresh = await startTestServer();
    try {
      await fresh.signIn('zheng');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => fresh.client().post('/api/auth/login', { username: 'zheng', password: `上海 guess ${i}` })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 429).length).toBe(20);
      for (const r of results.filter((r) => r.status === 429)) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(r.body.errors[0].field).toBe('username');
      }
      // The window lasts a minute: the right password from the same address waits it out too.
      const right = await fresh.client().post('/api/auth/login', { username: 'zheng', password: PASSWORD });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(50);
    } finally {
      await fresh.close();
    }
  });

  it('limits one address to 20 failures a minute across usernames, while a success does not use up the budget', async () => {
    const fresh = await startTestServer();
    try {
      const names = ['chen', 'lin', 'huang', 'he', 'luo'];
      for (const name of names) await fresh.signIn(name);
      for (let i = 0; i < 25; i++) expect((await fresh.client().post('/api/auth/login', { username: 'wei', password: PASSWORD })).status).toBe(i < 5 ? 401 : 429);
      const guesses = names.flatMap((name) => [1, 2, 3].map((i) => ({ username: name, password: `密码 ${i}` })));
      const statuses = await Promise.all(guesses.map((g) => fresh.client().post('/api/auth/login', g).then((r) => r.status)));
      expect(statuses.filter((s) => s === 401).length).toBe(15);
      const blocked = await fresh.client().post('/api/auth/login', { username: 'chen', password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.body.errors[0].field).toBe('address');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a form-encoded post from a foreign origin and from no origin at all', async () => {
    const c = await t.signIn('qian');
    const foreign = await c.request('POST', '/api/auth/logout', { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].field).toBe('origin');
    const none = await c.request('POST', '/api/auth/logout', { body: 'x=1', headers: { 'content-type': 'text/plain' }, origin: null });
    expect(none.status).toBe(403);
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('accepts the same request from the server’s own origin', async () => {
    const c = await t.signIn('wu');
    const own = await c.request('POST', '/api/auth/logout', { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(own.status).toBe(204);
  });
});

describe('response headers', () => {
  it('forbid content sniffing and framing by other sites', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('session expiry', () => {
  it('refuses a session cookie after its lifetime', async () => {
    const short = await startTestServer({ sessionTtlMs: 1500 });
    try {
      const c = await short.signIn('liu');
      expect((await c.get('/api/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1700));
      const res = await c.get('/api/me');
      expect(res.status).toBe(401);
      expect(res.body.errors[0]).toEqual({ field: 'cookie', message: 'missing or expired session' });
    } finally {
      await short.close();
    }
  });
});
