import { openDatabase, useDatabase, type Database } from './client';
import { migrateDatabase } from './migrate';
import { createScratchDatabase } from './scratch-database';

export type TestDatabase = { db: Database; driver: 'pglite' | 'postgres'; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a uniquely named
 * database on the server in DATABASE_URL (created here, dropped by `drop`). It also becomes the process's
 * database, so code that calls getDb() runs against it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'segmenta_test') : null;
  const conn = await openDatabase(scratch ? { url: scratch.url } : { dataDir: null });
  await migrateDatabase(conn.db, conn.driver);
  useDatabase(conn);
  return {
    db: conn.db,
    driver: conn.driver,
    drop: async () => {
      await conn.close();
      await scratch?.drop();
    },
  };
}
