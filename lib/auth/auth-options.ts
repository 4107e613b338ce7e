import { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authorizeCredentials } from './authorize';
import { authSecret } from './secret';

declare module '@auth/core/types' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    /** The account's session version when this session was signed in; the gate refuses it once the account's is higher. */
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
  }
}

/**
 * The Auth.js options, apart from config.ts (which builds the Next.js helpers from them) so that tests can run them
 * through @auth/core.
 *
 * Cookies keep Auth.js's defaults: httpOnly, SameSite=Lax, Path=/, and Secure with the __Secure- prefix (__Host- for
 * the CSRF token) whenever the app's URL is https: AUTH_URL when set, else the request's URL, whose protocol Next.js
 * takes from X-Forwarded-Proto behind a proxy. Plain http (localhost) gets the same cookies without Secure.
 * auth-options.test.ts checks both.
 */
export const authOptions: NextAuthConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  // A wrong password is an expected outcome, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const user = await authorizeCredentials(raw, request);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // `user` is set only when the session is signed in: the version is stamped then and never refreshed (not even on
    // a session update, which any client may request), so a password change, raising the account's version, ends
    // every session signed in before it.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // Sessions signed in before versions existed carry none: they count as version 0, the column's default.
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
};
