import crypto from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Connection } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';

export const BENCH_SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh migrated database for a benchmark: PGlite in memory, or a new database on the server (dropped by `drop`). */
export async function benchDatabase(driver: 'pglite' | 'postgres'): Promise<Connection & { drop: () => Promise<void>; url?: string }> {
  if (driver === 'pglite') {
    const conn = await openDatabase({ dataDir: null });
    await migrateDatabase(conn.db, conn.driver);
    return { ...conn, drop: conn.close };
  }
  const name = `segmenta_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(BENCH_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const conn = await openDatabase({ url: url.toString() });
  await migrateDatabase(conn.db, conn.driver);
  return {
    ...conn,
    url: url.toString(),
    drop: async () => {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
