/**
 * Serves the production build for the end-to-end tests on a database of its own: a fresh PGlite folder,
 * or with DATABASE_URL a freshly created database on that server. Both are removed on shutdown.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createScratchDatabase } from '../lib/db/scratch-database';

const port = process.env.E2E_PORT || '3210';
const runId = `${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, SEGMENTA_SEED_DEMO: 'true' };
const scratch = path.resolve('.data', `e2e-${runId}`);
fs.mkdirSync(scratch, { recursive: true });
env.AUTH_SECRET_FILE = path.join(scratch, 'auth-secret');

let dropDatabase = async () => {};
async function main() {
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'segmenta_e2e');
    env.DATABASE_URL = scratch.url;
    dropDatabase = scratch.drop;
    console.log(`[e2e] database ${scratch.name}`);
  } else {
    env.PGLITE_DIR = path.join(scratch, 'pglite');
    env.DATABASE_URL = ''; // or `next start` would take one from .env
    console.log(`[e2e] PGlite at ${env.PGLITE_DIR}`);
  }

  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], { env, stdio: 'inherit' });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    await dropDatabase().catch((error) => console.error('[e2e] could not drop the test database', error));
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  server.on('exit', (code) => stop(code ?? 1));
}

main().catch(async (error) => {
  console.error(error);
  await dropDatabase().catch(() => {});
  process.exit(1);
});
