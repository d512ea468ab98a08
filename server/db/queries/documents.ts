// Documents. An import writes the document row and every segment in ONE synchronous transaction
// with a prepared insert statement: a crash mid-import leaves the document fully there or absent,
// and 23,000 rows go in within a fraction of a second (drizzle's builder per row would cost more).
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { documents, segments } from '../schema.ts';
import type { SegmentStatus } from '../../workflow.ts';
import { writeAudit } from './audit.ts';

export interface NewDocument {
  projectId: number;
  name: string;
  rawSource: string;
  text: string;
  rawDraft: string | null;
  granularity: 'sentence' | 'clause';
  repairs: unknown[];
  warnings: unknown[];
  createdBy: number | null;
}

export interface NewSegment {
  source: string;
  target: string;
  status: SegmentStatus;
  section: string;
  heading: boolean;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  confidence: number | null;
  warnings: unknown[];
}

export function insertDocumentWithSegments(db: Db, doc: NewDocument, rows: NewSegment[], now = Date.now()): number {
  const sqlite = db.$client;
  const insertDoc = sqlite.prepare(
    `insert into documents (project_id, name, raw_source, text, raw_draft, granularity, repairs, warnings, segment_count, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSeg = sqlite.prepare(
    `insert into segments (document_id, idx, source, target, status, version, section, heading, start, end, raw_start, raw_end, confidence, warnings, updated_by, updated_at)
     values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const run = sqlite.transaction(() => {
    const documentId = Number(
      insertDoc.run(
        doc.projectId,
        doc.name,
        doc.rawSource,
        doc.text,
        doc.rawDraft,
        doc.granularity,
        JSON.stringify(doc.repairs),
        JSON.stringify(doc.warnings),
        rows.length,
        now,
        doc.createdBy,
      ).lastInsertRowid,
    );
    rows.forEach((s, i) => {
      insertSeg.run(
        documentId,
        i,
        s.source,
        s.target,
        s.status,
        s.section,
        s.heading ? 1 : 0,
        s.start,
        s.end,
        s.rawStart,
        s.rawEnd,
        s.confidence,
        JSON.stringify(s.warnings),
        doc.createdBy,
        now,
      );
    });
    writeAudit(db, { userId: doc.createdBy, action: 'document.import', projectId: doc.projectId, detail: { documentId, name: doc.name, segments: rows.length } }, now);
    return documentId;
  });
  return run.immediate();
}

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentSummary = Omit<DocumentRow, 'rawSource' | 'text' | 'rawDraft' | 'repairs' | 'warnings'>;

const summaryColumns = {
  id: documents.id,
  projectId: documents.projectId,
  name: documents.name,
  granularity: documents.granularity,
  segmentCount: documents.segmentCount,
  createdAt: documents.createdAt,
  createdBy: documents.createdBy,
};

export function listDocuments(db: Db, projectId: number): DocumentSummary[] {
  return db.select(summaryColumns).from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.id)).all();
}

export function getDocumentSummary(db: Db, id: number): DocumentSummary | undefined {
  return db.select(summaryColumns).from(documents).where(eq(documents.id, id)).get();
}

export function getDocument(db: Db, id: number): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

export function countDocuments(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(documents).get()!.n;
}
