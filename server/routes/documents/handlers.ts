// Document handlers: import (JSON or multipart, decoded with segments/decode.ts, prepared in the import
// worker), the segment list with filters, batch approval through the workflow rules, QA and stats.
import type { Context } from 'hono';
import type { AppEnv, Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { getDocument, listDocuments } from '../../db/queries/documents.ts';
import type { DocumentSummary } from '../../db/queries/documents.ts';
import { countByStatus, countSegments, listSegments, updateSegments } from '../../db/queries/segments.ts';
import type { SegmentRow, SegmentUpdate } from '../../db/queries/segments.ts';
import { documentAccess, projectAccess, requireRole } from '../../access.ts';
import { Problem, fieldProblem, zodProblem } from '../../problem.ts';
import { alignmentGlossary, documentFindings } from '../../qa.ts';
import { importDocument } from '../../import.ts';
import { decideChange, STATUSES } from '../../workflow.ts';
import type { SegmentStatus } from '../../workflow.ts';
import { segmentJson } from '../segments/handlers.ts';
import { ImportJsonBody, ImportMultipartBody } from './routes.ts';
import { decodeText, DecodeError } from '../../../segments/decode.ts';

function documentJson(d: DocumentSummary) {
  return { id: d.id, projectId: d.projectId, name: d.name, granularity: d.granularity, segmentCount: d.segmentCount, createdAt: new Date(d.createdAt).toISOString() };
}

export function listDocumentsHandler(services: Services, user: SessionUser, projectId: number) {
  projectAccess(services, user, projectId);
  return listDocuments(services.db, projectId).map(documentJson);
}

export function getDocumentHandler(services: Services, user: SessionUser, id: number) {
  documentAccess(services, user, id);
  const d = getDocument(services.db, id)!;
  return { ...documentJson(d), repairs: d.repairs, warnings: d.warnings, hasDraft: d.rawDraft !== null };
}

type ImportFields = { name: string; source: string; draft?: string; granularity?: 'sentence' | 'clause' };

async function readImportBody(c: Context<AppEnv>): Promise<ImportFields> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (/^application\/([\w.-]+\+)?json$/.test(type)) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw fieldProblem(400, 'body', 'malformed JSON');
    }
    const parsed = ImportJsonBody.safeParse(json);
    if (!parsed.success) throw zodProblem(parsed.error, 'body');
    return parsed.data;
  }
  if (type === 'multipart/form-data') {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch (error) {
      throw fieldProblem(400, 'body', `malformed multipart body: ${error instanceof Error ? error.message : String(error)}`);
    }
    const fields: Record<string, string> = {};
    let sourceName: string | undefined;
    for (const [key, value] of Object.entries(form)) {
      if (Array.isArray(value)) throw fieldProblem(422, key, 'sent more than once');
      if (value instanceof File) {
        const bytes = new Uint8Array(await value.arrayBuffer());
        try {
          fields[key] = decodeText(bytes, value.name || key);
        } catch (error) {
          if (error instanceof DecodeError) throw fieldProblem(422, key, `cannot decode '${value.name || key}': ${error.reason}`);
          throw error;
        }
        if (key === 'source') sourceName = value.name;
      } else {
        fields[key] = value;
      }
    }
    if (!fields.name && sourceName) fields.name = sourceName;
    const parsed = ImportMultipartBody.safeParse(fields);
    if (!parsed.success) throw zodProblem(parsed.error, 'body');
    if (!parsed.data.name?.trim()) throw fieldProblem(422, 'name', 'name is required (or send the source as a named file)');
    return { ...parsed.data, name: parsed.data.name.trim() };
  }
  throw new Problem(415, `send the document as application/json or multipart/form-data (got '${type || 'no content type'}')`, {
    errors: [{ field: 'content-type', message: 'expected application/json or multipart/form-data' }],
  });
}

export async function importHandler(c: Context<AppEnv>, services: Services, user: SessionUser, projectId: number) {
  const { role } = projectAccess(services, user, projectId);
  requireRole(role, ['reviewer', 'admin'], 'import documents');
  const body = await readImportBody(c);
  const result = await importDocument(
    services.db,
    { projectId, name: body.name, source: body.source, draft: body.draft, granularity: body.granularity, userId: user.id },
    alignmentGlossary(services, projectId),
  );
  const { document } = documentAccess(services, user, result.documentId);
  return { ...documentJson(document), drafted: result.drafted, beads: result.beads };
}

export function listSegmentsHandler(
  services: Services,
  user: SessionUser,
  id: number,
  query: { status?: SegmentStatus[]; check?: string; section?: string; q?: string; offset: number; limit: number },
) {
  const { document } = documentAccess(services, user, id);
  const filter = { status: query.status, section: query.section, text: query.q };
  if (query.check) {
    // A QA filter needs the findings of the whole document (some checks look across segments).
    const { segments: all, findings } = documentFindings(services, document.projectId, id);
    const matching = all.filter((s, i) => findings[i].some((f) => f.check === query.check));
    const filtered = listSegments(services.db, id, filter);
    const keep = new Set(matching.map((s) => s.id));
    const items = filtered.filter((s) => keep.has(s.id));
    return { total: items.length, offset: query.offset, limit: query.limit, items: items.slice(query.offset, query.offset + query.limit).map(segmentJson) };
  }
  const total = countSegments(services.db, id, filter);
  const items = listSegments(services.db, id, filter, { offset: query.offset, limit: query.limit });
  return { total, offset: query.offset, limit: query.limit, items: items.map(segmentJson) };
}

export function approveHandler(services: Services, user: SessionUser, id: number, body: { segmentIds: number[]; reason?: string }) {
  const { document, role } = documentAccess(services, user, id);
  requireRole(role, ['reviewer', 'admin'], 'approve segments');
  const { segments: all, findings } = documentFindings(services, document.projectId, id);
  const byId = new Map<number, { segment: SegmentRow; errors: (typeof findings)[number] }>();
  all.forEach((s, i) => byId.set(s.id, { segment: s, errors: findings[i].filter((f) => f.severity === 'error') }));

  const refused: { id: number; message: string; findings?: unknown[] }[] = [];
  const changes: SegmentUpdate[] = [];
  for (const segmentId of new Set(body.segmentIds)) {
    const entry = byId.get(segmentId);
    if (!entry) {
      refused.push({ id: segmentId, message: `segment ${segmentId} is not in document ${id}` });
      continue;
    }
    const { segment, errors } = entry;
    if (segment.status === 'approved') continue;
    const decision = decideChange(role, segment, { status: 'approved' });
    if (!decision.ok) {
      refused.push({ id: segmentId, message: decision.message });
      continue;
    }
    if (errors.length && !body.reason) {
      refused.push({ id: segmentId, message: `${errors.length} QA error(s); give a reason to approve anyway`, findings: errors });
      continue;
    }
    changes.push({
      id: segmentId,
      expectedVersion: segment.version,
      before: { target: segment.target, status: segment.status },
      target: segment.target,
      status: 'approved',
      userId: user.id,
      note: errors.length ? `approved despite QA errors: ${body.reason}` : 'batch approve',
      comment: errors.length && body.reason ? { body: body.reason, kind: 'override' } : undefined,
    });
  }
  const rows = updateSegments(services.db, changes);
  const approved: SegmentRow[] = [];
  rows.forEach((row, i) => {
    if (row) approved.push(row);
    else refused.push({ id: changes[i].id, message: 'changed by someone else meanwhile; reload and approve again' });
  });
  return { approved: approved.map(segmentJson), refused };
}

export function qaHandler(services: Services, user: SessionUser, id: number) {
  const { document } = documentAccess(services, user, id);
  const { segments: all, findings } = documentFindings(services, document.projectId, id);
  const items = all.flatMap((s, i) => findings[i].map((f) => ({ segmentId: s.id, index: s.idx, ...f })));
  const bySeverity = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of items) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  return { total: items.length, bySeverity, findings: items };
}

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function statsHandler(services: Services, user: SessionUser, id: number) {
  const { document } = documentAccess(services, user, id);
  const { segments: all, findings } = documentFindings(services, document.projectId, id);
  const counts = countByStatus(services.db, id);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, counts[s] ?? 0]));
  let errors = 0;
  let warnings = 0;
  let segmentsWithErrors = 0;
  let sourceChars = 0;
  let targetWords = 0;
  all.forEach((s, i) => {
    const e = findings[i].filter((f) => f.severity === 'error').length;
    errors += e;
    warnings += findings[i].filter((f) => f.severity === 'warning').length;
    if (e) segmentsWithErrors++;
    sourceChars += s.source.match(CJK_CHAR)?.length ?? 0;
    targetWords += s.target.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  });
  const done = (byStatus.translated ?? 0) + (byStatus.approved ?? 0);
  return {
    segments: all.length,
    byStatus,
    qa: { errors, warnings, segmentsWithErrors },
    words: { sourceCharacters: sourceChars, targetWords },
    progress: all.length ? done / all.length : 0,
  };
}
