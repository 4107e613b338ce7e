import crypto from 'node:crypto';
import { openDatabase, useDatabase, type Database } from './client';
import { migrateDatabase } from './migrate';

export type TestDatabase = { db: Database; driver: 'pglite' | 'postgres'; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a uniquely named
 * database on the server in DATABASE_URL (created here, dropped by `drop`). It also becomes the process's
 * database, so code that calls getDb() runs against it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const conn = await openDatabase({ dataDir: null });
    await migrateDatabase(conn.db, conn.driver);
    useDatabase(conn);
    return { db: conn.db, driver: conn.driver, drop: conn.close };
  }
  const name = `segmenta_test_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const conn = await openDatabase({ url: url.toString() });
  await migrateDatabase(conn.db, conn.driver);
  useDatabase(conn);
  return {
    db: conn.db,
    driver: conn.driver,
    drop: async () => {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
