import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { reportingConnectionFailures } from './connection-failure';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection = { db: Database; driver: 'pglite' | 'postgres'; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { segmentaDb?: Promise<Connection> };

export function pgliteDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || '.data/pglite');
}

/** Delay before postgres.js reconnects after `retries` failed connections: 20 ms, 40 ms, … at most 1 s. */
function reconnectDelaySeconds(retries: number): number {
  return Math.min(2 ** retries / 100, 1);
}

/**
 * Opens a connection: postgres.js when a URL is given, otherwise PGlite (in memory when dataDir is null).
 * `onConnectionFailure` (postgres.js only) hears of every query that failed because its connection did.
 */
export async function openDatabase(options: { url?: string; dataDir?: string | null; onConnectionFailure?: () => void }): Promise<Connection> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      // After each failed connection postgres.js waits longer before the next (default up to 20 s): while the
      // server is down every request would hang that long, and after it is back the first ones still would.
      backoff: reconnectDelaySeconds,
      onnotice: () => {},
      connection: { application_name: 'segmenta', TimeZone: 'UTC' },
    });
    const observed = options.onConnectionFailure ? reportingConnectionFailures(client, options.onConnectionFailure) : client;
    return { db: drizzle(observed, { schema }) as unknown as Database, driver: 'postgres', close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let releaseLock = () => {};
  if (options.dataDir) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    releaseLock = lockPgliteDirectory(options.dataDir);
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  await client.exec("set time zone 'UTC'");
  const close = async () => {
    await client.close();
    releaseLock();
  };
  return { db: drizzle(client, { schema }) as unknown as Database, driver: 'pglite', close };
}

/**
 * PGlite has no lock of its own and two processes on one folder silently lose rows: claim the folder with a pid
 * file, taking over only from a process that no longer runs.
 */
function lockPgliteDirectory(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  const release = () => fs.rmSync(lockFile, { force: true });
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner === process.pid) return release;
      if (owner && processIsRunning(owner)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by process ${owner}. Stop it first (one process per PGlite folder), or set PGLITE_DIR.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// One connection per process: PGlite has no folder lock, so a second instance on the same folder loses rows.
function connection(): Promise<Connection> {
  if (globalForDb.segmentaDb) return globalForDb.segmentaDb;
  const forget = () => {
    if (globalForDb.segmentaDb === opening) globalForDb.segmentaDb = undefined;
  };
  const opening: Promise<Connection> = openDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: pgliteDirectory(),
    // The next request gets a fresh pool (see connection-failure.ts); work holding this one finishes on it.
    onConnectionFailure: forget,
  })
    .then(async (conn) => {
      const { migrateDatabase } = await import('./migrate');
      await migrateDatabase(conn.db, conn.driver);
      return conn;
    })
    .catch((error) => {
      // Forget the failure so the next request tries again (e.g. Postgres was still starting).
      forget();
      throw error;
    });
  globalForDb.segmentaDb = opening;
  return opening;
}

/** Makes `conn` the process's database (tests and CLIs that open their own connection). */
export function useDatabase(conn: Connection): void {
  globalForDb.segmentaDb = Promise.resolve(conn);
}

export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

export async function databaseDriver(): Promise<Connection['driver']> {
  return (await connection()).driver;
}
