// Glossary handlers: entries validated with glossary/model.ts's entryProblems, TBX/CSV import and export
// through glossary/formats; every change drops the project's cached term index.
import type { Context } from 'hono';
import type { AppEnv, Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { deleteGlossaryEntry, getGlossaryEntry, insertGlossaryEntries, listGlossary, updateGlossaryEntry } from '../../db/queries/glossary.ts';
import type { EntryFields, GlossaryRow } from '../../db/queries/glossary.ts';
import { projectAccess, requireRole } from '../../access.ts';
import { Problem, fieldProblem, notFound } from '../../problem.ts';
import { invalidateGlossary, toTermEntry } from '../../qa.ts';
import { entryProblems } from '../../../glossary/model.ts';
import type { TermEntry } from '../../../glossary/model.ts';
import * as tbx from '../../../glossary/formats/tbx.ts';
import * as csv from '../../../glossary/formats/csv.ts';
import { FormatError } from '../../../glossary/formats/format-error.ts';

export function entryJson(row: GlossaryRow) {
  return {
    id: row.id,
    externalId: row.externalId,
    zh: row.zh,
    en: row.en,
    variants: row.variants,
    forbidden: row.forbidden,
    note: row.note,
    source: row.source,
    status: row.status,
    caseSensitive: row.caseSensitive,
    match: row.match,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function checkEntry(fields: EntryFields): void {
  const problems = entryProblems({ id: 'new', ...fields });
  if (problems.length) {
    throw new Problem(422, problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems.map((p) => ({ field: p.field, message: p.message })) });
  }
}

function manage(services: Services, user: SessionUser, projectId: number) {
  const { role } = projectAccess(services, user, projectId);
  requireRole(role, ['reviewer', 'admin'], 'change the glossary');
}

export function listEntries(services: Services, user: SessionUser, projectId: number, q?: string) {
  projectAccess(services, user, projectId);
  const needle = q?.trim().toLowerCase();
  return listGlossary(services.db, projectId)
    .filter((e) => !needle || e.zh.includes(needle) || e.en.toLowerCase().includes(needle))
    .map(entryJson);
}

export function createEntry(services: Services, user: SessionUser, projectId: number, body: EntryFields) {
  manage(services, user, projectId);
  checkEntry(body);
  const [row] = insertGlossaryEntries(services.db, projectId, [body], user.id);
  invalidateGlossary(services, projectId);
  return entryJson(row);
}

export function patchEntry(services: Services, user: SessionUser, projectId: number, entryId: number, body: Partial<EntryFields>) {
  manage(services, user, projectId);
  const current = getGlossaryEntry(services.db, projectId, entryId);
  if (!current) throw notFound(`glossary entry ${entryId}`, 'entryId');
  const merged: EntryFields = { ...toTermEntry(current), externalId: current.externalId, ...body };
  checkEntry(merged);
  const row = updateGlossaryEntry(services.db, projectId, entryId, merged, user.id)!;
  invalidateGlossary(services, projectId);
  return entryJson(row);
}

export function removeEntry(services: Services, user: SessionUser, projectId: number, entryId: number) {
  manage(services, user, projectId);
  if (!deleteGlossaryEntry(services.db, projectId, entryId, user.id)) throw notFound(`glossary entry ${entryId}`, 'entryId');
  invalidateGlossary(services, projectId);
  return null;
}

export function entryFields(e: TermEntry): EntryFields {
  return {
    externalId: e.id,
    zh: e.zh,
    en: e.en,
    variants: e.variants,
    forbidden: e.forbidden,
    note: e.note,
    source: e.source,
    status: e.status,
    caseSensitive: e.caseSensitive,
    match: e.match,
  };
}

export function importGlossary(services: Services, user: SessionUser, projectId: number, body: { format: 'tbx' | 'csv'; content: string; replace: boolean }) {
  manage(services, user, projectId);
  let entries: TermEntry[];
  try {
    entries = body.format === 'tbx' ? tbx.parse(body.content) : csv.parse(body.content);
  } catch (error) {
    if (error instanceof FormatError) {
      throw new Problem(422, `the ${error.format.toUpperCase()} file has ${error.problems.length} problem(s)`, {
        errors: error.problems.map((p) => ({ field: `content:${p.line}${p.field ? `:${p.field}` : ''}`, message: p.message })),
      });
    }
    throw fieldProblem(422, 'content', error instanceof Error ? error.message : String(error));
  }
  const rows = insertGlossaryEntries(services.db, projectId, entries.map(entryFields), user.id, body.replace);
  invalidateGlossary(services, projectId);
  return { imported: rows.length, replaced: body.replace };
}

export function exportGlossary(c: Context<AppEnv>, services: Services, user: SessionUser, projectId: number, format: 'tbx' | 'csv') {
  projectAccess(services, user, projectId);
  const entries = listGlossary(services.db, projectId).map(toTermEntry);
  const text = format === 'tbx' ? tbx.serialize(entries) : csv.serialize(entries);
  return c.body(text, 200, {
    'content-type': format === 'tbx' ? 'application/x-tbx+xml; charset=utf-8' : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="glossary-${projectId}.${format}"`,
  });
}
