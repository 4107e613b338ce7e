import net from 'node:net';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb, openDatabase } from './client';
import { isConnectionFailure } from './connection-failure';
import { createScratchDatabase } from './scratch-database';

/** A loopback port nobody listens on: connecting is refused at once, like a PostgreSQL that was stopped. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('connection failures', () => {
  it('are told from statement errors, also when Drizzle wraps them', () => {
    expect(isConnectionFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionFailure(new Error('Failed query', { cause: { code: '57P01' } }))).toBe(true);
    expect(isConnectionFailure({ code: 'CONNECT_TIMEOUT' })).toBe(true);
    expect(isConnectionFailure({ code: '08006' })).toBe(true);
    expect(isConnectionFailure(new Error('Failed query', { cause: { code: '22012' } }))).toBe(false);
    expect(isConnectionFailure({ code: '23505' })).toBe(false);
    expect(isConnectionFailure(undefined)).toBe(false);
  });

  it('fail each query promptly while the server is unreachable, instead of waiting out a growing backoff', async () => {
    let reported = 0;
    const conn = await openDatabase({ url: `postgres://segmenta@127.0.0.1:${await closedPort()}/segmenta`, onConnectionFailure: () => reported++ });
    try {
      // With postgres.js's default backoff, once each pooled connection has failed a few times, the next attempt
      // on it waits 3.6–7.3 s, then up to 20 s.
      for (let attempt = 1; attempt <= 30; attempt++) {
        const started = performance.now();
        await expect(conn.db.execute(sql`select 1`)).rejects.toThrow();
        expect(performance.now() - started, `attempt ${attempt}`).toBeLessThan(2000);
      }
      await expect(conn.db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
      expect(reported).toBe(31);
    } finally {
      await conn.close();
    }
  });
});

// The process's own pool (getDb) on a database of its own, whose connections the test terminates.
describe.skipIf(!process.env.DATABASE_URL)('the process pool on PostgreSQL', () => {
  let drop = async () => {};
  afterAll(() => drop());

  it('is replaced after its connection fails, not after a statement fails', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'segmenta_test');
    drop = scratch.drop;
    const admin = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const serverUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = scratch.url;
    try {
      const first = await getDb();
      await expect(first.execute(sql`select 1 / 0`)).rejects.toThrow();
      expect(await getDb()).toBe(first);

      const sleeping = first.execute(sql`select pg_sleep(30)`).then(() => 'finished', (error: unknown) => error);
      await expect
        .poll(async () => (await admin`select count(*)::int as n from pg_stat_activity where query like 'select pg_sleep%' and pid <> pg_backend_pid()`)[0].n)
        .toBe(1);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where query like 'select pg_sleep%' and pid <> pg_backend_pid()`;
      expect(isConnectionFailure(await sleeping)).toBe(true);

      const second = await getDb();
      expect(second).not.toBe(first);
      expect(await second.execute(sql`select 1 as one`)).toMatchObject([{ one: 1 }]);
    } finally {
      process.env.DATABASE_URL = serverUrl;
      await admin.end();
    }
  });
});
