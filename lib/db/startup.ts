import { DEMO_PASSWORD, DEMO_WORKSPACE, demoLogins } from '@/lib/demo/accounts';
import { seedDemoIfEmpty } from '@/lib/demo/seed';
import { roleLabels } from '@/lib/auth/roles';
import { findDemoWorkspace } from '@/lib/workspaces/workspaces';
import { registerJobHandlers } from '@/lib/jobs/handlers';
import { enqueueJob } from '@/lib/jobs/queue';
import { runQueuedJobs, startWorker } from '@/lib/jobs/worker';
import { createRuleSegments } from '@/lib/segments/segment-store';
import { VALUE_TEMPLATES } from '@/lib/segments/templates';
import { tenantForJob } from './tenant';
import { databaseDriver, getDb, pgliteDirectory } from './client';

/**
 * At server start: apply pending migrations (inside getDb), start the job worker, seed and compute the demo into an
 * empty database, print how to sign in.
 */
export async function prepareDatabase(): Promise<void> {
  const started = Date.now();
  const db = await getDb();
  const driver = await databaseDriver();
  const where = driver === 'pglite' ? `embedded PGlite at ${pgliteDirectory()}` : 'PostgreSQL from DATABASE_URL';
  console.log(`[segmenta] database ready: ${where} (${Date.now() - started} ms)`);

  registerJobHandlers();
  await seedDemoWhenWanted(driver);
  startWorker();
  if (await findDemoWorkspace(db)) printDemoLogins();
}

async function seedDemoWhenWanted(driver: 'pglite' | 'postgres'): Promise<void> {
  const started = Date.now();
  const db = await getDb();
  // The demo's accounts have a published password: seed them by default only into the embedded database.
  const seedDemo = process.env.SEGMENTA_SEED_DEMO ? process.env.SEGMENTA_SEED_DEMO === 'true' : driver === 'pglite';
  if (!seedDemo) return;
  const seeded = await seedDemoIfEmpty(db);
  if (seeded) {
    // Computed before the logins are printed, so the demo is complete when it is announced.
    await enqueueJob(db, seeded.id, 'recompute');
    await runQueuedJobs();
    await createRuleSegments(tenantForJob({ orgId: seeded.id }), null, VALUE_TEMPLATES);
    console.log(`[segmenta] seeded and computed the "${seeded.name}" demo workspace in ${Date.now() - started} ms`);
  }
}

function printDemoLogins(): void {
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
