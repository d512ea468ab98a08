// Segments, their revisions and comments. A change of target or status is an optimistic update
// (`where id = ? and version = ?`) written in the same transaction as its revision, so a save is
// either fully recorded with its history or not at all, and of two saves from one version exactly one wins.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { comments, documents, revisions, segments, users } from '../schema.ts';
import type { SegmentStatus } from '../../workflow.ts';

export type SegmentRow = typeof segments.$inferSelect;

export interface SegmentWithProject {
  segment: SegmentRow;
  projectId: number;
}

export function getSegment(db: Db, id: number): SegmentRow | undefined {
  return db.select().from(segments).where(eq(segments.id, id)).get();
}

export function getSegmentWithProject(db: Db, id: number): SegmentWithProject | undefined {
  return db
    .select({ segment: segments, projectId: documents.projectId })
    .from(segments)
    .innerJoin(documents, eq(documents.id, segments.documentId))
    .where(eq(segments.id, id))
    .get();
}

export interface SegmentFilter {
  status?: SegmentStatus[];
  /** An outline path; matches the section itself and everything below it. */
  section?: string;
  /** Case-insensitive text searched in source and target. */
  text?: string;
  ids?: number[];
}

function filterWhere(documentId: number, filter: SegmentFilter): SQL {
  const parts: SQL[] = [eq(segments.documentId, documentId)];
  if (filter.status?.length) parts.push(inArray(segments.status, filter.status));
  if (filter.section) {
    parts.push(sql`(${segments.section} = ${filter.section} or substr(${segments.section}, 1, ${filter.section.length + 3}) = ${filter.section + ' › '})`);
  }
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    parts.push(sql`(instr(lower(${segments.source}), ${needle}) > 0 or instr(lower(${segments.target}), ${needle}) > 0)`);
  }
  if (filter.ids) parts.push(inArray(segments.id, filter.ids));
  return and(...parts)!;
}

export function countSegments(db: Db, documentId: number, filter: SegmentFilter = {}): number {
  return db.select({ n: sql<number>`count(*)` }).from(segments).where(filterWhere(documentId, filter)).get()!.n;
}

export function listSegments(db: Db, documentId: number, filter: SegmentFilter = {}, page?: { offset: number; limit: number }): SegmentRow[] {
  const query = db.select().from(segments).where(filterWhere(documentId, filter)).orderBy(asc(segments.idx));
  return page ? query.limit(page.limit).offset(page.offset).all() : query.all();
}

export function countByStatus(db: Db, documentId: number): Record<string, number> {
  const rows = db
    .select({ status: segments.status, n: sql<number>`count(*)` })
    .from(segments)
    .where(eq(segments.documentId, documentId))
    .groupBy(segments.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export interface SegmentUpdate {
  id: number;
  expectedVersion: number;
  target: string;
  status: SegmentStatus;
  userId: number;
  note: string | null;
  /** A comment written in the same transaction (a rejection's or an override's reason). */
  comment?: { body: string; kind: 'rejection' | 'override' };
  now?: number;
}

/** Applies one change; returns the new row, or undefined when the version is stale. */
export function updateSegment(db: Pick<Db, 'transaction'>, change: SegmentUpdate): SegmentRow | undefined {
  return db.transaction((tx) => applyUpdate(tx, change));
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function applyUpdate(tx: Tx, change: SegmentUpdate): SegmentRow | undefined {
  const now = change.now ?? Date.now();
  const before = tx.select({ target: segments.target, status: segments.status }).from(segments).where(eq(segments.id, change.id)).get();
  if (!before) return undefined;
  const row = tx
    .update(segments)
    .set({ target: change.target, status: change.status, version: sql`${segments.version} + 1`, updatedBy: change.userId, updatedAt: now })
    .where(and(eq(segments.id, change.id), eq(segments.version, change.expectedVersion)))
    .returning()
    .get();
  if (!row) return undefined;
  tx.insert(revisions)
    .values({
      segmentId: change.id,
      version: row.version,
      userId: change.userId,
      at: now,
      targetBefore: before.target,
      targetAfter: change.target,
      statusBefore: before.status,
      statusAfter: change.status,
      note: change.note,
    })
    .run();
  if (change.comment) {
    tx.insert(comments).values({ segmentId: change.id, userId: change.userId, body: change.comment.body, kind: change.comment.kind, createdAt: now }).run();
  }
  return row;
}

/** Several changes in one transaction (batch approval): all of them or none. */
export function updateSegments(db: Db, changes: SegmentUpdate[]): (SegmentRow | undefined)[] {
  return db.transaction((tx) => changes.map((change) => applyUpdate(tx, change)));
}

export interface RevisionRow {
  id: number;
  version: number;
  at: number;
  userId: number | null;
  username: string | null;
  targetBefore: string;
  targetAfter: string;
  statusBefore: string;
  statusAfter: string;
  note: string | null;
}

export function listRevisions(db: Db, segmentId: number): RevisionRow[] {
  return db
    .select({
      id: revisions.id,
      version: revisions.version,
      at: revisions.at,
      userId: revisions.userId,
      username: users.username,
      targetBefore: revisions.targetBefore,
      targetAfter: revisions.targetAfter,
      statusBefore: revisions.statusBefore,
      statusAfter: revisions.statusAfter,
      note: revisions.note,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(eq(revisions.segmentId, segmentId))
    .orderBy(asc(revisions.version), asc(revisions.id))
    .all();
}

export function countRevisions(db: Db, segmentIds: number[]): number {
  if (!segmentIds.length) return 0;
  return db.select({ n: sql<number>`count(*)` }).from(revisions).where(inArray(revisions.segmentId, segmentIds)).get()!.n;
}

export interface CommentRow {
  id: number;
  segmentId: number;
  userId: number | null;
  username: string | null;
  body: string;
  kind: 'comment' | 'rejection' | 'override';
  resolved: boolean;
  resolvedBy: number | null;
  resolvedAt: number | null;
  createdAt: number;
}

const commentColumns = {
  id: comments.id,
  segmentId: comments.segmentId,
  userId: comments.userId,
  username: users.username,
  body: comments.body,
  kind: comments.kind,
  resolved: comments.resolved,
  resolvedBy: comments.resolvedBy,
  resolvedAt: comments.resolvedAt,
  createdAt: comments.createdAt,
};

export function listComments(db: Db, segmentId: number): CommentRow[] {
  return db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.userId))
    .where(eq(comments.segmentId, segmentId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

export function getComment(db: Db, id: number): (CommentRow & { projectId: number }) | undefined {
  return db
    .select({ ...commentColumns, projectId: documents.projectId })
    .from(comments)
    .innerJoin(segments, eq(segments.id, comments.segmentId))
    .innerJoin(documents, eq(documents.id, segments.documentId))
    .leftJoin(users, eq(users.id, comments.userId))
    .where(eq(comments.id, id))
    .get();
}

export function insertComment(db: Db, comment: { segmentId: number; userId: number; body: string; now?: number }): number {
  return db
    .insert(comments)
    .values({ segmentId: comment.segmentId, userId: comment.userId, body: comment.body, createdAt: comment.now ?? Date.now() })
    .returning({ id: comments.id })
    .get().id;
}

export function setCommentResolved(db: Db, id: number, resolved: boolean, userId: number, now = Date.now()): void {
  db.update(comments)
    .set({ resolved, resolvedBy: resolved ? userId : null, resolvedAt: resolved ? now : null })
    .where(eq(comments.id, id))
    .run();
}

export function getUsernames(db: Db, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.username]));
}
