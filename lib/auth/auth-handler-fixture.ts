import { Auth, skipCSRFCheck, type AuthConfig } from '@auth/core';
import type { Session } from '@auth/core/types';
import { authOptions } from './auth-options';

// Tests only: the app's Auth.js options run through @auth/core, as the /api/auth route and auth() run them.
const config: AuthConfig = { ...authOptions, basePath: '/api/auth', skipCSRFCheck };

/** Posts the credentials to Auth.js's callback, as the sign-in action does; a success sets the session cookie. */
export function postCredentials(origin: string, credentials: { email: string; password: string }, headers: Record<string, string> = {}): Promise<Response> {
  return Auth(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ ...credentials, callbackUrl: `${origin}/` }),
    }),
    config,
  );
}

/** The session cookie a response sets, as `name=value` for a later request's Cookie header; null if it sets none. */
export function sessionCookieOf(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((header) => /^(__Secure-)?authjs\.session-token=/.test(header));
  return cookie ? cookie.split(';')[0] : null;
}

/** What auth() returns for a request carrying the cookie: the session, or null. */
export async function sessionFor(origin: string, cookie: string): Promise<Session | null> {
  const response = await Auth(new Request(`${origin}/api/auth/session`, { headers: { cookie } }), config);
  return response.json();
}
