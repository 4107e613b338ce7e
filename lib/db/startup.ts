import { DEMO_PASSWORD, DEMO_WORKSPACE, demoLogins, seedDemoIfEmpty } from '@/lib/demo/seed';
import { roleLabels } from '@/lib/auth/roles';
import { findDemoWorkspace } from '@/lib/workspaces/workspaces';
import { databaseDriver, getDb, pgliteDirectory } from './client';

/** At server start: apply pending migrations (inside getDb), seed the demo into an empty database, print how to sign in. */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const db = await getDb();
  const driver = await databaseDriver();
  const where = driver === 'pglite' ? `embedded PGlite at ${pgliteDirectory()}` : 'PostgreSQL from DATABASE_URL';
  console.log(`[segmenta] database ready: ${where} (${Date.now() - started} ms)`);

  if (process.env.SEGMENTA_SEED_DEMO === 'false') return;
  const seeded = await seedDemoIfEmpty(db);
  if (seeded) console.log(`[segmenta] seeded the "${seeded.name}" demo workspace in ${Date.now() - started} ms`);
  if (!seeded && !(await findDemoWorkspace(db))) return;

  const port = process.env.PORT || '3000';
  console.log(
    [
      '',
      `  Segmenta is running: http://localhost:${port}`,
      `  Demo workspace "${DEMO_WORKSPACE.name}" — sign in with password "${DEMO_PASSWORD}" as:`,
      ...demoLogins.map((login) => `    ${roleLabels[login.role].padEnd(9)} ${login.email}`),
      '',
    ].join('\n'),
  );
}
