import { sql } from 'drizzle-orm';
import type { Connection } from '@/lib/db/client';
import { copyCsvFile } from '@/lib/db/copy';
import { organizations } from '@/lib/db/schema';

/**
 * Loads the generator's customers.csv and orders.csv into a new workspace with COPY and two set-based inserts
 * (benchmarks only: no validation; the importer is the product's way in). Returns the org id.
 */
export async function loadGeneratedWorkspace(conn: Connection, files: { customers: string; orders: string }, name: string): Promise<string> {
  const { db } = conn;
  const [org] = await db.insert(organizations).values({ name, slug: `bench-${Date.now()}` }).returning({ id: organizations.id });
  await db.execute(sql`create table bench_customers (customer_id text, email text, name text, signup_date date, country text,
    region text, gender text, birth_year smallint, income_band text, education text, acquisition_channel text, marketing_consent boolean)`);
  await db.execute(sql`create table bench_orders (order_id text, customer_id text, ordered_at timestamptz, revenue numeric,
    cost numeric, currency text, product_category text, channel text)`);
  await copyCsvFile(db, 'bench_customers', files.customers);
  await copyCsvFile(db, 'bench_orders', files.orders);
  await db.execute(sql`insert into customers (org_id, external_id, email, name, signup_date, country, region, gender, birth_year,
      income_band, education, acquisition_channel, marketing_consent)
    select ${org.id}::uuid, customer_id, email, name, signup_date, country, region, gender, birth_year, income_band, education,
      acquisition_channel, marketing_consent from bench_customers`);
  await db.execute(sql`insert into orders (org_id, external_id, customer_id, ordered_at, revenue, cost, currency, product_category, channel)
    select ${org.id}::uuid, o.order_id, c.id, o.ordered_at, o.revenue, o.cost, o.currency, o.product_category, o.channel
    from bench_orders o join customers c on c.org_id = ${org.id}::uuid and c.external_id = o.customer_id`);
  await db.execute(sql`drop table bench_customers`);
  await db.execute(sql`drop table bench_orders`);
  await db.execute(sql`analyze customers`);
  await db.execute(sql`analyze orders`);
  return org.id;
}
