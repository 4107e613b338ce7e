/**
 * npm run import -- --workspace SLUG [--create] [--owner EMAIL] [--customers FILE] [--orders FILE]
 *                   [--unknown-customers create|reject] [--date-order ymd|dmy|mdy] [--skip-recompute]
 * Imports through the same code as the imports page, then recomputes customer value. Exit code 1 on failure.
 * Last line: one JSON object with the counts, the time and the peak memory.
 */
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import { findUserByEmail } from '@/lib/auth/users';
import { databaseDriver, getDb } from '@/lib/db/client';
import { tenantForJob } from '@/lib/db/tenant';
import { importFiles } from '@/lib/import/import-files';
import { registerJobHandlers } from '@/lib/jobs/handlers';
import { enqueueJob } from '@/lib/jobs/queue';
import { runQueuedJobs } from '@/lib/jobs/worker';
import { createWorkspace, findWorkspaceBySlug } from '@/lib/workspaces/workspaces';

const USAGE =
  'Usage: npm run import -- --workspace SLUG [--create] [--owner EMAIL] [--customers FILE] [--orders FILE] ' +
  '[--unknown-customers create|reject] [--date-order ymd|dmy|mdy] [--skip-recompute]';

async function main(): Promise<number> {
  loadEnvConfig(process.cwd());
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      create: { type: 'boolean', default: false },
      owner: { type: 'string' },
      customers: { type: 'string' },
      orders: { type: 'string' },
      'unknown-customers': { type: 'string', default: 'create' },
      'date-order': { type: 'string' },
      'skip-recompute': { type: 'boolean', default: false },
    },
  });
  const unknownCustomers = values['unknown-customers'];
  const dateOrder = values['date-order'];
  if (!values.workspace || (!values.customers && !values.orders)) throw new Error(USAGE);
  if (unknownCustomers !== 'create' && unknownCustomers !== 'reject') throw new Error(`--unknown-customers is create or reject.\n${USAGE}`);
  if (dateOrder !== undefined && dateOrder !== 'ymd' && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new Error(`--date-order is ymd, dmy or mdy.\n${USAGE}`);

  const started = performance.now();
  const db = await getDb();
  let workspace = await findWorkspaceBySlug(db, values.workspace);
  const owner = values.owner ? await findUserByEmail(db, values.owner) : null;
  if (values.owner && !owner) throw new Error(`No user has the email ${values.owner}.`);
  if (!workspace) {
    if (!values.create) throw new Error(`No workspace "${values.workspace}". Add --create to make it.`);
    workspace = await createWorkspace(db, { name: values.workspace, slug: values.workspace, currency: 'USD', ownerId: owner?.id ?? null });
    console.log(`Created workspace "${workspace.slug}"${owner ? ` with ${owner.email} as admin` : ' (no members yet: pass --owner EMAIL to add an admin)'}.`);
  }
  const tenant = tenantForJob({ orgId: workspace.id });

  const results = await importFiles(db, tenant, { customers: values.customers, orders: values.orders }, {
    unknownCustomers,
    dateOrder,
    overlap: (await databaseDriver()) === 'postgres',
  });
  let failed = false;
  for (const entity of ['customers', 'orders'] as const) {
    const result = results[entity];
    if (!result) continue;
    if (result.status === 'failed') {
      failed = true;
      console.error(`${entity}: FAILED — ${result.error}`);
      continue;
    }
    const c = result.counts;
    console.log(
      `${entity}: ${c.rowsRead} rows read, ${c.rowsInserted} inserted, ${c.rowsUpdated} updated, ${c.rowsUnchanged} unchanged, ` +
        `${c.rowsRejected} rejected${entity === 'orders' ? `, ${c.refunds} refunds, ${c.customersCreated} customers created` : ''}`,
    );
  }
  const importMs = Math.round(performance.now() - started);
  if (!failed && !values['skip-recompute']) {
    registerJobHandlers();
    await enqueueJob(db, workspace.id, 'recompute');
    await runQueuedJobs();
    console.log('Customer value recomputed.');
  }
  console.log(JSON.stringify({ workspace: workspace.slug, ...results, import_ms: importMs, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
