// Projects and their members.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { IdParam, MemberSchema, RoleSchema } from '../schemas.ts';
import { addMember, createProjectHandler, deleteMember, getProjectHandler, listMembersHandler, listProjects } from './handlers.ts';

export const ProjectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
});

export const CreateProjectBody = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    sourceLang: z.string().min(2).max(20).optional(),
    targetLang: z.string().min(2).max(20).optional(),
  })
  .strict();

export const MemberBody = z.object({ username: z.string().min(1).max(100), role: RoleSchema }).strict();
export const MemberParams = z.object({ id: z.coerce.number().int().positive(), userId: z.coerce.number().int().positive() }).strict();

export function registerProjectRoutes(r: RouteRegistry): void {
  r.route({ method: 'get', path: '/api/projects', summary: 'Projects the user belongs to, with their role', tag: 'projects', response: z.array(ProjectSchema) }, ({ services, user }) =>
    listProjects(services, user),
  );
  r.route(
    { method: 'post', path: '/api/projects', summary: 'Create a project (site admins); the creator becomes its admin', tag: 'projects', body: CreateProjectBody, status: 201, response: ProjectSchema, errors: { 403: 'not a site admin' } },
    ({ services, user, body }) => createProjectHandler(services, user, body),
  );
  r.route({ method: 'get', path: '/api/projects/:id', summary: 'One project', tag: 'projects', params: IdParam, response: ProjectSchema }, ({ services, user, params }) =>
    getProjectHandler(services, user, params.id),
  );
  r.route({ method: 'get', path: '/api/projects/:id/members', summary: 'Members of a project with their roles', tag: 'projects', params: IdParam, response: z.array(MemberSchema) }, ({ services, user, params }) =>
    listMembersHandler(services, user, params.id),
  );
  r.route(
    { method: 'post', path: '/api/projects/:id/members', summary: 'Add a member or change their role (project admins)', tag: 'projects', params: IdParam, body: MemberBody, response: z.array(MemberSchema), errors: { 403: 'not a project admin' } },
    ({ services, user, params, body }) => addMember(services, user, params.id, body),
  );
  r.route(
    { method: 'delete', path: '/api/projects/:id/members/:userId', summary: 'Remove a member (project admins)', tag: 'projects', params: MemberParams, status: 204 },
    ({ services, user, params }) => deleteMember(services, user, params.id, params.userId),
  );
}
