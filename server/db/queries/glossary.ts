// A project's glossary entries, stored one row per TermEntry (glossary/model.ts).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../index.ts';
import { glossaryEntries } from '../schema.ts';
import type { TermEntry } from '../../../glossary/model.ts';
import { writeAudit } from './audit.ts';

export type GlossaryRow = typeof glossaryEntries.$inferSelect;
export type EntryFields = Omit<TermEntry, 'id' | 'subject'> & { externalId?: string | null };

export function listGlossary(db: Db, projectId: number): GlossaryRow[] {
  return db.select().from(glossaryEntries).where(eq(glossaryEntries.projectId, projectId)).orderBy(asc(glossaryEntries.id)).all();
}

export function getGlossaryEntry(db: Db, projectId: number, id: number): GlossaryRow | undefined {
  return db
    .select()
    .from(glossaryEntries)
    .where(and(eq(glossaryEntries.projectId, projectId), eq(glossaryEntries.id, id)))
    .get();
}

function values(projectId: number, e: EntryFields, now: number) {
  return {
    projectId,
    externalId: e.externalId ?? null,
    zh: e.zh,
    en: e.en,
    variants: e.variants,
    forbidden: e.forbidden,
    note: e.note,
    source: e.source,
    status: e.status,
    caseSensitive: e.caseSensitive,
    match: e.match,
    updatedAt: now,
  };
}

export function insertGlossaryEntries(db: Db, projectId: number, entries: EntryFields[], actorId: number | null, replace = false, now = Date.now()): GlossaryRow[] {
  return db.transaction((tx) => {
    if (replace) tx.delete(glossaryEntries).where(eq(glossaryEntries.projectId, projectId)).run();
    const rows = entries.map((e) => tx.insert(glossaryEntries).values(values(projectId, e, now)).returning().get());
    writeAudit(tx, { userId: actorId, action: replace ? 'glossary.replace' : 'glossary.add', projectId, detail: { count: rows.length } }, now);
    return rows;
  });
}

export function updateGlossaryEntry(db: Db, projectId: number, id: number, e: EntryFields, actorId: number | null, now = Date.now()): GlossaryRow | undefined {
  return db.transaction((tx) => {
    const row = tx
      .update(glossaryEntries)
      .set(values(projectId, e, now))
      .where(and(eq(glossaryEntries.projectId, projectId), eq(glossaryEntries.id, id)))
      .returning()
      .get();
    if (row) writeAudit(tx, { userId: actorId, action: 'glossary.update', projectId, detail: { id, zh: e.zh } }, now);
    return row;
  });
}

export function deleteGlossaryEntry(db: Db, projectId: number, id: number, actorId: number | null, now = Date.now()): boolean {
  return db.transaction((tx) => {
    const n = tx
      .delete(glossaryEntries)
      .where(and(eq(glossaryEntries.projectId, projectId), eq(glossaryEntries.id, id)))
      .run().changes;
    if (n) writeAudit(tx, { userId: actorId, action: 'glossary.delete', projectId, detail: { id } }, now);
    return n > 0;
  });
}
