// Projects and their members (one role per member per project).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { projectMembers, projects, users } from '../schema.ts';
import type { Role } from '../../workflow.ts';
import { writeAudit } from './audit.ts';
import { statement } from './prepared.ts';

export type ProjectRow = typeof projects.$inferSelect;

export function getProject(db: Db, id: number): ProjectRow | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

export function getMemberRole(db: Db, projectId: number, userId: number): Role | undefined {
  const row = statement(db, 'select role from project_members where project_id = ? and user_id = ?').get(projectId, userId) as { role: Role } | undefined;
  return row?.role;
}

/** Projects the user belongs to, with their role; a site admin sees every project as admin. */
export function listProjectsForUser(db: Db, user: { id: number; isAdmin: boolean }): (ProjectRow & { role: Role })[] {
  if (user.isAdmin) {
    return db.select().from(projects).orderBy(asc(projects.id)).all().map((p) => ({ ...p, role: 'admin' as Role }));
  }
  return db
    .select({ project: projects, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, user.id))
    .orderBy(asc(projects.id))
    .all()
    .map((r) => ({ ...r.project, role: r.role }));
}

/** Creates the project and makes its creator its admin, in one transaction. */
export function createProject(db: Db, input: { name: string; sourceLang?: string; targetLang?: string }, creatorId: number, now = Date.now()): ProjectRow {
  return db.transaction((tx) => {
    const project = tx
      .insert(projects)
      .values({ name: input.name, sourceLang: input.sourceLang ?? 'zh-CN', targetLang: input.targetLang ?? 'en', createdAt: now, createdBy: creatorId })
      .returning()
      .get();
    tx.insert(projectMembers).values({ projectId: project.id, userId: creatorId, role: 'admin', addedAt: now }).run();
    writeAudit(tx, { userId: creatorId, action: 'project.create', projectId: project.id, detail: { name: input.name } }, now);
    return project;
  });
}

export interface MemberRow {
  userId: number;
  username: string;
  role: Role;
  addedAt: number;
}

export function listMembers(db: Db, projectId: number): MemberRow[] {
  return db
    .select({ userId: users.id, username: users.username, role: projectMembers.role, addedAt: projectMembers.addedAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.username))
    .all();
}

export function setMember(db: Db, projectId: number, userId: number, role: Role, actorId: number | null, now = Date.now()): void {
  db.transaction((tx) => {
    tx.insert(projectMembers)
      .values({ projectId, userId, role, addedAt: now })
      .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role } })
      .run();
    writeAudit(tx, { userId: actorId, action: 'member.set', projectId, detail: { userId, role } }, now);
  });
}

export function removeMember(db: Db, projectId: number, userId: number, actorId: number | null, now = Date.now()): boolean {
  return db.transaction((tx) => {
    const removed = tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
      .run().changes;
    if (removed) writeAudit(tx, { userId: actorId, action: 'member.remove', projectId, detail: { userId } }, now);
    return removed > 0;
  });
}

export function countAdmins(db: Db, projectId: number): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'admin')))
    .get()!.n;
}
