// A project's glossary: entries kept in the database and used by every QA check and alignment.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { GlossaryEntrySchema, IdParam } from '../schemas.ts';
import { createEntry, exportGlossary, importGlossary, listEntries, patchEntry, removeEntry } from './handlers.ts';

// The fields without defaults: a PATCH must leave out what it does not change (zod 4 applies a
// field's default even inside .partial(), which would wipe variants, note and match settings).
const entryFields = {
  zh: z.string().trim().min(1, 'the Chinese term is missing').max(200),
  en: z.string().trim().min(1, 'the preferred English rendering is missing').max(500),
  variants: z.array(z.string().trim().min(1).max(500)).max(100),
  forbidden: z.array(z.string().trim().min(1).max(500)).max(100),
  note: z.string().max(5000),
  source: z.string().max(2000),
  status: z.enum(['preferred', 'admitted', 'deprecated']),
  caseSensitive: z.boolean(),
  match: z.enum(['exact', 'inflected', 'prefix']),
};

export const EntryBody = z
  .object({
    ...entryFields,
    variants: entryFields.variants.default([]),
    forbidden: entryFields.forbidden.default([]),
    note: entryFields.note.default(''),
    source: entryFields.source.default(''),
    status: entryFields.status.default('preferred'),
    caseSensitive: entryFields.caseSensitive.default(false),
    match: entryFields.match.default('inflected'),
  })
  .strict();

export const EntryPatchBody = z.object(entryFields).partial().strict();
export const EntryParams = z.object({ id: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() }).strict();
export const GlossaryQuery = z.object({ q: z.string().max(200).optional() }).strict();
export const ImportGlossaryBody = z
  .object({
    format: z.enum(['tbx', 'csv']),
    content: z.string().min(1, 'the file is empty').max(10_000_000),
    replace: z.boolean().default(false).describe('replace the whole glossary instead of adding to it'),
  })
  .strict();
export const ExportQuery = z.object({ format: z.enum(['tbx', 'csv']).default('tbx') }).strict();

export function registerGlossaryRoutes(r: RouteRegistry): void {
  r.route({ method: 'get', path: '/api/projects/:id/glossary', summary: 'Glossary entries (q filters zh/en)', tag: 'glossary', params: IdParam, query: GlossaryQuery, response: z.array(GlossaryEntrySchema) }, (i) =>
    listEntries(i.services, i.user, i.params.id, i.query.q),
  );
  r.route(
    { method: 'post', path: '/api/projects/:id/glossary', summary: 'Add an entry (reviewers and admins)', tag: 'glossary', params: IdParam, body: EntryBody, status: 201, response: GlossaryEntrySchema, errors: { 403: 'translators cannot change the glossary' } },
    (i) => createEntry(i.services, i.user, i.params.id, i.body),
  );
  r.route(
    { method: 'patch', path: '/api/projects/:id/glossary/:entryId', summary: 'Change an entry', tag: 'glossary', params: EntryParams, body: EntryPatchBody, response: GlossaryEntrySchema },
    (i) => patchEntry(i.services, i.user, i.params.id, i.params.entryId, i.body),
  );
  r.route({ method: 'delete', path: '/api/projects/:id/glossary/:entryId', summary: 'Delete an entry', tag: 'glossary', params: EntryParams, status: 204 }, (i) =>
    removeEntry(i.services, i.user, i.params.id, i.params.entryId),
  );
  r.route(
    { method: 'post', path: '/api/projects/:id/glossary/import', summary: 'Import a TBX or CSV glossary (all entries or none)', tag: 'glossary', params: IdParam, body: ImportGlossaryBody, errors: { 422: 'the file has problems; errors name line and field' } },
    (i) => importGlossary(i.services, i.user, i.params.id, i.body),
  );
  r.route({ method: 'get', path: '/api/projects/:id/glossary/export', summary: 'The glossary as TBX or CSV', tag: 'glossary', params: IdParam, query: ExportQuery }, (i) =>
    exportGlossary(i.c, i.services, i.user, i.params.id, i.query.format),
  );
}
