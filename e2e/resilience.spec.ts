import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import postgres from 'postgres';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from '../scripts/private-postgres';
import { sleep, startProductionServer, tail, type ProductionServer } from '../scripts/production-server';
import { demo, signIn } from './helpers';

/**
 * The database goes away under a running app and comes back. This journey serves the production build itself
 * (not the suite's shared server) against a PostgreSQL cluster of its own, so stopping it disturbs no other test.
 */

const PAGES = ['overview', 'customers', 'segments', 'valuation', 'model'];
const ANSWER_WITHIN_MS = 10_000;
const previewBody = {
  rule: { version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'condition', field: 'predicted_clv', operator: 'gt', value: 100 }] } },
};
// What must never reach the browser: stack frames, server paths, driver and SQL internals.
const internals = [/\n\s*at \S/, /\bat [\w$.<>[\]]+ \(/, /node_modules/, /\.next\/server/, new RegExp(escapeRegExp(process.cwd())), /ECONNREFUSED/, /Failed query/, /\b\w*Error: /, /\bselect .* from\b/i];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectNoInternals(text: string, what: string) {
  for (const pattern of internals) expect(text, `${what} shows ${pattern}`).not.toMatch(pattern);
}

async function timed(request: () => Promise<APIResponse>): Promise<{ response: APIResponse; ms: number }> {
  const started = Date.now();
  const response = await request();
  return { response, ms: Date.now() - started };
}

test.describe('when PostgreSQL stops and starts again', () => {
  const unavailable = privatePostgresUnavailable();
  test.skip(unavailable !== null, `needs a private PostgreSQL cluster: ${unavailable}`);

  let cluster: PrivatePostgres | undefined;
  let server: ProductionServer | undefined;
  let scratch = '';

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-resilience-'));
    cluster = await startPrivatePostgres();
    server = await startProductionServer({
      env: {
        DATABASE_URL: cluster.url,
        SEGMENTA_SEED_DEMO: 'true',
        AUTH_SECRET_FILE: path.join(scratch, 'auth-secret'),
        UPLOAD_DIR: path.join(scratch, 'uploads'),
      },
      ready: /Segmenta is running/,
      timeoutMs: 120_000,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('pages, a route handler and a server action fail friendly, then recover without a restart', async ({ browser }) => {
    test.setTimeout(120_000);
    const app = server!;
    const base = `${app.url}/w/${demo.slug}`;
    const context = await browser.newContext({ baseURL: app.url });
    const api: APIRequestContext = context.request; // shares the browser's session cookie
    const page = await context.newPage();
    const settings = await context.newPage();
    const get = (url: string) => timed(() => api.get(url, { maxRedirects: 0, timeout: ANSWER_WITHIN_MS }));
    const preview = () => timed(() => api.post(`${base}/segments/preview`, { data: previewBody, timeout: ANSWER_WITHIN_MS }));

    await test.step('healthy', async () => {
      await signIn(page, demo.admin);
      for (const name of PAGES) expect((await get(`${base}/${name}`)).response.status(), name).toBe(200);
      expect((await preview()).response.status()).toBe(200);
      await settings.goto(`${base}/settings`);
      await expect(settings.getByLabel('CLV horizon (months)')).toHaveValue('12');
    });

    await test.step('stop PostgreSQL while requests run: every request is answered, none hangs', async () => {
      let loading = true;
      const inFlight = Array.from({ length: 4 }, async (_, i) => {
        const seen: { status: number; ms: number }[] = [];
        for (let n = i; loading; n++) {
          const { response, ms } = await get(`${base}/${PAGES[n % PAGES.length]}`);
          seen.push({ status: response.status(), ms });
        }
        return seen;
      });
      await sleep(500);
      await cluster!.stop();
      await sleep(1000);
      loading = false;
      const seen = (await Promise.all(inFlight)).flat();
      expect(seen.length).toBeGreaterThan(0);
      for (const { status, ms } of seen) {
        expect([200, 500, 503], `status ${status}`).toContain(status);
        expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
      }
    });

    await test.step('while it is down: friendly error pages, no internals, answered promptly', async () => {
      for (const url of [...PAGES.map((name) => `${base}/${name}`), `${app.url}/login`]) {
        const { response, ms } = await get(url);
        expect([500, 503], url).toContain(response.status());
        expect(ms, url).toBeLessThan(ANSWER_WITHIN_MS);
        expectNoInternals(await response.text(), url);
      }
      const route = await preview();
      expect([500, 503]).toContain(route.response.status());
      expect(route.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expectNoInternals(await route.response.text(), 'the preview route');

      await page.goto(`${base}/customers`);
      await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
      expectNoInternals(await page.locator('body').innerText(), 'the customers page');

      // A server action submitted from a page loaded before the outage.
      await settings.getByLabel('CLV horizon (months)').fill('18');
      await settings.getByRole('button', { name: 'Save and recompute' }).click();
      await expect(settings.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
      expectNoInternals(await settings.locator('body').innerText(), 'the settings page after a failed save');
    });

    await test.step('start it again: the same server process serves pages again', async () => {
      await cluster!.start();
      await expect
        .poll(async () => (await get(`${base}/overview`)).response.status(), { timeout: 20_000, intervals: [250, 500, 1000] })
        .toBe(200);
      for (const name of PAGES) expect((await get(`${base}/${name}`)).response.status(), name).toBe(200);
      expect((await get(`${app.url}/login`)).response.status()).toBeLessThan(400); // signed in: a redirect onwards
      expect((await preview()).response.status()).toBe(200);
      expect(app.running(), `next start exited:\n${tail(app.output())}`).toBe(true);

      await page.reload();
      await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
      await settings.getByRole('button', { name: 'Try again' }).click();
      await expect(settings.getByLabel('CLV horizon (months)')).toBeVisible();
    });

    await test.step('the job worker survived: a saved change is recomputed, a queued job is picked up', async () => {
      const sql = postgres(cluster!.url, { max: 1, onnotice: () => {} });
      try {
        const latestRecompute = async () =>
          (await sql<{ id: string; status: string }[]>`select id, status from jobs where kind = 'recompute' order by id desc limit 1`)[0];
        const before = await latestRecompute();
        await settings.getByLabel('CLV horizon (months)').fill('18');
        await settings.getByRole('button', { name: 'Save and recompute' }).click();
        await expect(settings.getByText('Saved. Customer value is being recomputed with the new settings.')).toBeVisible();
        await expect.poll(latestRecompute, { timeout: 60_000 }).toMatchObject({ status: 'succeeded' });
        expect(Number((await latestRecompute()).id)).toBeGreaterThan(Number(before.id));

        // Queued behind the app's back: only the worker's own polling can pick it up.
        const [queued] = await sql<{ id: string }[]>`insert into jobs (org_id, kind) select id, 'recompute' from organizations where slug = ${demo.slug} returning id`;
        await expect
          .poll(async () => (await sql<{ status: string }[]>`select status from jobs where id = ${queued.id}`)[0].status, { timeout: 60_000 })
          .toBe('succeeded');
      } finally {
        await sql.end();
      }
      expect(app.running()).toBe(true);
    });
    await context.close();
  });
});
