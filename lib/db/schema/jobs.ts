import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, doublePrecision } from 'drizzle-orm/pg-core';
import { organizations, users } from './identity';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

/** Background work of a workspace (recomputes, imports), claimed by the in-process worker (lib/jobs). */
export const jobs = pgTable(
  'jobs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    stage: text('stage'),
    progress: doublePrecision('progress').notNull().default(0),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('jobs_org_kind_created_idx').on(t.orgId, t.kind, t.createdAt),
    index('jobs_org_status_idx').on(t.orgId, t.status),
  ],
);
