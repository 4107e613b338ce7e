import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authorizeCredentials } from './authorize';
import { authSecret } from './secret';

// Cookies keep Auth.js's defaults: httpOnly, SameSite=Lax, and Secure with the __Secure-/__Host- prefixes
// whenever the app's URL is https (AUTH_URL, or the request behind a proxy sending X-Forwarded-Proto).
export const { handlers, auth, signIn, signOut } = NextAuth({
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
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
