import { CredentialsSignin } from 'next-auth';
import { recordAccountEvent } from '@/lib/audit/account-events';
import { getDb } from '@/lib/db/client';
import { clientIp } from '@/lib/security/client-ip';
import { signInSchema } from './credentials';
import { SignInThrottledError, signInThrottle, type SignInThrottle } from './sign-in-throttle';
import { findUserForSignIn, type VerifiedUser } from './users';

/**
 * The Credentials provider's `authorize()`: Auth.js calls it for the sign-in server action and for a direct
 * POST to /api/auth/callback/credentials alike, so throttling and the audit events here cover both.
 * Each outcome is recorded, with the address, in the audit trail of every workspace of the account; an unknown
 * email belongs to no workspace, so its attempts are recorded nowhere (see recordAccountEvent).
 */
export async function authorizeCredentials(
  raw: unknown,
  request: Pick<Request, 'headers'> | undefined,
  throttle: SignInThrottle = signInThrottle(),
): Promise<VerifiedUser> {
  const ip = clientIp(request?.headers);
  const parsed = signInSchema.safeParse(raw);
  const email = parsed.success ? parsed.data.email : null;
  const db = await getDb();
  try {
    throttle.begin(ip, email);
  } catch (error) {
    if (error instanceof SignInThrottledError && email !== null && throttle.firstRefusalOf(email)) {
      await recordAccountEvent(db, { email }, { action: 'sign_in.throttled', ip, details: { retryAfterMinutes: Math.ceil(error.retryAfterMs / 60_000) } });
    }
    throw error;
  }
  if (!parsed.success) throw new CredentialsSignin();
  const user = await findUserForSignIn(db, parsed.data.email, parsed.data.password);
  if (!user) {
    await recordAccountEvent(db, { email: parsed.data.email }, { action: 'sign_in.failed', ip });
    throw new CredentialsSignin();
  }
  throttle.succeeded(ip, parsed.data.email);
  await recordAccountEvent(db, { userId: user.id }, { action: 'sign_in.succeeded', ip });
  return user;
}
