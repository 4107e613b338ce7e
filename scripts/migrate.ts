/**
 * Applies pending migrations to DATABASE_URL, or to the embedded PGlite folder when it is unset.
 * The app also does this at start; with PGlite, run it only while the app is stopped (one process per folder).
 */
import { loadEnvConfig } from '@next/env';
import { openDatabase, pgliteDirectory } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';

async function main() {
  loadEnvConfig(process.cwd());
  const url = process.env.DATABASE_URL || undefined;
  const conn = await openDatabase({ url, dataDir: pgliteDirectory() });
  const started = Date.now();
  await migrateDatabase(conn.db, conn.driver);
  await conn.close();
  console.log(`Migrations applied to ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${pgliteDirectory()}`} in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
