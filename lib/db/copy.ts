import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Database } from './client';

type PostgresClient = { unsafe: (sql: string) => { writable: () => Promise<Writable> } };
type PgliteClient = { query: (sql: string, params?: unknown[], options?: { blob?: Blob }) => Promise<unknown> };

export type CopyStream = {
  write: (csv: string) => Promise<void>;
  end: () => Promise<void>;
  /** Cancels the COPY (the connection can then roll back); the caller rethrows its error. */
  abort: (error: Error) => Promise<void>;
};

// PGlite takes COPY input as a blob: send it in slices so a large file never sits in memory whole.
const PGLITE_SLICE_CHARS = 16 << 20;

/**
 * COPY … FROM STDIN (format csv) on the connection or transaction `db` runs on: streamed by postgres.js, handed to
 * PGlite in blob slices. `target` is trusted SQL such as `staging (line, revenue)`.
 */
export async function openCopy(db: Database, target: string, options: { header?: boolean } = {}): Promise<CopyStream> {
  const client = (db as unknown as { session: { client: unknown } }).session.client;
  const copy = `copy ${target} from stdin with (format csv${options.header ? ', header true' : ''})`;
  if (typeof (client as PostgresClient).unsafe === 'function') {
    const writable = await (client as PostgresClient).unsafe(copy).writable();
    return {
      write: async (csv) => {
        if (!writable.write(csv)) await once(writable, 'drain');
      },
      end: async () => {
        writable.end();
        await once(writable, 'finish');
      },
      abort: async (error) => {
        writable.destroy(error);
        await once(writable, 'close').catch(() => {});
      },
    };
  }
  let pending: string[] = [];
  let pendingChars = 0;
  let first = true;
  const flush = async () => {
    if (pendingChars === 0) return;
    const blob = new Blob(pending);
    pending = [];
    pendingChars = 0;
    // Only the first slice carries the header line.
    const sql = (first ? copy : copy.replace(', header true', '')).replace('from stdin', "from '/dev/blob'");
    first = false;
    await asSessionUser(client as PgliteClient, () => (client as PgliteClient).query(sql, [], { blob }));
  };
  return {
    write: async (csv) => {
      pending.push(csv);
      pendingChars += csv.length;
      if (pendingChars >= PGLITE_SLICE_CHARS) await flush();
    },
    end: flush,
    abort: async () => {
      pending = [];
      pendingChars = 0;
    },
  };
}

/**
 * Postgres allows COPY from a file only to superusers, and PGlite's blob is such a file: inside a tenant transaction
 * (which runs as the tenant role, lib/db/tenant.ts) the one COPY statement runs as the session user, then the role
 * is restored. The target is trusted SQL chosen by the caller, typically the transaction's own staging table.
 */
async function asSessionUser<T>(client: PgliteClient, copy: () => Promise<T>): Promise<T> {
  const [{ current, session }] = ((await client.query('select current_user as current, session_user as session')) as {
    rows: { current: string; session: string }[];
  }).rows;
  if (current === session) return copy();
  await client.query('reset role');
  try {
    return await copy();
  } finally {
    await client.query(`set local role "${current.replace(/"/g, '""')}"`);
  }
}

/** Loads a CSV file with a header row and no line breaks inside fields into `target` (benchmarks and fixtures). */
export async function copyCsvFile(db: Database, target: string, file: string): Promise<void> {
  const stream = await openCopy(db, target, { header: true });
  let partialLine = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = partialLine + (chunk as string);
    const end = text.lastIndexOf('\n') + 1;
    partialLine = text.slice(end);
    if (end > 0) await stream.write(text.slice(0, end));
  }
  if (partialLine) await stream.write(partialLine);
  await stream.end();
}
