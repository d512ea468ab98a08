// Documents: import (JSON or multipart), list, segments with filters, batch approval, QA and stats.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { CHECK_IDS } from '../../../glossary/checks/index.ts';
import type { CheckId } from '../../../glossary/checks/index.ts';
import { DocumentSchema, FindingSchema, IdParam, SegmentSchema, StatusSchema } from '../schemas.ts';
import { approveHandler, getDocumentHandler, importHandler, listDocumentsHandler, listSegmentsHandler, qaHandler, statsHandler } from './handlers.ts';

export const ImportJsonBody = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(300),
    source: z.string().max(20_000_000),
    draft: z.string().max(20_000_000).optional(),
    granularity: z.enum(['sentence', 'clause']).optional(),
  })
  .strict();

/** Documented shape of the multipart form: files `source` and `draft`, any text encoding. */
export const ImportMultipartBody = z
  .object({
    name: z.string().optional().describe('defaults to the source file name'),
    source: z.string().describe('the Chinese source file (UTF-8, UTF-16 with BOM, GB18030/GBK)').meta({ format: 'binary' }),
    draft: z.string().optional().describe('an English draft file').meta({ format: 'binary' }),
    granularity: z.enum(['sentence', 'clause']).optional(),
  })
  .strict();

export const SegmentQuery = z
  .object({
    status: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined;
        const list = v.split(',').map((s) => s.trim()).filter(Boolean);
        for (const s of list) {
          if (!StatusSchema.safeParse(s).success) {
            ctx.addIssue({ code: 'custom', message: `unknown status '${s}'` });
            return z.NEVER;
          }
        }
        return list as z.infer<typeof StatusSchema>[];
      })
      .describe('comma-separated statuses'),
    check: z
      .enum(CHECK_IDS as [CheckId, ...CheckId[]], { error: (issue) => `unknown QA check '${String(issue.input)}'; one of ${CHECK_IDS.join(', ')}` })
      .optional()
      .describe('only segments with a finding of this QA check id'),
    section: z.string().max(500).optional().describe('outline path, e.g. "七 › 1"; includes subsections'),
    q: z.string().max(500).optional().describe('text in source or target (case-insensitive)'),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const ApproveBody = z
  .object({
    segmentIds: z.array(z.number().int().positive()).min(1, 'list at least one segment').max(50_000),
    reason: z.string().trim().min(1).max(10_000).optional().describe('approves segments with QA errors anyway; stored as a comment'),
  })
  .strict();

export function registerDocumentRoutes(r: RouteRegistry): void {
  r.route({ method: 'get', path: '/api/projects/:id/documents', summary: 'Documents of a project', tag: 'documents', params: IdParam, response: z.array(DocumentSchema) }, (i) =>
    listDocumentsHandler(i.services, i.user, i.params.id),
  );
  r.route(
    {
      method: 'post',
      path: '/api/projects/:id/documents',
      summary: 'Import a Chinese source, optionally with an English draft',
      description:
        'JSON {name, source, draft?, granularity?} or multipart files (encoding detected). The source is repaired and segmented, the draft split and aligned; draft sentences fill targets with status draft and the bead confidence. Reviewers and admins only.',
      tag: 'documents',
      params: IdParam,
      body: ImportJsonBody,
      multipart: ImportMultipartBody,
      status: 201,
      response: DocumentSchema.extend({ drafted: z.number().int(), beads: z.number().int() }),
      errors: { 403: 'translators cannot import', 413: 'the body is too large', 422: 'empty or undecodable source' },
    },
    (i) => importHandler(i.c, i.services, i.user, i.params.id),
  );
  r.route({ method: 'get', path: '/api/documents/:id', summary: 'A document with its repairs and source warnings', tag: 'documents', params: IdParam, response: DocumentSchema.extend({ repairs: z.array(z.unknown()), warnings: z.array(z.unknown()), hasDraft: z.boolean() }) }, (i) =>
    getDocumentHandler(i.services, i.user, i.params.id),
  );
  r.route(
    {
      method: 'get',
      path: '/api/documents/:id/segments',
      summary: 'Segments of a document, filtered and paged',
      tag: 'segments',
      params: IdParam,
      query: SegmentQuery,
      response: z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), items: z.array(SegmentSchema) }),
    },
    (i) => listSegmentsHandler(i.services, i.user, i.params.id, i.query),
  );
  r.route(
    {
      method: 'post',
      path: '/api/documents/:id/approve',
      summary: 'Approve listed segments; those with QA errors are refused unless a reason is given',
      tag: 'review',
      params: IdParam,
      body: ApproveBody,
      response: z.object({
        approved: z.array(SegmentSchema),
        refused: z.array(z.object({ id: z.number().int(), message: z.string(), findings: z.array(FindingSchema).optional() })),
      }),
      errors: { 403: 'translators cannot approve' },
    },
    (i) => approveHandler(i.services, i.user, i.params.id, i.body),
  );
  r.route({ method: 'get', path: '/api/documents/:id/qa', summary: 'All glossary/QA findings of the document', tag: 'review', params: IdParam,
      response: z.object({
        total: z.number().int(),
        bySeverity: z.record(z.string(), z.number().int()),
        findings: z.array(FindingSchema.extend({ segmentId: z.number().int(), index: z.number().int() })),
      }) }, (i) =>
    qaHandler(i.services, i.user, i.params.id),
  );
  r.route({ method: 'get', path: '/api/documents/:id/stats', summary: 'Counts by status, QA findings and words', tag: 'review', params: IdParam,
      response: z.object({
        segments: z.number().int(),
        byStatus: z.record(StatusSchema, z.number().int()),
        qa: z.object({ errors: z.number().int(), warnings: z.number().int(), segmentsWithErrors: z.number().int() }),
        words: z.object({ sourceCharacters: z.number().int(), targetWords: z.number().int() }),
        progress: z.number(),
      }) }, (i) =>
    statsHandler(i.services, i.user, i.params.id),
  );
}
