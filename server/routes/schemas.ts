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
