import { and, eq, sql } from 'drizzle-orm';
import { recordAccountEvent } from '@/lib/audit/account-events';
import type { Database } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { hashPassword, verifyPassword } from './password';
import { signInThrottle, type SignInThrottle } from './sign-in-throttle';
import type { SignedInUser } from './users';

export type PasswordChange = { currentPassword: string; newPassword: string };

/**
 * Replaces the user's password when the current one is right, and ends all of their sessions: raising
 * session_version makes the gate refuse every session signed in before (lib/auth/gate.ts currentUser), the caller's
 * own included, so the caller signs in again with the new password. Recorded in each of the user's workspaces.
 *
 * Wrong current passwords count as failed sign-ins of the account (SignInThrottledError once too many): otherwise a
 * stolen session could guess the password here without limit.
 */
export async function changePassword(
  db: Database,
  user: SignedInUser,
  change: PasswordChange,
  ip: string,
  throttle: SignInThrottle = signInThrottle(),
): Promise<'changed' | 'wrong-password'> {
  throttle.begin(ip, user.email);
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!account || !(await verifyPassword(change.currentPassword, account.passwordHash))) return 'wrong-password';
  throttle.succeeded(ip, user.email);
  // Hashed before the transaction: bcrypt takes tens of milliseconds, too long to hold the row.
  const passwordHash = await hashPassword(change.newPassword);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const changed = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` })
      // Only over the hash just verified: of two changes racing, the later one finds it gone and is refused.
      .where(and(eq(users.id, user.id), eq(users.passwordHash, account.passwordHash)))
      .returning({ id: users.id });
    if (changed.length === 0) return 'wrong-password';
    await recordAccountEvent(tx, { userId: user.id }, { action: 'password.changed', ip });
    return 'changed';
  });
}

export async function passwordChangedAt(db: Database, userId: string): Promise<Date | null> {
  const [account] = await db.select({ at: users.passwordChangedAt }).from(users).where(eq(users.id, userId));
  return account?.at ?? null;
}
