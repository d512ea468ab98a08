// Sign-in: scrypt verification (constant work for unknown users), rate limiting per username+IP,
// a random session token whose sha256 is stored, and the HttpOnly SameSite=Lax cookie carrying it.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, Services } from '../../context.ts';
import { SESSION_COOKIE, hashToken } from '../../auth/session.ts';
import { DUMMY_HASH, verifyPassword } from '../../auth/passwords.ts';
import { deleteSession, findUserByUsername, insertSession } from '../../db/queries/users.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { listProjectsForUser } from '../../db/queries/projects.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { Problem } from '../../problem.ts';

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function login(c: Context<AppEnv>, services: Services, body: { username: string; password: string }) {
  const key = `${body.username.toLowerCase()}\u0000${clientAddress(c)}`;
  const wait = services.loginLimiter.retryAfter(key);
  if (wait > 0) {
    throw new Problem(429, `too many failed sign-ins for '${body.username}'; try again in ${wait} s`, {
      errors: [{ field: 'username', message: 'too many failed attempts' }],
      headers: { 'retry-after': String(wait) },
    });
  }
  const user = findUserByUsername(services.db, body.username);
  // A missing user costs the same scrypt work as a wrong password, so timing does not reveal usernames.
  const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    services.loginLimiter.fail(key);
    writeAudit(services.db, { userId: user?.id ?? null, action: 'auth.login-failed', detail: { username: body.username } });
    throw new Problem(401, 'wrong username or password', { errors: [{ field: 'password', message: 'wrong username or password' }] });
  }
  services.loginLimiter.reset(key);
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = now + services.sessionTtlMs;
  insertSession(services.db, { userId: user.id, tokenHash: hashToken(token), now, expiresAt });
  writeAudit(services.db, { userId: user.id, action: 'auth.login' });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: Math.floor(services.sessionTtlMs / 1000),
    expires: new Date(expiresAt),
  });
  return me(services, { sessionId: 0, id: user.id, username: user.username, isAdmin: user.isAdmin, expiresAt });
}

export function logout(c: Context<AppEnv>, services: Services) {
  const tokenHash = c.get('sessionTokenHash');
  if (tokenHash) deleteSession(services.db, tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return null;
}

export function me(services: Services, user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    isAdmin: user.isAdmin,
    projects: listProjectsForUser(services.db, user).map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}
