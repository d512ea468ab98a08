// Schemas shared by several features' routes.
import { z } from 'zod';
import { ROLES, STATUSES } from '../workflow.ts';

export const IdParam = z.object({ id: z.coerce.number().int('id must be an integer').positive('id must be positive') }).strict();
export const RoleSchema = z.enum(ROLES);
export const StatusSchema = z.enum(STATUSES);

export const SegmentSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  index: z.number().int(),
  source: z.string(),
  target: z.string(),
  status: StatusSchema,
  version: z.number().int(),
  section: z.string(),
  heading: z.boolean(),
  start: z.number().int(),
  end: z.number().int(),
  rawStart: z.number().int(),
  rawEnd: z.number().int(),
  confidence: z.number().nullable(),
  warnings: z.array(z.unknown()),
  updatedBy: z.number().int().nullable(),
  updatedAt: z.string(),
});

export const DocumentSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  name: z.string(),
  granularity: z.enum(['sentence', 'clause']),
  segmentCount: z.number().int(),
  createdAt: z.string(),
});

export const CommentSchema = z.object({
  id: z.number().int(),
  segmentId: z.number().int(),
  user: z.string().nullable(),
  body: z.string(),
  /** The first comment of the thread this one replies to, or null for a thread's first comment. */
  replyTo: z.number().int().nullable(),
  kind: z.enum(['comment', 'rejection', 'override']),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const FindingSchema = z.object({
  check: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  sourceSpan: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  targetSpan: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  term: z.string().optional(),
  message: z.string(),
  suggestion: z.string().optional(),
});

export const GlossaryEntrySchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
  variants: z.array(z.string()),
  forbidden: z.array(z.string()),
  note: z.string(),
  source: z.string(),
  status: z.enum(['preferred', 'admitted', 'deprecated']),
  caseSensitive: z.boolean(),
  match: z.enum(['exact', 'inflected', 'prefix']),
  updatedAt: z.string(),
});

export const MemberSchema = z.object({ userId: z.number().int(), username: z.string(), role: RoleSchema, addedAt: z.string() });
