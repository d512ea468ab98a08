// The workbench's tables (drizzle sqlite-core). Migrations are generated from this file by
// `npx drizzle-kit generate` into server/db/migrations and applied at start; never edit SQL by hand.
// Times are integer milliseconds since the epoch; JSON columns hold the pure modules' records verbatim.
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** A site administrator may create projects and acts as admin in every project. */
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the cookie token: a leaked database does not yield live sessions. */
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  sourceLang: text('source_lang').notNull().default('zh-CN'),
  targetLang: text('target_lang').notNull().default('en'),
  createdAt: integer('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
});

export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['translator', 'reviewer', 'admin'] }).notNull(),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_members_user').on(t.userId)],
);

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The source exactly as imported (after decoding), before any repair. */
    rawSource: text('raw_source').notNull(),
    /** The repaired text the segments' start/end offsets point into. */
    text: text('text').notNull(),
    rawDraft: text('raw_draft'),
    granularity: text('granularity', { enum: ['sentence', 'clause'] }).notNull(),
    repairs: text('repairs', { mode: 'json' }).notNull().$type<unknown[]>(),
    warnings: text('warnings', { mode: 'json' }).notNull().$type<unknown[]>(),
    segmentCount: integer('segment_count').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('documents_project').on(t.projectId)],
);

export const segments = sqliteTable(
  'segments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    source: text('source').notNull(),
    target: text('target').notNull().default(''),
    status: text('status', { enum: ['new', 'draft', 'translated', 'approved', 'rejected'] })
      .notNull()
      .default('new'),
    version: integer('version').notNull().default(1),
    section: text('section').notNull().default(''),
    heading: integer('heading', { mode: 'boolean' }).notNull().default(false),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    rawStart: integer('raw_start').notNull(),
    rawEnd: integer('raw_end').notNull(),
    /** The aligner's confidence for the bead the draft target came from; null without a draft. */
    confidence: real('confidence'),
    warnings: text('warnings', { mode: 'json' }).notNull().$type<unknown[]>(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('segments_document_idx').on(t.documentId, t.idx), index('segments_document_status').on(t.documentId, t.status)],
);

export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    segmentId: integer('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    /** The segment's version after this change. */
    version: integer('version').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at').notNull(),
    targetBefore: text('target_before').notNull(),
    targetAfter: text('target_after').notNull(),
    statusBefore: text('status_before').notNull(),
    statusAfter: text('status_after').notNull(),
    note: text('note'),
  },
  (t) => [index('revisions_segment').on(t.segmentId, t.version)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    segmentId: integer('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** The first comment of the thread this one replies to (threads are one level deep), or null. */
    replyTo: integer('reply_to').references((): AnySQLiteColumn => comments.id),
    kind: text('kind', { enum: ['comment', 'rejection', 'override'] })
      .notNull()
      .default('comment'),
    resolved: integer('resolved', { mode: 'boolean' }).notNull().default(false),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: integer('resolved_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('comments_segment').on(t.segmentId)],
);

export const glossaryEntries = sqliteTable(
  'glossary_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The entry's id in its source file (TBX/CSV), kept for round trips. */
    externalId: text('external_id'),
    zh: text('zh').notNull(),
    en: text('en').notNull(),
    variants: text('variants', { mode: 'json' }).notNull().$type<string[]>(),
    forbidden: text('forbidden', { mode: 'json' }).notNull().$type<string[]>(),
    note: text('note').notNull().default(''),
    source: text('source').notNull().default(''),
    status: text('status', { enum: ['preferred', 'admitted', 'deprecated'] })
      .notNull()
      .default('preferred'),
    caseSensitive: integer('case_sensitive', { mode: 'boolean' }).notNull().default(false),
    match: text('match', { enum: ['exact', 'inflected', 'prefix'] })
      .notNull()
      .default('inflected'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('glossary_project').on(t.projectId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    projectId: integer('project_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at').on(t.at)],
);
