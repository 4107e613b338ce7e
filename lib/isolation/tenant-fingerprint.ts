import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';

/** Every table of the schema with an `org_id` column: a table added later is fingerprinted without changing this file. */
export async function tenantTables(db: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function rowsHash(db: Database, from: ReturnType<typeof sql>): Promise<string> {
  // Whole rows as text, sorted, hashed: any changed column, added or removed row changes the hash.
  const [row] = await queryRows<{ rows: number; hash: string | null }>(
    db,
    sql`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as hash from ${from}`,
  );
  return `${row.rows} rows ${row.hash ?? '-'}`;
}

/**
 * The state of everything one workspace owns, per table: its rows of every org_id table, its organization row,
 * its members' user rows and its stored uploads. Two equal fingerprints mean nothing of the workspace changed.
 */
export async function tenantFingerprint(db: Database, orgId: string, uploadDir: string): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of await tenantTables(db)) {
    fingerprint[table] = await rowsHash(db, sql`${sql.identifier(table)} t where t.org_id = ${orgId}`);
  }
  fingerprint.organizations = await rowsHash(db, sql`organizations t where t.id = ${orgId}`);
  fingerprint['users (members)'] = await rowsHash(db, sql`users t where t.id in (select user_id from memberships where org_id = ${orgId})`);
  const uploads = path.join(uploadDir, orgId);
  fingerprint['stored uploads'] = fs.existsSync(uploads) ? fs.readdirSync(uploads).sort().join(',') : '(none)';
  return fingerprint;
}
