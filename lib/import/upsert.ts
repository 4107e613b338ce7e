import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';

export const STAGING_TABLE = 'import_staging';
export const STAGING = sql.raw(STAGING_TABLE);

/** Customer columns an import may set, by staging column; only the columns a file maps are ever overwritten. */
const CUSTOMER_COLUMNS: Record<string, string> = {
  email: 'email',
  name: 'name',
  signup_date: 'signup_date',
  country: 'country',
  region: 'region',
  gender: 'gender',
  birth_year: 'birth_year',
  income_band: 'income_band',
  education: 'education',
  acquisition_channel: 'acquisition_channel',
  marketing_consent: 'marketing_consent',
};

const ORDER_COLUMNS = ['ordered_at', 'revenue', 'cost', 'currency', 'product_category', 'channel'];

/** Rows whose id appears again later in the file: the first occurrence is imported, the others are reported. */
export async function rejectRepeatedIds(tx: Database): Promise<{ line: number; reason: string }[]> {
  return queryRows<{ line: number; reason: string }>(
    tx,
    sql`with ranked as (
          select line, external_id, first_value(line) over (partition by external_id order by line) as first_line
          from ${STAGING}
        ),
        removed as (
          delete from ${STAGING} s using ranked r
          where s.line = r.line and r.line <> r.first_line
          returning s.line, r.external_id, r.first_line
        )
        select line, format('ID %s already appears on line %s; only the first row with an ID is imported', external_id, first_line) as reason
        from removed order by line`,
  );
}

/** `(t.a, t.b) is distinct from (new a, new b)`: an upsert then touches only rows that change. */
function changedWhere(table: string, current: string[], incoming: string[]): SQL {
  return sql.raw(`(${current.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${incoming.join(', ')})`);
}

/** Runs an upsert and counts its inserted and updated rows in the database (xmax = 0 marks a fresh insert). */
async function countUpsert(tx: Database, upsert: SQL): Promise<{ inserted: number; updated: number }> {
  const [counts] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with upserted as (${upsert} returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from upserted`,
  );
  return counts;
}

/** Inserts new customers and updates changed ones; unmapped columns keep their values. */
export async function upsertCustomers(tx: Database, orgId: string, mappedFields: ReadonlySet<string>, hasCustomAttributes: boolean) {
  const columns = Object.keys(CUSTOMER_COLUMNS).filter((name) => mappedFields.has(name));
  const set = [...columns.map((c) => `${c} = excluded.${c}`), 'updated_at = now()'];
  const current = [...columns];
  const incoming = columns.map((c) => `excluded.${c}`);
  if (hasCustomAttributes) {
    set.push('attributes = customers.attributes || excluded.attributes');
    current.push('attributes');
    incoming.push('customers.attributes || excluded.attributes');
  }
  const insertColumns = ['external_id', ...columns, ...(hasCustomAttributes ? ['attributes'] : [])];
  const selectColumns = ['external_id', ...columns, ...(hasCustomAttributes ? ["coalesce(custom_attributes, '{}'::jsonb)"] : [])];
  const update = current.length
    ? sql`do update set ${sql.raw(set.join(', '))} where ${changedWhere('customers', current, incoming)}`
    : sql`do nothing`;
  return countUpsert(
    tx,
    sql`insert into customers (org_id, ${sql.raw(insertColumns.join(', '))})
        select ${orgId}::uuid, ${sql.raw(selectColumns.join(', '))} from ${STAGING}
        on conflict (org_id, external_id) ${update}`,
  );
}

/** Orders whose customer is unknown: either create minimal customers (returns how many) or report the rows. */
export async function resolveUnknownCustomers(tx: Database, orgId: string, policy: 'create' | 'reject') {
  if (policy === 'create') {
    const created = await queryRows<{ id: number }>(
      tx,
      sql`insert into customers (org_id, external_id)
          select distinct ${orgId}::uuid, s.customer_external_id from ${STAGING} s
          where not exists (select 1 from customers c where c.org_id = ${orgId} and c.external_id = s.customer_external_id)
          on conflict (org_id, external_id) do nothing
          returning id`,
    );
    return { created: created.length, rejects: [] };
  }
  const rejects = await queryRows<{ line: number; reason: string }>(
    tx,
    sql`delete from ${STAGING} s
        where not exists (select 1 from customers c where c.org_id = ${orgId} and c.external_id = s.customer_external_id)
        returning line, format('Customer %s is not in this workspace (import customers first, or let the import create them)', customer_external_id) as reason`,
  );
  return { created: 0, rejects: rejects.sort((a, b) => a.line - b.line) };
}

/**
 * Updates changed orders and inserts new ones, keyed by (workspace, order ID), in one statement. A plain insert of
 * the rows not yet there is much cheaper than INSERT … ON CONFLICT's speculative insertion on large files; a
 * concurrent import of the same new IDs then fails on the unique key and nothing of it is kept.
 */
export async function upsertOrders(tx: Database, orgId: string, mappedFields: ReadonlySet<string>) {
  const columns = ORDER_COLUMNS.filter((name) => ['ordered_at', 'revenue'].includes(name) || mappedFields.has(name));
  const [{ has_orders: hasOrders }] = await queryRows<{ has_orders: boolean }>(
    tx,
    sql`select exists (select 1 from orders where org_id = ${orgId}) as has_orders`,
  );
  if (!hasOrders) return insertFirstOrders(tx, orgId, columns);
  const current = ['customer_id', ...columns];
  const [counts] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with source as (
          select s.*, c.id as resolved_customer_id
          from ${STAGING} s join customers c on c.org_id = ${orgId} and c.external_id = s.customer_external_id
        ),
        updated as (
          update orders o
          set ${sql.raw(current.map((c) => `${c} = ${c === 'customer_id' ? 'source.resolved_customer_id' : `source.${c}`}`).join(', '))}
          from source
          where o.org_id = ${orgId} and o.external_id = source.external_id
            and (${sql.raw(current.map((c) => `o.${c}`).join(', '))}) is distinct from
                (${sql.raw(['source.resolved_customer_id', ...columns.map((c) => `source.${c}`)].join(', '))})
          returning 1
        ),
        inserted as (
          insert into orders (org_id, external_id, customer_id, ${sql.raw(columns.join(', '))})
          select ${orgId}::uuid, source.external_id, source.resolved_customer_id, ${sql.raw(columns.map((c) => `source.${c}`).join(', '))}
          from source
          where not exists (select 1 from orders o where o.org_id = ${orgId} and o.external_id = source.external_id)
          returning 1
        )
        select (select count(*) from inserted)::int as inserted, (select count(*) from updated)::int as updated`,
  );
  return counts;
}

/** A workspace's first orders: nothing to compare with, so one plain insert (no staged copy of the joined rows). */
async function insertFirstOrders(tx: Database, orgId: string, columns: string[]) {
  const [{ inserted }] = await queryRows<{ inserted: number }>(
    tx,
    sql`with inserted as (
          insert into orders (org_id, external_id, customer_id, ${sql.raw(columns.join(', '))})
          select ${orgId}::uuid, s.external_id, c.id, ${sql.raw(columns.map((c) => `s.${c}`).join(', '))}
          from ${STAGING} s join customers c on c.org_id = ${orgId} and c.external_id = s.customer_external_id
          returning 1
        )
        select count(*)::int as inserted from inserted`,
  );
  return { inserted, updated: 0 };
}
