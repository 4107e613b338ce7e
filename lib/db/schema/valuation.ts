import { bigint, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './identity';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/**
 * What the data cannot know about a segment's market, entered by the team. `segment_key` names the segment:
 * `rfm:<RFM segment name>` or `segment:<saved segment id>`; a segment without a row uses the defaults.
 */
export const segmentMarketInputs = pgTable(
  'segment_market_inputs',
  {
    orgId: orgId(),
    segmentKey: text('segment_key').notNull(),
    addressableMarketSize: doublePrecision('addressable_market_size'),
    expectedMarketGrowthPct: doublePrecision('expected_market_growth_pct').notNull().default(0),
    competitiveIntensity: text('competitive_intensity', { enum: ['low', 'medium', 'high'] })
      .notNull()
      .default('medium'),
    strategicWeight: doublePrecision('strategic_weight').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.segmentKey] })],
);

/** The workspace's value-score weights: a preset, or `custom` with its own weights. One row per workspace. */
export const valuationSettings = pgTable(
  'valuation_settings',
  {
    orgId: orgId(),
    preset: text('preset').notNull(),
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId] })],
);

/** A saved allocation plan: the planner's inputs and the computed result (with its baselines), as they were. */
export const allocationPlans = pgTable(
  'allocation_plans',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    inputs: jsonb('inputs').notNull(),
    result: jsonb('result').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('allocation_plans_org_created_idx').on(t.orgId, t.createdAt)],
);
