import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './identity';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const importStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

/** One uploaded file's import: what was asked, and what happened to its rows. */
export const imports = pgTable(
  'imports',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    entity: text('entity', { enum: ['customers', 'orders'] }).notNull(),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    storedFile: text('stored_file'),
    status: text('status', { enum: importStatuses }).notNull().default('queued'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsInserted: integer('rows_inserted').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    customersCreated: integer('customers_created').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('imports_org_created_idx').on(t.orgId, t.createdAt)],
);

/** Rows an import skipped, by line, with the reason (the downloadable rejects file). */
export const importRejects = pgTable(
  'import_rejects',
  {
    orgId: orgId(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    raw: jsonb('raw').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.importId, t.line] })],
);

/** Column mappings confirmed in a workspace, reused for files with the same headers. */
export const columnMappings = pgTable(
  'column_mappings',
  {
    orgId: orgId(),
    entity: text('entity', { enum: ['customers', 'orders'] }).notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: jsonb('mapping').$type<(string | null)[]>().notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.entity, t.headerSignature] })],
);

/** Append-only record of sensitive actions: who did what to which target, when, from where. */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('audit_events_org_at_idx').on(t.orgId, t.at)],
);
