import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Connection } from './client';

type PgliteClient = { query: (sql: string, params?: unknown[], options?: { blob?: Blob }) => Promise<unknown> };
type PostgresClient = { unsafe: (sql: string) => { writable: () => Promise<NodeJS.WritableStream> } };

/**
 * Loads a CSV file (with a header row) into a table with COPY: streamed through postgres.js on PostgreSQL,
 * handed to PGlite as a blob. `target` is trusted SQL, e.g. `staging_orders (external_id, revenue)`.
 */
export async function copyCsvFile(conn: Connection, target: string, file: string): Promise<void> {
  const copy = `copy ${target} from stdin with (format csv, header true)`;
  const client = (conn.db as unknown as { $client: unknown }).$client;
  if (conn.driver === 'postgres') {
    const writable = await (client as PostgresClient).unsafe(copy).writable();
    await pipeline(fs.createReadStream(file), writable);
  } else {
    const blob = new Blob([await fs.promises.readFile(file)]);
    await (client as PgliteClient).query(copy.replace('from stdin', "from '/dev/blob'"), [], { blob });
  }
}
