/**
 * A throwaway PostgreSQL cluster of its own (initdb in a temp folder, a free loopback port, trust auth), so a test
 * can stop and start the database without touching the shared server on 5432. As root it runs as the `postgres`
 * OS user (initdb refuses root). Relative imports only: Playwright loads this file.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './production-server';

const run = promisify(execFile);

export type PrivatePostgres = { url: string; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/** The newest server binaries: POSTGRES_BIN_DIR, else Debian's /usr/lib/postgresql/<version>/bin. */
function binDir(): string | null {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Why no private cluster can run here (a reason to skip), or null when one can. */
export function privatePostgresUnavailable(): string | null {
  const bin = binDir();
  if (!bin || !['initdb', 'pg_ctl'].every((tool) => fs.existsSync(path.join(bin, tool)))) {
    return 'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or POSTGRES_BIN_DIR';
  }
  if (isRoot()) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    } catch {
      return 'running as root, where initdb needs the `postgres` OS user and runuser to switch to it';
    }
  }
  return null;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const reason = privatePostgresUnavailable();
  if (reason) throw new Error(reason);
  const bin = binDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-private-pg-'));
  const asOwner = (tool: string, args: string[]) =>
    isRoot() ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  if (isRoot()) execFileSync('chown', ['postgres:', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void (await asOwner('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '30', 'start'])),
    stop: async () => void (await asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'])),
    destroy: async () => {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {}); // already stopped is fine
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
