// The audit log: who did what to which project, for the record (logins, imports, member and glossary changes).
import type { Db } from '../index.ts';
import { auditLog } from '../schema.ts';

export interface AuditEntry {
  userId: number | null;
  action: string;
  projectId?: number | null;
  detail?: Record<string, unknown>;
}

export function writeAudit(db: Pick<Db, 'insert'>, entry: AuditEntry, now = Date.now()): void {
  db.insert(auditLog)
    .values({ at: now, userId: entry.userId, action: entry.action, projectId: entry.projectId ?? null, detail: entry.detail ?? null })
    .run();
}
