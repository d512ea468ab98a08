// Who may see what: every route resolves the caller's role in the project that owns the
// resource. A resource in a project the caller does not belong to is reported as 404, not 403,
// so ids of other projects' documents and segments leak nothing.
import type { Services } from './context.ts';
import type { SessionUser } from './db/queries/users.ts';
import { getMemberRole, getProject } from './db/queries/projects.ts';
import type { ProjectRow } from './db/queries/projects.ts';
import { getDocumentSummary } from './db/queries/documents.ts';
import type { DocumentSummary } from './db/queries/documents.ts';
import { getComment, getSegmentWithProject } from './db/queries/segments.ts';
import type { CommentRow, SegmentRow } from './db/queries/segments.ts';
import { Problem, notFound } from './problem.ts';
import type { Role } from './workflow.ts';

export function roleIn(services: Services, user: SessionUser, projectId: number): Role | undefined {
  if (user.isAdmin) return 'admin';
  return getMemberRole(services.db, projectId, user.id);
}

export function projectAccess(services: Services, user: SessionUser, projectId: number): { project: ProjectRow; role: Role } {
  const project = getProject(services.db, projectId);
  const role = project && roleIn(services, user, projectId);
  if (!project || !role) throw notFound(`project ${projectId}`);
  return { project, role };
}

export function documentAccess(services: Services, user: SessionUser, documentId: number): { document: DocumentSummary; role: Role } {
  const document = getDocumentSummary(services.db, documentId);
  const role = document && roleIn(services, user, document.projectId);
  if (!document || !role) throw notFound(`document ${documentId}`);
  return { document, role };
}

export function segmentAccess(services: Services, user: SessionUser, segmentId: number): { segment: SegmentRow; projectId: number; role: Role } {
  const found = getSegmentWithProject(services.db, segmentId);
  const role = found && roleIn(services, user, found.projectId);
  if (!found || !role) throw notFound(`segment ${segmentId}`);
  return { segment: found.segment, projectId: found.projectId, role };
}

export function commentAccess(services: Services, user: SessionUser, commentId: number): { comment: CommentRow & { projectId: number }; role: Role } {
  const comment = getComment(services.db, commentId);
  const role = comment && roleIn(services, user, comment.projectId);
  if (!comment || !role) throw notFound(`comment ${commentId}`);
  return { comment, role };
}

export function requireRole(role: Role, allowed: Role[], action: string): void {
  if (!allowed.includes(role)) {
    throw new Problem(403, `a ${role} cannot ${action}; this needs the role ${allowed.join(' or ')}`, {
      errors: [{ field: 'role', message: `requires ${allowed.join(' or ')}` }],
    });
  }
}
