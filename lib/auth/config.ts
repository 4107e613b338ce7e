import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from './credentials';
import { authSecret } from './secret';
import { signInThrottle } from './sign-in-throttle';
import { getDb } from '@/lib/db/client';
import { clientIp } from '@/lib/security/client-ip';
import { findUserForSignIn } from './users';

// Cookies keep Auth.js's defaults: httpOnly, SameSite=Lax, and Secure with the __Secure-/__Host- prefixes
// whenever the app's URL is https (AUTH_URL, or the request behind a proxy sending X-Forwarded-Proto).

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Runs for the sign-in server action and for a direct POST to /api/auth/callback/credentials alike.
      async authorize(raw, request) {
        const ip = clientIp(request?.headers);
        const parsed = signInSchema.safeParse(raw);
        const throttle = signInThrottle();
        throttle.begin(ip, parsed.success ? parsed.data.email : null);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await findUserForSignIn(await getDb(), parsed.data.email, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        throttle.succeeded(ip, parsed.data.email);
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
