// Project handlers: site admins create projects; project admins manage members (never the last admin).
import type { Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { findUserByUsername } from '../../db/queries/users.ts';
import { countAdmins, createProject, getMemberRole, listMembers, listProjectsForUser, removeMember, setMember } from '../../db/queries/projects.ts';
import type { ProjectRow } from '../../db/queries/projects.ts';
import { projectAccess, requireRole } from '../../access.ts';
import { Problem, fieldProblem } from '../../problem.ts';
import type { Role } from '../../workflow.ts';

function projectJson(p: ProjectRow, role: Role) {
  return { id: p.id, name: p.name, sourceLang: p.sourceLang, targetLang: p.targetLang, role, createdAt: new Date(p.createdAt).toISOString() };
}

export function listProjects(services: Services, user: SessionUser) {
  return listProjectsForUser(services.db, user).map((p) => projectJson(p, p.role));
}

export function createProjectHandler(services: Services, user: SessionUser, body: { name: string; sourceLang?: string; targetLang?: string }) {
  if (!user.isAdmin) throw new Problem(403, 'only site administrators create projects', { errors: [{ field: 'role', message: 'requires site admin' }] });
  return projectJson(createProject(services.db, body, user.id), 'admin');
}

export function getProjectHandler(services: Services, user: SessionUser, id: number) {
  const { project, role } = projectAccess(services, user, id);
  return projectJson(project, role);
}

export function listMembersHandler(services: Services, user: SessionUser, id: number) {
  projectAccess(services, user, id);
  return listMembers(services.db, id).map((m) => ({ ...m, addedAt: new Date(m.addedAt).toISOString() }));
}

export function addMember(services: Services, user: SessionUser, id: number, body: { username: string; role: Role }) {
  const { role } = projectAccess(services, user, id);
  requireRole(role, ['admin'], 'manage members');
  const member = findUserByUsername(services.db, body.username);
  if (!member) throw fieldProblem(422, 'username', `no user '${body.username}'`);
  if (getMemberRole(services.db, id, member.id) === 'admin' && body.role !== 'admin' && countAdmins(services.db, id) <= 1) {
    throw fieldProblem(409, 'role', 'the last admin of a project cannot be demoted');
  }
  setMember(services.db, id, member.id, body.role, user.id);
  return listMembersHandler(services, user, id);
}

export function deleteMember(services: Services, user: SessionUser, id: number, userId: number) {
  const { role } = projectAccess(services, user, id);
  requireRole(role, ['admin'], 'manage members');
  const current = getMemberRole(services.db, id, userId);
  if (!current) throw fieldProblem(404, 'userId', `user ${userId} is not a member of project ${id}`);
  if (current === 'admin' && countAdmins(services.db, id) <= 1) throw fieldProblem(409, 'userId', 'the last admin of a project cannot be removed');
  removeMember(services.db, id, userId, user.id);
  return null;
}
