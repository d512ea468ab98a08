// Creating accounts and changing passwords: shared by first-run seeding, `bitext user` and tests,
// so every account is hashed the same way.
import type { Db } from './db/index.ts';
import { findUserByUsername, insertUser, setPasswordHash } from './db/queries/users.ts';
import type { UserRow } from './db/queries/users.ts';
import { getProject, setMember } from './db/queries/projects.ts';
import { writeAudit } from './db/queries/audit.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Role } from './workflow.ts';

export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

export class AccountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError('password', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
}

export async function createAccount(
  db: Db,
  input: { username: string; password: string; isAdmin?: boolean; projectId?: number; role?: Role; actorId?: number | null },
): Promise<UserRow> {
  if (!USERNAME.test(input.username)) {
    throw new AccountError('username', `'${input.username}' is not a valid username (letters, digits, . _ -; at most 64)`);
  }
  checkPassword(input.password);
  if (findUserByUsername(db, input.username)) throw new AccountError('username', `user '${input.username}' already exists`);
  if (input.projectId !== undefined && !getProject(db, input.projectId)) throw new AccountError('project', `no project ${input.projectId}`);
  const passwordHash = await hashPassword(input.password);
  const user = db.transaction((tx) => {
    const user = insertUser(tx as unknown as Db, { username: input.username, passwordHash, isAdmin: input.isAdmin });
    writeAudit(tx, { userId: input.actorId ?? null, action: 'user.create', projectId: input.projectId, detail: { username: input.username, isAdmin: !!input.isAdmin } });
    return user;
  });
  if (input.projectId !== undefined && input.role) setMember(db, input.projectId, user.id, input.role, input.actorId ?? null);
  return user;
}

export async function changePassword(db: Db, username: string, password: string): Promise<void> {
  const user = findUserByUsername(db, username);
  if (!user) throw new AccountError('username', `no user '${username}'`);
  checkPassword(password);
  setPasswordHash(db, user.id, await hashPassword(password));
  writeAudit(db, { userId: null, action: 'user.passwd', detail: { username } });
}
