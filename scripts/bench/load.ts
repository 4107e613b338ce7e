/**
 * npm run bench:load — BENCH_CONCURRENCY (default 50) signed-in users browse overview, customers, segments and
 * valuation of the demo workspace for BENCH_DURATION_S (default 60) against the production build (`next start` on
 * loopback) with the demo seeded into a scratch database on PostgreSQL (DATABASE_URL or 127.0.0.1:5432; dropped at
 * the end). Each user is a real account, member of the demo workspace, signed in through the credentials endpoint;
 * each loops over the pages one request at a time, timed to the last byte. Baseline, same server and run: GET /login
 * and each page requested one at a time before the load. Errors: HTTP ≥ 400, a redirect to /login, a network error
 * or no answer within 30 s. Needs `npm run build` first. Last line: one JSON object.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createUser } from '@/lib/auth/users';
import { openDatabase, type Connection } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { createScratchDatabase } from '@/lib/db/scratch-database';
import { DEMO_PASSWORD, DEMO_WORKSPACE, demoLogins } from '@/lib/demo/accounts';
import { addMember, findDemoWorkspace } from '@/lib/workspaces/workspaces';
import { assertProductionBuild, signInWithPassword, startProductionServer, tail, type ProductionServer } from '../production-server';
import { BENCH_SERVER_URL } from './databases';
import { percentile } from './percentile';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 60);
const REQUEST_TIMEOUT_MS = 30_000;
const BASELINE_REQUESTS = 20;
const PAGES = ['overview', 'customers', 'segments', 'valuation'] as const;

type Sample = { page: string; ms: number; error?: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 1 });

/** One GET, timed until its last byte; `error` says why it does not count as a page served. */
function timedGet(url: string, cookie?: string): Promise<{ ms: number; status: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, error?: string) => resolve({ ms: performance.now() - started, status, error });
    const request = http.get(url, { agent, headers: cookie ? { cookie } : {} }, (response) => {
      const status = response.statusCode ?? 0;
      response.on('data', () => {});
      response.on('error', (error) => done(status, `response: ${error.message}`));
      response.on('end', () => {
        const location = response.headers.location ?? '';
        if (status >= 400) done(status, `HTTP ${status}`);
        else if (status >= 300 && location.includes('/login')) done(status, 'redirected to /login (session lost)');
        else done(status);
      });
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => done(0, (error as NodeJS.ErrnoException).code ?? error.message));
  });
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function summarise(samples: Sample[]) {
  const ms = samples.filter((s) => !s.error).map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.error).length,
    p50_ms: round(percentile(ms, 0.5)),
    p95_ms: round(percentile(ms, 0.95)),
    p99_ms: round(percentile(ms, 0.99)),
    max_ms: round(ms.at(-1) ?? NaN),
  };
}

/** The demo's three accounts plus members added to the demo workspace, up to `count` users. */
async function benchUsers(conn: Connection, count: number): Promise<{ email: string; password: string }[]> {
  const workspace = await findDemoWorkspace(conn.db);
  if (!workspace) throw new Error('The server did not seed the demo workspace.');
  const users = demoLogins.slice(0, count).map((login) => ({ email: login.email, password: DEMO_PASSWORD }));
  for (let i = users.length; i < count; i++) {
    const email = `load-${String(i + 1).padStart(3, '0')}@bench.segmenta.test`;
    const user = await createUser(conn.db, { email, name: `Load User ${i + 1}`, password: DEMO_PASSWORD });
    await addMember(conn.db, workspace.id, user.id, demoLogins[i % demoLogins.length].role);
    users.push({ email, password: DEMO_PASSWORD });
  }
  return users;
}

async function sequentialBaseline(url: string, cookie?: string): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < BASELINE_REQUESTS; i++) {
    const result = await timedGet(url, cookie);
    if (result.error) throw new Error(`Baseline GET ${url} failed: ${result.error}`);
    ms.push(result.ms);
  }
  return percentile(ms.sort((a, b) => a - b), 0.5);
}

async function run(server: ProductionServer, conn: Connection) {
  const base = `${server.url}/w/${DEMO_WORKSPACE.slug}`;
  const users = await benchUsers(conn, CONCURRENCY);
  // One after another: the throttle counts an attempt until it succeeds, so parallel sign-ins from one address
  // could be refused; sequential ones never are.
  const cookies: string[] = [];
  for (const user of users) cookies.push(await signInWithPassword(server.url, user.email, user.password));

  const skipped: Record<string, string> = {};
  const pages: string[] = [];
  for (const page of PAGES) {
    const probe = await timedGet(`${base}/${page}`, cookies[0]);
    if (probe.status === 404 && page === 'valuation') skipped[page] = 'HTTP 404: the valuation page is not in this build';
    else if (probe.error) throw new Error(`GET /${page} failed before the load: ${probe.error}\n${tail(server.output())}`);
    else pages.push(page);
  }
  // Every session works, and every page has been rendered once (first requests load the route's code).
  await Promise.all(
    cookies.map(async (cookie, i) => {
      const result = await timedGet(`${base}/${pages[i % pages.length]}`, cookie);
      if (result.error) throw new Error(`Session of ${users[i].email} cannot open ${pages[i % pages.length]}: ${result.error}`);
    }),
  );

  const loginP50 = await sequentialBaseline(`${server.url}/login`);
  const idleP50: Record<string, number> = {};
  for (const page of pages) idleP50[page] = round(await sequentialBaseline(`${base}/${page}`, cookies[0]));

  const outputBefore = server.output().length;
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(
    cookies.map(async (cookie, user) => {
      // Users start at different pages so every page is under load throughout.
      for (let i = user; performance.now() < deadline; i++) {
        const page = pages[i % pages.length];
        const result = await timedGet(`${base}/${page}`, cookie);
        samples.push({ page, ms: result.ms, error: result.error });
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const serverErrorsLogged = (server.output().slice(outputBefore).match(/^\s*⨯/gm) ?? []).length;

  const [{ customers }] = await queryRows<{ customers: number }>(conn.db, sql`select count(*)::int as customers from customers`);
  const overall = summarise(samples);
  const perPage = Object.fromEntries(pages.map((page) => [page, summarise(samples.filter((s) => s.page === page))]));
  const errorReasons: Record<string, number> = {};
  for (const s of samples) if (s.error) errorReasons[`${s.page}: ${s.error}`] = (errorReasons[`${s.page}: ${s.error}`] ?? 0) + 1;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readIfExists(`/proc/${server.pid}/status`))?.[1] ?? NaN);

  console.log(
    `\n${CONCURRENCY} signed-in users, ${DURATION_S} s, demo workspace of ${customers} customers on PostgreSQL, ${os.cpus().length} CPUs shared by load and server`,
  );
  console.log(`baseline (one request at a time): GET /login p50 ${round(loginP50)} ms`);
  console.log('page        requests  errors   p50 ms   p95 ms   p99 ms   idle p50 ms   p50 / login');
  for (const [page, figures] of Object.entries(perPage)) {
    console.log(
      `${page.padEnd(10)} ${String(figures.requests).padStart(9)} ${String(figures.errors).padStart(7)} ${String(figures.p50_ms).padStart(8)} ` +
        `${String(figures.p95_ms).padStart(8)} ${String(figures.p99_ms).padStart(8)} ${String(idleP50[page]).padStart(13)} ${(figures.p50_ms / loginP50).toFixed(1).padStart(13)}`,
    );
  }
  console.log(
    `all        ${String(overall.requests).padStart(9)} ${String(overall.errors).padStart(7)} ${String(overall.p50_ms).padStart(8)} ${String(overall.p95_ms).padStart(8)} ` +
      `${String(overall.p99_ms).padStart(8)}   (${(overall.requests / elapsedS).toFixed(1)} requests/s)`,
  );
  for (const [page, reason] of Object.entries(skipped)) console.log(`skipped ${page}: ${reason}`);
  for (const [reason, count] of Object.entries(errorReasons)) console.log(`error ×${count}: ${reason}`);
  if (serverErrorsLogged) console.log(`the server logged ${serverErrorsLogged} error(s) during the run:\n${tail(server.output().slice(outputBefore), 20)}`);

  return {
    concurrency: CONCURRENCY,
    duration_s: DURATION_S,
    requests: overall.requests,
    errors: overall.errors,
    p50_ms: overall.p50_ms,
    p95_ms: overall.p95_ms,
    p99_ms: overall.p99_ms,
    max_ms: overall.max_ms,
    requests_per_s: Number((overall.requests / elapsedS).toFixed(1)),
    pages: perPage,
    skipped_pages: skipped,
    error_reasons: errorReasons,
    baseline_login_p50_ms: round(loginP50),
    p50_vs_login: Number((overall.p50_ms / loginP50).toFixed(1)),
    idle_p50_ms: idleP50,
    server_errors_logged: serverErrorsLogged,
    server_rss_mb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null,
    users: cookies.length,
    customers,
    driver: 'postgres',
    cpus: os.cpus().length,
  };
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main() {
  assertProductionBuild();
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-load-'));
  const database = await createScratchDatabase(BENCH_SERVER_URL, 'segmenta_load');
  let server: ProductionServer | undefined;
  let conn: Connection | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => (cleaning ??= (async () => {
    agent.destroy();
    await server?.stop();
    await conn?.close().catch(() => {});
    await database.drop().catch((error) => console.error('could not drop the scratch database', error));
    fs.rmSync(scratchDir, { recursive: true, force: true });
  })());
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
  try {
    console.log(`database ${database.name}; starting next start…`);
    server = await startProductionServer({
      env: {
        DATABASE_URL: database.url,
        SEGMENTA_SEED_DEMO: 'true',
        AUTH_SECRET_FILE: path.join(scratchDir, 'auth-secret'),
        UPLOAD_DIR: path.join(scratchDir, 'uploads'),
      },
      ready: /Segmenta is running/,
    });
    conn = await openDatabase({ url: database.url });
    const result = await run(server, conn);
    console.log(JSON.stringify(result));
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
