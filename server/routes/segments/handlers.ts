// Segment handlers: reads, saves with If-Match (409 carries the current segment), history with word
// diffs (the diff package; character diffs for Chinese), and comments.
import type { Context } from 'hono';
import { diffChars, diffWords } from 'diff';
import type { AppEnv, Services } from '../../context.ts';
import type { SessionUser } from '../../db/queries/users.ts';
import { insertComment, listComments, listRevisions, listSegments, setCommentResolved } from '../../db/queries/segments.ts';
import type { ChangeSetItem, ChangeSetResult, CommentRow, SegmentRow, SegmentUpdate } from '../../db/queries/segments.ts';
import { canReview, decideChange } from '../../workflow.ts';
import type { Decision, RequestedChange } from '../../workflow.ts';
import { commentAccess, documentAccess, segmentAccess } from '../../access.ts';
import { Problem, fieldProblem } from '../../problem.ts';

export function segmentJson(s: SegmentRow) {
  return {
    id: s.id,
    documentId: s.documentId,
    index: s.idx,
    source: s.source,
    target: s.target,
    status: s.status,
    version: s.version,
    section: s.section,
    heading: s.heading,
    start: s.start,
    end: s.end,
    rawStart: s.rawStart,
    rawEnd: s.rawEnd,
    confidence: s.confidence,
    warnings: s.warnings,
    updatedBy: s.updatedBy,
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

export function getSegmentHandler(c: Context<AppEnv>, services: Services, user: SessionUser, id: number) {
  const { segment } = segmentAccess(services, user, id);
  c.header('ETag', `"${segment.version}"`);
  return segmentJson(segment);
}

/** Accepts `"3"`, `W/"3"` and a bare `3`. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new Problem(428, 'send If-Match: "<version>" with the version your edit is based on', {
      errors: [{ field: 'If-Match', message: 'missing' }],
    });
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw fieldProblem(400, 'If-Match', `'${header}' is not a segment version such as "3"`);
  return Number(match[1]);
}

function stale(current: SegmentRow, expected: number): Problem {
  return new Problem(409, `segment ${current.id} is at version ${current.version}, not ${expected}; someone saved it first`, {
    errors: [{ field: 'If-Match', message: `stale version ${expected}; current is ${current.version}` }],
    extra: { current: segmentJson(current) },
  });
}

/** The update a decided change writes, or undefined when it alters nothing. */
function updateFor(segment: SegmentRow, expected: number, decision: Decision, user: SessionUser, reason: string | undefined): SegmentUpdate | undefined {
  if (!decision.ok || !decision.changed) return undefined;
  return {
    id: segment.id,
    expectedVersion: expected,
    // The version check in the write guarantees these are still the row's.
    before: { target: segment.target, status: segment.status },
    target: decision.next.target,
    status: decision.next.status,
    userId: user.id,
    note: decision.note,
    comment: decision.next.status === 'rejected' && reason ? { body: reason.trim(), kind: 'rejection' } : undefined,
  };
}

export async function patchSegment(c: Context<AppEnv>, services: Services, user: SessionUser, id: number, body: RequestedChange, ifMatch: string | undefined) {
  const { segment, role } = segmentAccess(services, user, id);
  const expected = parseIfMatch(ifMatch);
  if (segment.version !== expected) throw stale(segment, expected);
  const decision = decideChange(role, segment, body);
  if (!decision.ok) throw fieldProblem(decision.status, decision.field, decision.message);
  if (!decision.changed) {
    c.header('ETag', `"${segment.version}"`);
    return segmentJson(segment);
  }
  const result = await saveChanges(services, [{ id, expectedVersion: expected, update: updateFor(segment, expected, decision, user, body.reason) }]);
  if (!result.ok) throw stale(result.stale[0], expected);
  const row = result.rows[0];
  c.header('ETag', `"${row.version}"`);
  return segmentJson(row);
}

export interface BatchChange extends RequestedChange {
  id: number;
  version: number;
}

function staleSet(current: SegmentRow[], changes: BatchChange[]): Problem {
  const expected = new Map(changes.map((ch, i) => [ch.id, { version: ch.version, i }]));
  return new Problem(409, `${current.length} of the segments changed since you read them; nothing was saved`, {
    errors: current.map((s) => ({ field: `changes.${expected.get(s.id)!.i}.version`, message: `stale version ${expected.get(s.id)!.version} of segment ${s.id}; current is ${s.version}` })),
    extra: { current: current.map(segmentJson) },
  });
}

/**
 * Several segments of one document changed together (the alignment view moving text between
 * neighbours): each change is decided by the workflow exactly as a PATCH is, then all are written in
 * one transaction with a revision each, or none is.
 */
export async function batchSegments(services: Services, user: SessionUser, documentId: number, changes: BatchChange[]) {
  const { role } = documentAccess(services, user, documentId);
  const seen = new Map<number, number>();
  changes.forEach((ch, i) => {
    if (seen.has(ch.id)) throw fieldProblem(422, `changes.${i}.id`, `segment ${ch.id} is already changed by changes.${seen.get(ch.id)}; send one change per segment`);
    seen.set(ch.id, i);
  });
  const rows = new Map(listSegments(services.db, documentId, { ids: changes.map((ch) => ch.id) }).map((s) => [s.id, s]));
  changes.forEach((ch, i) => {
    if (!rows.has(ch.id)) throw fieldProblem(422, `changes.${i}.id`, `segment ${ch.id} is not in document ${documentId}`);
  });
  const staleNow = changes.filter((ch) => rows.get(ch.id)!.version !== ch.version);
  if (staleNow.length) throw staleSet(staleNow.map((ch) => rows.get(ch.id)!), changes);
  const decisions = changes.map((ch) => decideChange(role, rows.get(ch.id)!, ch));
  // A forbidden change outranks an invalid one: the caller learns first what their role cannot do.
  const denied = decisions.map((d, i) => ({ d, i })).filter((x) => !x.d.ok);
  const first = denied.find((x) => !x.d.ok && x.d.status === 403) ?? denied[0];
  if (first && !first.d.ok) throw fieldProblem(first.d.status, `changes.${first.i}.${first.d.field}`, `segment ${changes[first.i].id}: ${first.d.message}`);
  const items: ChangeSetItem[] = changes.map((ch, i) => ({ id: ch.id, expectedVersion: ch.version, update: updateFor(rows.get(ch.id)!, ch.version, decisions[i], user, ch.reason) }));
  const result = await saveChanges(services, items);
  if (!result.ok) throw staleSet(result.stale, changes);
  return { segments: result.rows.map(segmentJson) };
}

/** Where every segment save goes: one change set, written with its revisions all or nothing, group-committed. */
function saveChanges(services: Services, items: ChangeSetItem[]): Promise<ChangeSetResult> {
  return services.saves.save(items);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Word diff for English; character diff when either side contains Chinese (no spaces to split on). */
export function diffTexts(before: string, after: string): { op: 'equal' | 'insert' | 'delete'; text: string }[] {
  const parts = CJK.test(before) || CJK.test(after) ? diffChars(before, after) : diffWords(before, after);
  return parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
}

export function history(services: Services, user: SessionUser, id: number) {
  segmentAccess(services, user, id);
  return listRevisions(services.db, id).map((r) => ({
    id: r.id,
    version: r.version,
    at: new Date(r.at).toISOString(),
    user: r.username,
    statusBefore: r.statusBefore,
    statusAfter: r.statusAfter,
    targetBefore: r.targetBefore,
    targetAfter: r.targetAfter,
    note: r.note,
    diff: diffTexts(r.targetBefore, r.targetAfter),
  }));
}

export function commentJson(c: CommentRow) {
  return {
    id: c.id,
    segmentId: c.segmentId,
    user: c.username,
    body: c.body,
    replyTo: c.replyTo,
    kind: c.kind,
    resolved: c.resolved,
    resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt).toISOString(),
    createdAt: new Date(c.createdAt).toISOString(),
  };
}

export function listCommentsHandler(services: Services, user: SessionUser, id: number) {
  segmentAccess(services, user, id);
  return listComments(services.db, id).map(commentJson);
}

/**
 * Adds a comment, or a reply to one of the segment's comments. Threads are one level deep, as in
 * Matecat and Weblate: a reply to a reply joins the thread of the comment that started it.
 */
export function addComment(services: Services, user: SessionUser, id: number, body: string, replyTo?: number) {
  segmentAccess(services, user, id);
  const existing = listComments(services.db, id);
  let threadStart: number | null = null;
  if (replyTo !== undefined) {
    const parent = existing.find((c) => c.id === replyTo);
    if (!parent) throw fieldProblem(422, 'replyTo', `comment ${replyTo} is not a comment on segment ${id}`);
    threadStart = parent.replyTo ?? parent.id;
  }
  const commentId = insertComment(services.db, { segmentId: id, userId: user.id, body, replyTo: threadStart });
  return commentJson(listComments(services.db, id).find((c) => c.id === commentId)!);
}

export function resolveComment(services: Services, user: SessionUser, id: number, resolved: boolean) {
  const { comment, role } = commentAccess(services, user, id);
  if (comment.userId !== user.id && !canReview(role)) {
    throw fieldProblem(403, 'resolved', 'only the comment’s author, reviewers and admins resolve comments');
  }
  setCommentResolved(services.db, id, resolved, user.id);
  return commentJson(listComments(services.db, comment.segmentId).find((c) => c.id === id)!);
}
