// Accounts and sessions.
import { eq, lte, sql } from 'drizzle-orm';
import { statement } from './prepared.ts';
import type { Db } from '../index.ts';
import { sessions, users } from '../schema.ts';

export type UserRow = typeof users.$inferSelect;

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function insertUser(db: Db, user: { username: string; passwordHash: string; isAdmin?: boolean; now?: number }): UserRow {
  return db
    .insert(users)
    .values({ username: user.username, passwordHash: user.passwordHash, isAdmin: user.isAdmin ?? false, createdAt: user.now ?? Date.now() })
    .returning()
    .get();
}

/** Changing a password ends every session of the account. */
export function setPasswordHash(db: Db, userId: number, passwordHash: string): void {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  });
}

export interface SessionUser {
  sessionId: number;
  id: number;
  username: string;
  isAdmin: boolean;
  expiresAt: number;
}

export function insertSession(db: Db, session: { userId: number; tokenHash: string; now: number; expiresAt: number }): void {
  db.insert(sessions)
    .values({ userId: session.userId, tokenHash: session.tokenHash, createdAt: session.now, expiresAt: session.expiresAt })
    .run();
}

export function findSessionUser(db: Db, tokenHash: string, now: number): SessionUser | undefined {
  const row = statement(
    db,
    `select s.id as sessionId, u.id, u.username, u.is_admin as isAdmin, s.expires_at as expiresAt
     from sessions s join users u on u.id = s.user_id where s.token_hash = ? and s.expires_at > ?`,
  ).get(tokenHash, now) as (Omit<SessionUser, 'isAdmin'> & { isAdmin: number }) | undefined;
  return row && { ...row, isAdmin: row.isAdmin === 1 };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(db: Db, now: number): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
}
