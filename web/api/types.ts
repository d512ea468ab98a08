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
  projectId: number;
  role: Role;
}

export interface Me {
  user: User;
  memberships: Membership[];
  /** Echoed in the x-csrf-token header of state-changing requests. */
  csrfToken?: string;
}

export interface Project {
  id: number;
  name: string;
  sourceLang: string;
  targetLang: string;
  createdAt: number;
  /** The signed-in user's role in this project. */
  role: Role;
}

export interface DocumentSummary {
  id: number;
  projectId: number;
  name: string;
  granularity: Granularity;
  segmentCount: number;
  hasDraft: boolean;
  createdAt: number;
}

export interface Segment {
  id: number;
  documentId: number;
  idx: number;
  source: string;
  target: string;
  status: SegmentStatus;
  version: number;
  section: string;
  heading: boolean;
  confidence: number | null;
  warnings: SourceWarning[];
  updatedBy: number | null;
  updatedAt: number;
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

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface Revision {
  id: number;
  version: number;
  at: number;
  userId: number | null;
  username: string | null;
  targetBefore: string;
  targetAfter: string;
  statusBefore: SegmentStatus;
  statusAfter: SegmentStatus;
  note: string | null;
  diff?: DiffPart[];
}

export interface Comment {
  id: number;
  segmentId: number;
  userId: number | null;
  username: string | null;
  body: string;
  kind: 'comment' | 'rejection' | 'override';
  resolved: boolean;
  createdAt: number;
}

export interface DocumentStats {
  total: number;
  byStatus: Partial<Record<SegmentStatus, number>>;
  qaErrors: number;
  words: { source: number; target: number };
}

export interface ServerFinding {
  segmentId: number;
  check: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  term?: string;
  suggestion?: string;
}

export interface ApproveResult {
  approved: number[];
  refused: { id: number; reason: string }[];
}

/** A glossary entry as stored per project; `id` is the database id as a string in URLs. */
export type GlossaryEntry = TermEntry;

export interface TmMatch {
  source: string;
  target: string;
  score: number;
  origin?: string;
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
  /** A 409 on PATCH /api/segments/:id carries the segment as it is now. */
  current?: Segment;
}
