import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgEnum, smallint, pgTable, primaryKey, text, timestamp, uuid, char } from 'drizzle-orm/pg-core';

// Global directory tables (Citus reference tables): users, organizations, memberships.
// Tenant data lives in tables whose primary key starts with org_id (see customers.ts).

export const memberRole = pgEnum('member_role', ['admin', 'marketer', 'viewer']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  // Copied into each session at sign-in; raising it ends every session issued before (lib/auth/gate.ts currentUser).
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  currency: char('currency', { length: 3 }).notNull().default('USD'),
  isDemo: boolean('is_demo').notNull().default(false),
  // Value-engine settings of the workspace.
  defaultMarginPct: doublePrecision('default_margin_pct').notNull().default(30),
  rfmBins: smallint('rfm_bins').notNull().default(5),
  clvHorizonMonths: smallint('clv_horizon_months').notNull().default(12),
  monthlyDiscountRate: doublePrecision('monthly_discount_rate').notNull().default(0.01),
  clvBasis: text('clv_basis', { enum: ['revenue', 'margin'] }).notNull().default('revenue'),
  // The workspace's RFM segments (lib/metrics/segment-scheme.ts parses them); null means the default R × F grid.
  rfmScheme: jsonb('rfm_scheme'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);
