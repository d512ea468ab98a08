// Segments: read, save (optimistic locking with If-Match), history and comments.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { CommentSchema, IdParam, SegmentSchema, StatusSchema } from '../schemas.ts';
import { addComment, batchSegments, getSegmentHandler, history, listCommentsHandler, patchSegment, resolveComment } from './handlers.ts';

export const PatchSegmentBody = z
  .object({
    target: z.string().max(100_000, 'target is longer than 100,000 characters').optional(),
    status: StatusSchema.optional(),
    reason: z.string().max(10_000).optional(),
  })
  .strict()
  .refine((b) => b.target !== undefined || b.status !== undefined, { message: 'send target, status or both', path: ['target'] });

export const BatchBody = z
  .object({
    changes: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            version: z.number().int().min(0),
            target: z.string().max(100_000, 'target is longer than 100,000 characters').optional(),
            status: StatusSchema.optional(),
            reason: z.string().max(10_000).optional(),
          })
          .strict()
          .refine((b) => b.target !== undefined || b.status !== undefined, { message: 'send target, status or both', path: ['target'] }),
      )
      .min(1, 'send at least one change')
      .max(50, 'at most 50 changes at once'),
  })
  .strict();

export const CommentBody = z
  .object({
    body: z.string().trim().min(1, 'the comment is empty').max(10_000),
    /** A comment of the same segment this one answers; the reply joins that comment's thread. */
    replyTo: z.number().int().positive().optional(),
  })
  .strict();
export const ResolveBody = z.object({ resolved: z.boolean() }).strict();

export const DiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const RevisionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  at: z.string(),
  user: z.string().nullable(),
  statusBefore: z.string(),
  statusAfter: z.string(),
  targetBefore: z.string(),
  targetAfter: z.string(),
  note: z.string().nullable(),
  diff: z.array(DiffPart),
});

export function registerSegmentRoutes(r: RouteRegistry): void {
  r.route({ method: 'get', path: '/api/segments/:id', summary: 'One segment (ETag carries its version)', tag: 'segments', params: IdParam, response: SegmentSchema }, (i) =>
    getSegmentHandler(i.c, i.services, i.user, i.params.id),
  );
  r.route(
    {
      method: 'patch',
      path: '/api/segments/:id',
      summary: 'Save a segment’s target and/or status',
      description:
        'Requires If-Match: "<version>". Rejecting needs a reason (stored as a comment). A stale version gets 409 whose `current` member is the segment as it now is.',
      tag: 'segments',
      params: IdParam,
      body: PatchSegmentBody,
      headers: { 'If-Match': 'the version the edit was based on, e.g. "3"' },
      response: SegmentSchema,
      errors: { 403: 'the role forbids this change', 409: 'the version is stale; `current` holds the segment', 428: 'If-Match is missing' },
    },
    (i) => patchSegment(i.c, i.services, i.user, i.params.id, i.body, i.c.req.header('if-match')),
  );
  r.route(
    {
      method: 'post',
      path: '/api/documents/:id/segments/batch',
      summary: 'Save several segments of a document together, all or nothing',
      description:
        'Each change carries the version it was based on and is checked by the workflow like PATCH /api/segments/:id; all are written in one transaction, each with its revision, or none. A stale version gets 409 whose `current` member lists the stale segments as they now are; a change the role forbids gets 403. Segments come back in the order given.',
      tag: 'segments',
      params: IdParam,
      body: BatchBody,
      response: z.object({ segments: z.array(SegmentSchema) }),
      errors: { 403: 'the role forbids one of the changes; nothing saved', 409: 'a version is stale; `current` holds the stale segments; nothing saved' },
    },
    (i) => batchSegments(i.services, i.user, i.params.id, i.body.changes),
  );
  r.route({ method: 'get', path: '/api/segments/:id/history', summary: 'Revisions with word-level diffs (Chinese by character)', tag: 'segments', params: IdParam, response: z.array(RevisionSchema) }, (i) =>
    history(i.services, i.user, i.params.id),
  );
  r.route({ method: 'get', path: '/api/segments/:id/comments', summary: 'Comments on a segment', tag: 'comments', params: IdParam, response: z.array(CommentSchema) }, (i) =>
    listCommentsHandler(i.services, i.user, i.params.id),
  );
  r.route({ method: 'post', path: '/api/segments/:id/comments', summary: 'Comment on a segment, or reply to one of its comments (replyTo)', tag: 'comments', params: IdParam, body: CommentBody, status: 201, response: CommentSchema }, (i) =>
    addComment(i.services, i.user, i.params.id, i.body.body, i.body.replyTo),
  );
  r.route(
    { method: 'patch', path: '/api/comments/:id', summary: 'Resolve or reopen a comment (its author, reviewers, admins)', tag: 'comments', params: IdParam, body: ResolveBody, response: CommentSchema },
    (i) => resolveComment(i.services, i.user, i.params.id, i.body.resolved),
  );
}
