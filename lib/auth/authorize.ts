import { CredentialsSignin } from 'next-auth';
import { getDb } from '@/lib/db/client';
import { clientIp } from '@/lib/security/client-ip';
import { signInSchema } from './credentials';
import { signInThrottle, type SignInThrottle } from './sign-in-throttle';
import { findUserForSignIn, type SignedInUser } from './users';

/**
 * The Credentials provider's `authorize()`: Auth.js calls it for the sign-in server action and for a direct
 * POST to /api/auth/callback/credentials alike, so throttling here covers both.
 */
export async function authorizeCredentials(
  raw: unknown,
  request: Pick<Request, 'headers'> | undefined,
  throttle: SignInThrottle = signInThrottle(),
): Promise<SignedInUser> {
  const ip = clientIp(request?.headers);
  const parsed = signInSchema.safeParse(raw);
  throttle.begin(ip, parsed.success ? parsed.data.email : null);
  if (!parsed.success) throw new CredentialsSignin();
  const user = await findUserForSignIn(await getDb(), parsed.data.email, parsed.data.password);
  if (!user) throw new CredentialsSignin();
  throttle.succeeded(ip, parsed.data.email);
  return user;
}
