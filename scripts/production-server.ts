/**
 * Serves the production build (`next start`) on a free loopback port for the load benchmark and the resilience
 * test, and signs users in the way a browser does. Relative imports only: Playwright loads this file too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type ProductionServer = {
  url: string;
  pid: number;
  /** Still the process started here (the resilience test proves the app recovered without a restart). */
  running: () => boolean;
  /** The server's output so far (stdout and stderr), for failure messages and log checks. */
  output: () => string;
  stop: () => Promise<void>;
};

/** Refuses early, with the fix, when there is no production build to serve. */
export function assertProductionBuild(dir = process.cwd()): void {
  if (!fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    throw new Error(`No production build in ${path.join(dir, '.next')}: run \`npm run build\` first.`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `next start` on 127.0.0.1 with `env` added to this process's environment and resolves once the output
 * matches `ready` (the app prints the demo logins only after seeding and computing the demo).
 */
export async function startProductionServer(options: {
  env: Record<string, string>;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<ProductionServer> {
  assertProductionBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ProductionServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    stop: async () => {
      if (!server.running()) return;
      child.kill('SIGTERM');
      const killLater = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killLater);
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (!options.ready.test(output)) {
    if (!server.running()) throw new Error(`next start exited (code ${child.exitCode}) before it was ready:\n${tail(output)}`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start was not ready within ${options.timeoutMs ?? 180_000} ms:\n${tail(output)}`);
    }
    await sleep(200);
  }
  return server;
}

/**
 * Signs in through Auth.js's credentials endpoint (CSRF token first, as the browser's form does) and returns the
 * `Cookie` header carrying the session. Throws when the app does not hand out a session.
 */
export async function signInWithPassword(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf.headers);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  await response.arrayBuffer();
  const session = cookiePairs(response.headers).find((pair) => /^(__Secure-)?authjs\.session-token=/.test(pair));
  const location = response.headers.get('location') ?? '';
  if (!session || location.includes('error=')) {
    throw new Error(`Sign-in of ${email} failed: HTTP ${response.status}, redirected to ${location || 'nowhere'}`);
  }
  return session;
}

function cookiePairs(headers: Headers): string[] {
  return headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
}

export function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
