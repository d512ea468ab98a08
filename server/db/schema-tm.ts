// Translation memory tables (drizzle sqlite-core), beside server/db/schema.ts. Migrations come from
// `npx drizzle-kit generate` over both schema files; the triggers that keep tm_units in step with
// approved segments are a custom migration (drizzle-kit generate --custom), since drizzle has no
// trigger DDL. Times are integer milliseconds since the epoch.
//
// Every approved segment is a TM unit (origin 'segment'): a trigger inserts the unit when a segment
// becomes approved and deletes it when the segment leaves approval or its approved text changes, in
// the same transaction as the segment change, so the TM can never disagree with the segments.
// Units imported from TMX files have origin 'import' and no segment. A deleted unit leaves its id in
// tm_deleted, so a process's in-memory index can catch up with two range scans on primary keys.
import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { documents, projects, segments } from './schema.ts';

/** The columns of a unit, shared by tm_units and the import staging table (fresh builders per table). */
function unitColumns() {
  return {
    source: text('source').notNull(),
    target: text('target').notNull(),
    srcLang: text('src_lang').notNull(),
    tgtLang: text('tgt_lang').notNull(),
    /** The TMX tuid of an imported unit. */
    tuid: text('tuid'),
    /** User names as a TMX file gave them (imported units); segment units name users through the segment. */
    creationId: text('creation_id'),
    changeId: text('change_id'),
    createdAt: integer('created_at').notNull(),
    changedAt: integer('changed_at').notNull(),
  };
}

export const tmUnits = sqliteTable(
  'tm_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The approved segment this unit mirrors; null for imported units. */
    segmentId: integer('segment_id').references(() => segments.id, { onDelete: 'cascade' }),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    origin: text('origin', { enum: ['segment', 'import'] }).notNull(),
    ...unitColumns(),
  },
  (t) => [uniqueIndex('tm_units_segment').on(t.segmentId), index('tm_units_project').on(t.projectId)],
);

export const tmDeleted = sqliteTable('tm_deleted', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  unitId: integer('unit_id').notNull(),
});

// A TMX import in progress. Its units are staged in tm_import_units in small transactions as the
// file streams in (no write transaction stays open across the request's awaits, since the one
// connection is shared), invisible to lookups; when the whole file has parsed, one transaction
// copies them into tm_units and drops the import. A broken or aborted upload drops the import
// (its staged units go by cascade). `touchedAt` moves with each batch, so an import left behind by
// a crashed process can be told from one still streaming and swept.
export const tmImports = sqliteTable('tm_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  startedAt: integer('started_at').notNull(),
  touchedAt: integer('touched_at').notNull(),
});

export const tmImportUnits = sqliteTable(
  'tm_import_units',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => tmImports.id, { onDelete: 'cascade' }),
    ...unitColumns(),
  },
  (t) => [index('tm_import_units_import').on(t.importId, t.seq)],
);
