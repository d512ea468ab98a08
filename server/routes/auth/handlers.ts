// Sign-in: scrypt verification (constant work for unknown users), rate limiting per username+IP and per IP
// (attempts counted before the password check),
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
  const reservation = services.loginLimiter.reserve(body.username, clientAddress(c));
  if ('wait' in reservation) {
    const { wait, field } = reservation;
    const message = field === 'username' ? `too many failed sign-ins for '${body.username}'` : 'too many failed sign-ins from this address';
    throw new Problem(429, `${message}; try again in ${wait} s`, {
      errors: [{ field, message: 'too many failed attempts' }],
      headers: { 'retry-after': String(wait) },
    });
  }
  const user = findUserByUsername(services.db, body.username);
  // A missing user costs the same scrypt work as a wrong password, so timing does not reveal usernames.
  // The attempt was counted before this await, so parallel guesses cannot all pass the check above.
  const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    writeAudit(services.db, { userId: user?.id ?? null, action: 'auth.login-failed', detail: { username: body.username } });
    throw new Problem(401, 'wrong username or password', { errors: [{ field: 'password', message: 'wrong username or password' }] });
  }
  reservation.succeeded();
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
