// The JSON the Hono server (server/routes/**) sends and accepts, mirrored by hand because web/
// may not import from server/. Keep in step with the routes; field names follow server/db/schema.ts.
import type { TermEntry } from '../../glossary/model.ts';
import type { SourceWarning } from '../../segments/warnings.ts';

export type { SourceWarning };

export type SegmentStatus = 'new' | 'draft' | 'translated' | 'approved' | 'rejected';
export type Role = 'translator' | 'reviewer' | 'admin';
export type Granularity = 'sentence' | 'clause';

export const STATUSES: readonly SegmentStatus[] = ['new', 'draft', 'translated', 'approved', 'rejected'];

export interface User {
  id: number;
  username: string;
  isAdmin: boolean;
}

export interface Membership {
  id: number;
  name: string;
  role: Role;
}

/** GET /api/me and the answer to POST /api/auth/login. */
export interface Me extends User {
  projects: Membership[];
}

export interface Project {
  id: number;
  name: string;
  sourceLang: string;
  targetLang: string;
  /** ISO 8601. */
  createdAt: string;
  /** The signed-in user's role in this project. */
  role: Role;
}

export interface DocumentSummary {
  id: number;
  projectId: number;
  name: string;
  granularity: Granularity;
  segmentCount: number;
  createdAt: string;
}

/** GET /api/documents/:id */
export interface DocumentDetail extends DocumentSummary {
  hasDraft: boolean;
  repairs: unknown[];
  warnings: SourceWarning[];
}

/** POST /api/projects/:id/documents */
export interface ImportedDocument extends DocumentSummary {
  /** Segments whose target was filled from the draft. */
  drafted: number;
  beads: number;
}

export interface Segment {
  id: number;
  documentId: number;
  /** Position in the document, from 0. */
  index: number;
  source: string;
  target: string;
  status: SegmentStatus;
  version: number;
  section: string;
  heading: boolean;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  confidence: number | null;
  warnings: SourceWarning[];
  updatedBy: number | null;
  updatedAt: string;
}

export interface SegmentPage {
  items: Segment[];
  total: number;
  offset: number;
  limit: number;
}

export interface SegmentQuery {
  status?: SegmentStatus[];
  check?: string;
  section?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

export interface SegmentChange {
  target?: string;
  status?: SegmentStatus;
  reason?: string;
}

/**
 * One change of POST /api/documents/:id/segments/batch: a revision like PATCH /api/segments/:id,
 * sent against the version the client read. The batch (1–50 changes of one document) is saved in
 * one transaction or not at all.
 */
export interface SegmentBatchChange {
  id: number;
  version: number;
  target?: string;
  status?: SegmentStatus;
}

/** 200 of the batch: the saved segments in the order the changes were given. */
export interface SegmentBatchResult {
  segments: Segment[];
}

/** The editor's diff part (the `diff` package's change objects). */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** The server's diff part in revisions. */
export interface ServerDiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface Revision {
  id: number;
  version: number;
  /** ISO 8601. */
  at: string;
  user: string | null;
  targetBefore: string;
  targetAfter: string;
  statusBefore: SegmentStatus;
  statusAfter: SegmentStatus;
  note: string | null;
  diff?: ServerDiffPart[];
}

export interface Comment {
  id: number;
  segmentId: number;
  user: string | null;
  body: string;
  /** The first comment of the thread this one replies to, or null for a thread's first comment. */
  replyTo: number | null;
  kind: 'comment' | 'rejection' | 'override';
  resolved: boolean;
  resolvedAt: string | null;
  createdAt: string;
}

export interface DocumentStats {
  segments: number;
  byStatus: Record<SegmentStatus, number>;
  qa: { errors: number; warnings: number; segmentsWithErrors: number };
  words: { sourceCharacters: number; targetWords: number };
  /** Share of translated + approved segments, 0..1. */
  progress: number;
}

export interface ServerFinding {
  segmentId: number;
  index: number;
  check: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  term?: string;
  suggestion?: string;
}

export interface DocumentQa {
  total: number;
  bySeverity: Record<'error' | 'warning' | 'info', number>;
  findings: ServerFinding[];
}

export interface ApproveResult {
  approved: Segment[];
  refused: { id: number; message: string }[];
}

/** A glossary entry as the server keeps it: the term-base fields with a numeric database id. */
export interface GlossaryEntry extends Omit<TermEntry, 'id'> {
  id: number;
  externalId: string | null;
  updatedAt: string;
}

export type GlossaryFields = Omit<GlossaryEntry, 'id' | 'externalId' | 'updatedAt'>;

export interface TmMatch {
  id: number;
  /** Percentage 0..100 (Dice over character bigrams). */
  score?: number;
  source: string;
  target: string;
  origin: string;
  projectName?: string;
}

export interface TmLookup {
  mode: 'fuzzy' | 'concordance';
  matches: TmMatch[];
}

export interface NewDocument {
  name: string;
  source: string;
  draft?: string;
  granularity?: Granularity;
}

/** RFC 9457 problem details (server/problem.ts). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /**
   * A 409 on PATCH /api/segments/:id carries the segment as it is now; a 409 on the segment batch
   * carries the stale segments of the batch as they are now.
   */
  current?: Segment | Segment[];
}
