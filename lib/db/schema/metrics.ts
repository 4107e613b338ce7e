import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './identity';

/** One row per customer, rewritten by every recompute (lib/metrics). Times are in days. */
export const customerMetrics = pgTable(
  'customer_metrics',
  {
    orgId: uuid('org_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    asOf: date('as_of').notNull(),
    firstOrderAt: timestamp('first_order_at', { withTimezone: true }),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    orders: integer('orders').notNull(),
    purchaseDays: integer('purchase_days').notNull(),
    repeatPurchases: integer('repeat_purchases').notNull(),
    recencyDays: integer('recency_days'),
    tenureDays: integer('tenure_days'),
    repeatSpanDays: integer('repeat_span_days'),
    revenue: doublePrecision('revenue').notNull(),
    margin: doublePrecision('margin').notNull(),
    averageOrderValue: doublePrecision('average_order_value'),
    averageRepeatValue: doublePrecision('average_repeat_value'),
    revenueLast90Days: doublePrecision('revenue_last_90_days').notNull(),
    revenueLast365Days: doublePrecision('revenue_last_365_days').notNull(),
    revenuePrevious365Days: doublePrecision('revenue_previous_365_days').notNull(),
    /** Revenue in each of the last four quarters (lib/metrics/trailing-quarters.ts), oldest first; sums to the last 365 days'. */
    quarterlyRevenue: doublePrecision('quarterly_revenue').array().notNull().default(sql`'{0,0,0,0}'`),
    /** Orders in each of the last four quarters, oldest first. */
    quarterlyOrders: integer('quarterly_orders').array().notNull().default(sql`'{0,0,0,0}'`),
    recencyScore: smallint('recency_score'),
    frequencyScore: smallint('frequency_score'),
    monetaryScore: smallint('monetary_score'),
    rfmSegment: text('rfm_segment'),
    expectedPurchases90Days: doublePrecision('expected_purchases_90_days'),
    probabilityAlive: doublePrecision('probability_alive'),
    predictedClv: doublePrecision('predicted_clv'),
    historicalClv: doublePrecision('historical_clv').notNull(),
  },
  // No foreign key: the table is rewritten whole by every recompute, and a per-row check would double its cost.
  // Deleting a customer deletes their metrics row explicitly.
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] }), index('customer_metrics_org_segment_idx').on(t.orgId, t.rfmSegment)],
);

/** Every model fit of a workspace, newest last; `holdout` holds the calibration/holdout check of a BG/NBD fit. */
export const modelFits = pgTable(
  'model_fits',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    model: text('model', { enum: ['bgnbd', 'gamma_gamma'] }).notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    logLikelihood: doublePrecision('log_likelihood'),
    converged: boolean('converged').notNull(),
    iterations: integer('iterations').notNull(),
    failure: text('failure'),
    customers: integer('customers').notNull(),
    dataCutoff: date('data_cutoff').notNull(),
    timeUnit: text('time_unit').notNull().default('days'),
    holdout: jsonb('holdout'),
    fittedAt: timestamp('fitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('model_fits_org_model_idx').on(t.orgId, t.model, t.fittedAt)],
);
