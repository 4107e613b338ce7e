import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  char,
} from 'drizzle-orm/pg-core';
import { organizations } from './identity';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const customers = pgTable(
  'customers',
  {
    orgId: orgId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    name: text('name'),
    signupDate: date('signup_date'),
    country: text('country'),
    region: text('region'),
    gender: text('gender'),
    birthYear: smallint('birth_year'),
    incomeBand: text('income_band'),
    education: text('education'),
    acquisitionChannel: text('acquisition_channel'),
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('customers_org_external_id_key').on(t.orgId, t.externalId),
    index('customers_org_email_idx').on(t.orgId, t.email),
  ],
);

export const orders = pgTable(
  'orders',
  {
    orgId: uuid('org_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    externalId: text('external_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    revenue: numeric('revenue', { precision: 14, scale: 2 }).notNull(),
    cost: numeric('cost', { precision: 14, scale: 2 }),
    currency: char('currency', { length: 3 }),
    productCategory: text('product_category'),
    channel: text('channel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // No foreign keys and no date index: per-row FK triggers and a third index more than doubled the cost of a large
  // import. The import is the only writer and joins every order to its customer; deleting a customer or a
  // workspace's data deletes its orders explicitly (lib/deletion).
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('orders_org_external_id_key').on(t.orgId, t.externalId),
    index('orders_org_customer_ordered_idx').on(t.orgId, t.customerId, t.orderedAt),
  ],
);
