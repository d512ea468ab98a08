// Segments, their revisions and comments. A change of target or status is an optimistic update
// (`where id = ? and version = ?`) written in the same transaction as its revision, so a save is
// either fully recorded with its history or not at all, and of two saves from one version exactly one wins.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { comments, documents, revisions, segments, users } from '../schema.ts';
import type { SegmentStatus } from '../../workflow.ts';
import { statement } from './prepared.ts';

export type SegmentRow = typeof segments.$inferSelect;

export interface SegmentWithProject {
  segment: SegmentRow;
  projectId: number;
}

const SEGMENT_COLUMNS = `s.id, s.document_id as documentId, s.idx, s.source, s.target, s.status, s.version, s.section, s.heading,
  s.start, s.end, s.raw_start as rawStart, s.raw_end as rawEnd, s.confidence, s.warnings, s.updated_by as updatedBy, s.updated_at as updatedAt`;

/** RETURNING cannot name a table alias. */
const RETURNING_COLUMNS = SEGMENT_COLUMNS.replace(/\bs\./g, '');

type RawSegment = Omit<SegmentRow, 'heading' | 'warnings'> & { heading: number; warnings: string };

function fromRaw(raw: RawSegment): SegmentRow {
  return { ...raw, heading: raw.heading === 1, warnings: JSON.parse(raw.warnings) as unknown[] };
}

export function getSegment(db: Db, id: number): SegmentRow | undefined {
  const raw = statement(db, `select ${SEGMENT_COLUMNS} from segments s where s.id = ?`).get(id) as RawSegment | undefined;
  return raw && fromRaw(raw);
}

export function getSegmentWithProject(db: Db, id: number): SegmentWithProject | undefined {
  const raw = statement(db, `select ${SEGMENT_COLUMNS}, d.project_id as projectId from segments s join documents d on d.id = s.document_id where s.id = ?`).get(id) as
    | (RawSegment & { projectId: number })
    | undefined;
  if (!raw) return undefined;
  const { projectId, ...segment } = raw;
  return { segment: fromRaw(segment), projectId };
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

/** Ids and targets of every `every`-th segment of a document (idx 0, every, 2·every, …), in order: a sample for benches and spot checks. */
export function listSegmentTargetsEvery(db: Db, documentId: number, every: number): { id: number; target: string }[] {
  return statement(db, 'select id, target from segments where document_id = ? and idx % ? = 0 order by idx').all(documentId, every) as { id: number; target: string }[];
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
  /**
   * The target and status the caller read at `expectedVersion`, when it has them: the version check
   * in the update guarantees they are still the row's, which spares a query on the save path.
   */
  before?: { target: string; status: SegmentStatus };
  /** A comment written in the same transaction (a rejection's or an override's reason). */
  comment?: { body: string; kind: 'rejection' | 'override' };
  now?: number;
}

/** Applies one change; returns the new row, or undefined when the version is stale. */
export function updateSegment(db: Db, change: SegmentUpdate): SegmentRow | undefined {
  return db.$client.transaction(() => applyUpdate(db, change)).immediate();
}

function applyUpdate(db: Db, change: SegmentUpdate): SegmentRow | undefined {
  const now = change.now ?? Date.now();
  const before =
    change.before ?? (statement(db, 'select target, status from segments where id = ?').get(change.id) as { target: string; status: string } | undefined);
  if (!before) return undefined;
  const raw = statement(
    db,
    `update segments set target = ?, status = ?, version = version + 1, updated_by = ?, updated_at = ?
     where id = ? and version = ? returning ${RETURNING_COLUMNS}`,
  ).get(change.target, change.status, change.userId, now, change.id, change.expectedVersion) as RawSegment | undefined;
  if (!raw) return undefined;
  statement(
    db,
    `insert into revisions (segment_id, version, user_id, at, target_before, target_after, status_before, status_after, note)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(change.id, raw.version, change.userId, now, before.target, change.target, before.status, change.status, change.note);
  if (change.comment) {
    statement(db, 'insert into comments (segment_id, user_id, body, kind, created_at) values (?, ?, ?, ?, ?)').run(
      change.id,
      change.userId,
      change.comment.body,
      change.comment.kind,
      now,
    );
  }
  return fromRaw(raw);
}

/** Several changes in one transaction (batch approval): all of them or none. */
export function updateSegments(db: Db, changes: SegmentUpdate[]): (SegmentRow | undefined)[] {
  return db.$client.transaction(() => changes.map((change) => applyUpdate(db, change))).immediate();
}

/** One member of a change set: its version is checked; `update` is absent when the change alters nothing. */
export interface ChangeSetItem {
  id: number;
  expectedVersion: number;
  update?: SegmentUpdate;
}

export type ChangeSetResult = { ok: true; rows: SegmentRow[] } | { ok: false; stale: SegmentRow[] };

/**
 * Applies changes that stand or fall together; call inside a transaction. Every version is checked
 * before anything is written, so a stale member leaves all of them untouched and the caller gets the
 * current rows of the stale ones. Rows come back in the order given.
 */
export function applyChangeSet(db: Db, items: ChangeSetItem[]): ChangeSetResult {
  if (items.length === 1 && items[0].update) {
    // One change: the update's own `version = ?` is the check, sparing a query on the save path.
    const row = applyUpdate(db, items[0].update);
    return row ? { ok: true, rows: [row] } : { ok: false, stale: [getSegment(db, items[0].id)!] };
  }
  const versionOf = statement(db, 'select version from segments where id = ?');
  const stale = items.filter((item) => (versionOf.get(item.id) as { version: number } | undefined)?.version !== item.expectedVersion);
  if (stale.length) return { ok: false, stale: stale.map((item) => getSegment(db, item.id)).filter((row): row is SegmentRow => row !== undefined) };
  return { ok: true, rows: items.map((item) => (item.update ? applyUpdate(db, item.update)! : getSegment(db, item.id)!)) };
}

/** A change set in a transaction of its own. */
export function saveChangeSet(db: Db, items: ChangeSetItem[]): ChangeSetResult {
  return db.$client.transaction(() => applyChangeSet(db, items)).immediate();
}

/**
 * Group commit: several independent change sets in ONE transaction, so they share one commit (one
 * fsync under synchronous = FULL). Each set runs in a savepoint of its own (better-sqlite3 turns a
 * nested transaction into SAVEPOINT … RELEASE, ROLLBACK TO on a throw), so a set that fails undoes only
 * itself and comes back as its Error while the others commit.
 */
export function applyChangeSetGroup(db: Db, sets: ChangeSetItem[][]): (ChangeSetResult | Error)[] {
  const inSavepoint = db.$client.transaction((items: ChangeSetItem[]) => applyChangeSet(db, items));
  return db.$client
    .transaction(() =>
      sets.map((items) => {
        try {
          return inSavepoint(items);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    )
    .immediate();
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
  replyTo: number | null;
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
  replyTo: comments.replyTo,
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

export function insertComment(db: Db, comment: { segmentId: number; userId: number; body: string; replyTo?: number | null; now?: number }): number {
  return db
    .insert(comments)
    .values({ segmentId: comment.segmentId, userId: comment.userId, body: comment.body, replyTo: comment.replyTo ?? null, createdAt: comment.now ?? Date.now() })
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

/** Changes whenever any segment of the document changes (every save bumps a version). */
export function documentStamp(db: Db, documentId: number): string {
  const row = statement(db, 'select count(*) n, coalesce(sum(version), 0) v, coalesce(max(updated_at), 0) t from segments where document_id = ?').get(documentId) as {
    n: number;
    v: number;
    t: number;
  };
  return `${row.n}:${row.v}:${row.t}`;
}
