import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextConfig } from 'next';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const configPath = path.resolve('next.config.js');

/** next.config.js as Next loads it, under the given NODE_ENV. */
async function headersFor(nodeEnv: string): Promise<Record<string, Record<string, string>>> {
  vi.stubEnv('NODE_ENV', nodeEnv);
  delete require.cache[configPath];
  const config = require(configPath) as NextConfig;
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(rules.map((rule) => [rule.source, Object.fromEntries(rule.headers.map(({ key, value }) => [key, value]))]));
}

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+(.*)/s, 2) as [string, string]));
}

afterEach(() => {
  vi.unstubAllEnvs();
  delete require.cache[configPath];
});

describe('security headers', () => {
  it('sends a CSP forbidding framing, plugins and foreign scripts on every route', async () => {
    const headers = (await headersFor('production'))['/:path*'];
    expect(headers).toBeDefined();
    const csp = directives(headers['Content-Security-Policy']);
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(headers).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    });
  });

  it("allows 'unsafe-eval' only for the development server", async () => {
    const development = directives((await headersFor('development'))['/:path*']['Content-Security-Policy']);
    expect(development.get('script-src')).toBe("'self' 'unsafe-inline' 'unsafe-eval'");
    const test = directives((await headersFor('test'))['/:path*']['Content-Security-Policy']);
    expect(test.get('script-src')).not.toContain('unsafe-eval');
  });
});
