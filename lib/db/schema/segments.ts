import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** A saved segment: `rule` is the validated rule JSON of a dynamic segment, NULL for a static (frozen) list. */
export const segments = pgTable(
  'segments',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    color: text('color').notNull().default('indigo'),
    kind: text('kind', { enum: ['rule', 'static'] }).notNull(),
    rule: jsonb('rule'),
    source: text('source').notNull().default('custom'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique('segments_org_name_key').on(t.orgId, t.name)],
);

/** Materialised membership, rewritten by each refresh of a dynamic segment. */
export const segmentMembers = pgTable(
  'segment_members',
  {
    orgId: uuid('org_id').notNull(),
    segmentId: bigint('segment_id', { mode: 'number' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
  },
  // No foreign keys, like orders: a refresh writes thousands of rows and deleting a segment or customer
  // deletes its memberships explicitly.
  (t) => [
    primaryKey({ columns: [t.orgId, t.segmentId, t.customerId] }),
    index('segment_members_org_customer_idx').on(t.orgId, t.customerId),
  ],
);

/** One row per refresh of a segment: its size and value then, and how many entered and departed since the last one. */
export const segmentSnapshots = pgTable(
  'segment_snapshots',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    segmentId: bigint('segment_id', { mode: 'number' }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    customers: integer('customers').notNull(),
    totalCustomers: integer('total_customers').notNull(),
    revenue: doublePrecision('revenue').notNull(),
    totalRevenue: doublePrecision('total_revenue').notNull(),
    predictedClv: doublePrecision('predicted_clv').notNull(),
    averagePredictedClv: doublePrecision('average_predicted_clv'),
    entered: integer('entered').notNull(),
    departed: integer('departed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('segment_snapshots_org_segment_taken_idx').on(t.orgId, t.segmentId, t.takenAt),
  ],
);

/** Who entered or left a segment at a snapshot (the first snapshot of a segment is its baseline and lists nobody). */
export const segmentMemberChanges = pgTable(
  'segment_member_changes',
  {
    orgId: uuid('org_id').notNull(),
    snapshotId: bigint('snapshot_id', { mode: 'number' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    change: text('change', { enum: ['entered', 'left'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.snapshotId, t.customerId] }),
    index('segment_member_changes_org_customer_idx').on(t.orgId, t.customerId),
  ],
);

/**
 * A workspace API key: the key reads `sgk_<org id hex>_<secret>`, so the org is known before the lookup; only
 * the SHA-256 of the whole key is stored.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    lastFour: text('last_four').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique('api_keys_org_key_hash_key').on(t.orgId, t.keyHash)],
);
