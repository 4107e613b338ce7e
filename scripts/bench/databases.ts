import { openDatabase, type Connection } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { createScratchDatabase } from '@/lib/db/scratch-database';

export const BENCH_SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh migrated database for a benchmark: PGlite in memory, or a new database on the server (dropped by `drop`). */
export async function benchDatabase(driver: 'pglite' | 'postgres'): Promise<Connection & { drop: () => Promise<void>; url?: string }> {
  const scratch = driver === 'postgres' ? await createScratchDatabase(BENCH_SERVER_URL, 'segmenta_bench') : null;
  const conn = await openDatabase(scratch ? { url: scratch.url } : { dataDir: null });
  await migrateDatabase(conn.db, conn.driver);
  return {
    ...conn,
    url: scratch?.url,
    drop: async () => {
      await conn.close();
      await scratch?.drop();
    },
  };
}
