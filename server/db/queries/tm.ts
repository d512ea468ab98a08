// Translation memory and exchange queries: the rows a TMX/XLIFF export streams (keyset pages over
// a document's segments, so memory stays flat and no statement holds the connection between pages),
// the incremental feed an in-memory TM index catches up from, and the staged, streamed TMX import.
// Prepared statements straight on better-sqlite3: an export reads 100,000 rows in about a second.
import type Database from 'better-sqlite3';
import type { Db } from '../index.ts';

export type ExportStatus = 'approved' | 'all';

export interface ExportRow {
  id: number;
  idx: number;
  source: string;
  target: string;
  status: 'new' | 'draft' | 'translated' | 'approved' | 'rejected';
  section: string;
  confidence: number | null;
  updatedAt: number;
  /** Who last saved it as draft/translated (the translator), and when. */
  translator: string | null;
  translatedAt: number | null;
  /** Who last approved it (the reviewer). */
  reviewer: string | null;
  updatedBy: string | null;
  comments: string[];
}

export interface TmUnitRow {
  id: number;
  projectId: number;
  segmentId: number | null;
  documentId: number | null;
  origin: 'segment' | 'import';
  source: string;
  target: string;
  srcLang: string;
  tgtLang: string;
  changedAt: number;
}

export interface NewTmUnit {
  source: string;
  target: string;
  srcLang: string;
  tgtLang: string;
  tuid?: string;
  creationId?: string;
  changeId?: string;
  createdAt?: number;
  changedAt?: number;
}

const NO_COMMENTS: string[] = [];
const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  const page = (statusClause: string) =>
    sqlite.prepare(`
      select s.id, s.idx, s.source, s.target, s.status, s.section, s.confidence, s.updated_at as updatedAt, uu.username as updatedBy
      from segments s left join users uu on uu.id = s.updated_by
      where s.document_id = ? and s.idx > ? ${statusClause}
      order by s.idx limit ?`);
  return {
    approvedPage: page(`and s.status = 'approved' and s.target <> ''`),
    targetPage: page(`and s.target <> ''`),
    everyPage: page(''),
    // Who saved each segment of a page as draft/translated and who approved it: one query per page.
    people: sqlite.prepare(
      `select r.segment_id as segmentId, r.status_after as statusAfter, r.at, u.username
       from revisions r join users u on u.id = r.user_id
       where r.segment_id in (select value from json_each(?)) and r.status_after in ('draft', 'translated', 'approved')
       order by r.segment_id, r.version`,
    ),
    comments: sqlite.prepare(`select segment_id as segmentId, body from comments where segment_id in (select value from json_each(?)) order by created_at, id`),
    unitsSince: sqlite.prepare(
      `select id, project_id as projectId, segment_id as segmentId, document_id as documentId, origin, source, target, src_lang as srcLang, tgt_lang as tgtLang, changed_at as changedAt
       from tm_units where id > ? order by id limit ?`,
    ),
    deletedSince: sqlite.prepare(`select seq, unit_id as unitId from tm_deleted where seq > ? order by seq limit ?`),
    maxes: sqlite.prepare(`select (select coalesce(max(id), 0) from tm_units) as unit, (select coalesce(max(seq), 0) from tm_deleted) as deleted`),
    units: sqlite.prepare(
      `select t.id, t.project_id as projectId, p.name as projectName, t.segment_id as segmentId, t.document_id as documentId, t.origin, t.source, t.target,
         t.src_lang as srcLang, t.tgt_lang as tgtLang, t.tuid, coalesce(t.change_id, u.username) as changedBy, t.changed_at as changedAt
       from tm_units t join projects p on p.id = t.project_id
         left join segments s on s.id = t.segment_id left join users u on u.id = s.updated_by
       where t.id in (select value from json_each(?))`,
    ),
    insertUnit: sqlite.prepare(
      `insert into tm_units (project_id, origin, source, target, src_lang, tgt_lang, tuid, creation_id, change_id, created_at, changed_at)
       values (?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    countProject: sqlite.prepare(`select count(*) as n from tm_units where project_id = ?`),
    beginImport: sqlite.prepare(`insert into tm_imports (project_id, started_at, touched_at) values (?, ?, ?)`),
    touchImport: sqlite.prepare(`update tm_imports set touched_at = ? where id = ? and touched_at > 0`),
    importProject: sqlite.prepare(`select project_id as projectId from tm_imports where id = ? and touched_at > 0`),
    stageUnit: sqlite.prepare(
      `insert into tm_import_units (import_id, source, target, src_lang, tgt_lang, tuid, creation_id, change_id, created_at, changed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    publishUnits: sqlite.prepare(
      `insert into tm_units (project_id, origin, source, target, src_lang, tgt_lang, tuid, creation_id, change_id, created_at, changed_at)
       select ?, 'import', source, target, src_lang, tgt_lang, tuid, creation_id, change_id, created_at, changed_at
       from tm_import_units where import_id = ? order by seq`,
    ),
    dropImport: sqlite.prepare(`delete from tm_imports where id = ?`),
    retireImport: sqlite.prepare(`update tm_imports set touched_at = 0 where id = ?`),
    dropStagedSlice: sqlite.prepare(`delete from tm_import_units where seq in (select seq from tm_import_units where import_id = ? order by seq limit ?)`),
    staleImports: sqlite.prepare(`select id from tm_imports where touched_at < ?`),
  };
}

function stmts(db: Db) {
  let s = statements.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    statements.set(db.$client, s);
  }
  return s;
}

/**
 * A document's segments for export, in order, read in pages of `pageSize`. `approved`: approved
 * segments with a target; `all`: every segment with a target; `every`: all segments (XLIFF).
 */
export function* exportRows(db: Db, documentId: number, which: ExportStatus | 'every', pageSize = 2000): Generator<ExportRow> {
  const s = stmts(db);
  const page = which === 'approved' ? s.approvedPage : which === 'all' ? s.targetPage : s.everyPage;
  let after = -1;
  for (;;) {
    const rows = page.all(documentId, after, pageSize) as Omit<ExportRow, 'comments' | 'translator' | 'translatedAt' | 'reviewer'>[];
    if (rows.length === 0) return;
    const ids = JSON.stringify(rows.map((r) => r.id));
    const notes = new Map<number, string[]>();
    for (const c of s.comments.all(ids) as { segmentId: number; body: string }[]) {
      const list = notes.get(c.segmentId);
      if (list) list.push(c.body);
      else notes.set(c.segmentId, [c.body]);
    }
    // Ordered by version, so the last draft/translated and the last approval win.
    const people = new Map<number, { translator: string | null; translatedAt: number | null; reviewer: string | null }>();
    for (const r of s.people.all(ids) as { segmentId: number; statusAfter: string; at: number; username: string }[]) {
      let p = people.get(r.segmentId);
      if (!p) people.set(r.segmentId, (p = { translator: null, translatedAt: null, reviewer: null }));
      if (r.statusAfter === 'approved') p.reviewer = r.username;
      else {
        p.translator = r.username;
        p.translatedAt = r.at;
      }
    }
    for (const row of rows as ExportRow[]) {
      // Filled in place: an export allocates as little per row as it can.
      const p = people.get(row.id);
      row.translator = p?.translator ?? null;
      row.translatedAt = p?.translatedAt ?? null;
      row.reviewer = p?.reviewer ?? null;
      row.comments = notes.get(row.id) ?? NO_COMMENTS;
      yield row;
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].idx;
  }
}

/** TM units added after `afterId`, oldest first, at most `limit`. */
export function tmUnitsSince(db: Db, afterId: number, limit = 50_000): TmUnitRow[] {
  return stmts(db).unitsSince.all(afterId, limit) as TmUnitRow[];
}

/** Ids of TM units deleted after tombstone `afterSeq`. */
export function tmDeletedSince(db: Db, afterSeq: number, limit = 50_000): { seq: number; unitId: number }[] {
  return stmts(db).deletedSince.all(afterSeq, limit) as { seq: number; unitId: number }[];
}

/** The newest unit id and tombstone seq: what an index must have seen to be current. */
export function tmHighWater(db: Db): { unit: number; deleted: number } {
  return stmts(db).maxes.get() as { unit: number; deleted: number };
}

export interface TmUnitDetail extends TmUnitRow {
  projectName: string;
  tuid: string | null;
  changedBy: string | null;
}

/** The units with these ids that still exist (a deleted id is simply absent). */
export function getTmUnits(db: Db, ids: number[]): Map<number, TmUnitDetail> {
  if (ids.length === 0) return new Map();
  const rows = stmts(db).units.all(JSON.stringify(ids)) as TmUnitDetail[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Adds imported units to a project's TM in one transaction: all of them or none. Returns the count. */
export function insertTmUnits(db: Db, projectId: number, units: Iterable<NewTmUnit>, now = Date.now()): number {
  const s = stmts(db);
  return db.$client.transaction(() => {
    let n = 0;
    for (const u of units) {
      s.insertUnit.run(projectId, u.source, u.target, u.srcLang, u.tgtLang, u.tuid ?? null, u.creationId ?? null, u.changeId ?? null, u.createdAt ?? now, u.changedAt ?? u.createdAt ?? now);
      n++;
    }
    return n;
  })();
}

/*
 * A streamed TMX import, staged: beginTmImport, then stageTmImportUnits per batch (each its own
 * short transaction, so nothing is held open while the upload streams), then publishTmImport (one
 * transaction: the staged units become TM units, in file order), then dropTmImportSlice until all
 * is gone (also what a broken or aborted upload gets). Staged units live
 * in tm_import_units, which no lookup reads.
 */

/** Starts an import into the project; returns its id. */
export function beginTmImport(db: Db, projectId: number, now = Date.now()): number {
  return Number(stmts(db).beginImport.run(projectId, now, now).lastInsertRowid);
}

/** Stages one batch of an import's units in one transaction. Returns how many. */
export function stageTmImportUnits(db: Db, importId: number, units: Iterable<NewTmUnit>, now = Date.now()): number {
  const s = stmts(db);
  return db.$client.transaction(() => {
    if (s.touchImport.run(now, importId).changes === 0) throw new Error(`TM import ${importId} is gone (published or dropped already, its project deleted, or swept as stale)`);
    let n = 0;
    for (const u of units) {
      s.stageUnit.run(importId, u.source, u.target, u.srcLang, u.tgtLang, u.tuid ?? null, u.creationId ?? null, u.changeId ?? null, u.createdAt ?? now, u.changedAt ?? u.createdAt ?? now);
      n++;
    }
    return n;
  })();
}

/**
 * Makes the import's staged units TM units of its project, in one transaction; `then` runs inside
 * it too (the audit record). The import is retired rather than dropped, so the transaction does not
 * also delete every staged row: the caller clears them afterwards with dropTmImportSlice, and a
 * retired import a crash left behind is swept like a stale one. Returns the number published.
 */
export function publishTmImport(db: Db, importId: number, then?: (published: number) => void): number {
  const s = stmts(db);
  return db.$client.transaction(() => {
    const row = s.importProject.get(importId) as { projectId: number } | undefined;
    if (!row) throw new Error(`TM import ${importId} is gone (published or dropped already, its project deleted, or swept as stale)`);
    const published = s.publishUnits.run(row.projectId, importId).changes;
    s.retireImport.run(importId);
    then?.(published);
    return published;
  })();
}

/**
 * Retires an import (it can no longer be published or staged into) and deletes up to `limit` of its
 * staged units; once none are left, the import itself. Returns true when it is all gone. Called
 * repeatedly, between turns of the event loop, so a large import's cleanup never holds the connection long.
 */
export function dropTmImportSlice(db: Db, importId: number, limit = 5000): boolean {
  const s = stmts(db);
  return db.$client.transaction(() => {
    s.retireImport.run(importId);
    if (s.dropStagedSlice.run(importId, limit).changes === limit) return false;
    s.dropImport.run(importId);
    return true;
  })();
}

/** Drops imports no batch has touched since `before` (left behind by a process that died mid-upload). */
export function sweepStaleTmImports(db: Db, before: number): number {
  const s = stmts(db);
  const stale = s.staleImports.all(before) as { id: number }[];
  for (const { id } of stale) s.dropImport.run(id);
  return stale.length;
}

export function countTmUnits(db: Db, projectId: number): number {
  return (stmts(db).countProject.get(projectId) as { n: number }).n;
}
