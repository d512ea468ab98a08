// Document exchange handlers: TMX and XLIFF exports streamed from keyset-paged rows
// (server/formats/document-export.ts), and XLIFF import applied through the workflow (decideChange)
// and the server's segment-update function, all changes in one transaction.
import type { Context } from 'hono';
import type { AppEnv, Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { getProject } from '../../db/queries/projects.ts';
import { listSegments, updateSegments, type SegmentRow, type SegmentUpdate } from '../../db/queries/segments.ts';
import { documentAccess } from '../../access.ts';
import { Problem } from '../../problem.ts';
import { decideChange, type RequestedChange } from '../../workflow.ts';
import { byteStream, documentTmx, documentXliff } from '../../formats/document-export.ts';
import { primaryLanguage } from '../../formats/tmx.ts';
import { parse as parseXliff, stateOf } from '../../formats/xliff.ts';
import { FormatError, type FormatProblem } from '../../../glossary/formats/format-error.ts';
import { formatProblem, uploadedFile } from './upload.ts';
import { exchangeFormatError } from '../../formats/errors.ts';

function attachmentName(name: string, extension: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'document';
  return `${base}.${extension}`;
}

function download(stream: ReadableStream<Uint8Array>, type: string, filename: string): Response {
  return new Response(stream, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      // RFC 6266: an ASCII fallback plus the UTF-8 name (document names are Chinese).
      'content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
    },
  });
}

export function exportTmx(services: Services, user: SessionUser, documentId: number, status: 'approved' | 'all') {
  const { document } = documentAccess(services, user, documentId);
  const project = getProject(services.db, document.projectId);
  const chunks = documentTmx(services.db, document, { status, exporter: user.username, sourceLang: project?.sourceLang, targetLang: project?.targetLang });
  return download(byteStream(chunks), 'application/x-tmx+xml', attachmentName(document.name, 'tmx'));
}

export function exportXliff(services: Services, user: SessionUser, documentId: number) {
  const { document } = documentAccess(services, user, documentId);
  const project = getProject(services.db, document.projectId);
  const chunks = documentXliff(services.db, document, { sourceLang: project?.sourceLang, targetLang: project?.targetLang });
  return download(byteStream(chunks), 'application/xliff+xml', attachmentName(document.name, 'xlf'));
}

/**
 * Imports a translated XLIFF 2.0 file of this document: units are matched to segments by id; a
 * file naming a segment the document does not have, or whose source text differs from the
 * segment's, is refused whole (422 / 409). Each changed unit goes through the workflow rules
 * (decideChange) as if the importing user had saved it, and all changes are written by the
 * segment-update function in ONE transaction, each with its revision by the importing user; if
 * any change is not allowed, nothing is written. A unit's state counts as a status request only
 * when it differs from the state our export gives the segment's current status, so an untouched
 * unit never changes and an edited target of a rejected segment moves it to draft, as in the editor.
 * Notes are not read back: comments belong to the workbench, the export only shows them.
 */
export async function importXliff(c: Context<AppEnv>, services: Services, user: SessionUser, documentId: number) {
  const { document, role } = documentAccess(services, user, documentId);
  const project = getProject(services.db, document.projectId);
  let doc;
  try {
    doc = await parseXliff(await uploadedFile(c, 'XLIFF file'));
  } catch (error) {
    if (error instanceof FormatError) throw formatProblem(error, 'XLIFF file');
    throw error;
  }

  const problems: FormatProblem[] = [];
  if (project && primaryLanguage(doc.srcLang) !== primaryLanguage(project.sourceLang)) {
    problems.push({ line: doc.line, field: 'xliff/@srcLang', message: `the file's source language ${doc.srcLang} is not the project's ${project.sourceLang}` });
  }
  if (project && doc.trgLang && primaryLanguage(doc.trgLang) !== primaryLanguage(project.targetLang)) {
    problems.push({ line: doc.line, field: 'xliff/@trgLang', message: `the file's target language ${doc.trgLang} is not the project's ${project.targetLang}` });
  }
  if (problems.length) throw formatProblem(exchangeFormatError('xliff', problems), 'XLIFF file');

  // Reading the segments and writing the changes happen with no await between them, inside one
  // immediate transaction, so no other save can slip in between the check and the write.
  const outcome = services.db.$client.transaction(() => {
    const segments = new Map<string, SegmentRow>(listSegments(services.db, documentId).map((s) => [String(s.id), s]));
    const mismatched: FormatProblem[] = [];
    const refused: (FormatProblem & { status: number })[] = [];
    const changes: SegmentUpdate[] = [];
    for (const unit of doc.units) {
      const segment = segments.get(unit.id);
      if (!segment) {
        mismatched.push({ line: unit.line, field: 'unit/@id', message: `unit ${unit.id} is not a segment of document ${documentId}` });
        continue;
      }
      if (unit.source !== segment.source) {
        mismatched.push({ line: unit.line, field: 'unit/segment/source', message: `the source of unit ${unit.id} no longer matches the segment: ${JSON.stringify(segment.source.slice(0, 40))}` });
        continue;
      }
      const request: RequestedChange = {};
      if (unit.hasTarget && unit.target !== segment.target) request.target = unit.target;
      if (unit.state !== stateOf(segment.status)) request.status = unit.status;
      if (request.target === undefined && request.status === undefined) continue;
      const decision = decideChange(role, segment, request);
      if (!decision.ok) {
        refused.push({ line: unit.line, field: decision.field, message: `unit ${unit.id}: ${decision.message}`, status: decision.status });
        continue;
      }
      if (!decision.changed) continue;
      changes.push({ id: segment.id, expectedVersion: segment.version, target: decision.next.target, status: decision.next.status, userId: user.id, note: decision.note ?? 'imported from XLIFF' });
    }
    if (mismatched.length) {
      const unknown = mismatched.some((p) => p.field === 'unit/@id');
      return { problem: formatProblem(exchangeFormatError('xliff', mismatched), 'XLIFF file', unknown ? 422 : 409) };
    }
    if (refused.length) {
      const status = refused.some((p) => p.status === 403) ? 403 : 422;
      return { problem: formatProblem(exchangeFormatError('xliff', refused), 'XLIFF file', status) };
    }
    const rows = updateSegments(services.db, changes);
    if (rows.some((r) => r === undefined)) throw new Problem(409, 'a segment changed while the file was imported; nothing was imported');
    return { rows: rows as SegmentRow[] };
  }).immediate();

  if ('problem' in outcome && outcome.problem) throw outcome.problem;
  const rows = (outcome as { rows: SegmentRow[] }).rows;
  return {
    document: documentId,
    units: doc.units.length,
    updated: rows.length,
    unchanged: doc.units.length - rows.length,
    segments: rows.map((r) => ({ id: r.id, status: r.status, version: r.version })),
  };
}
