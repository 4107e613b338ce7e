import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { hashPassword, verifyPassword } from './password';

export type SignedInUser = { id: string; email: string; name: string };
/** A user whose password was just checked, with the session version a new session of theirs must carry. */
export type VerifiedUser = SignedInUser & { sessionVersion: number };

const publicColumns = { id: users.id, email: users.email, name: users.name };

// Compared against when the email is unknown, so the response time does not reveal which emails have accounts.
const UNKNOWN_USER_HASH = '$2b$10$KXAHQid6NHqhFXOB1lwBAeCK0aev9ycBIGj3bW.Z0dXdOEvtxXenW';

export async function findUserForSignIn(db: Database, email: string, password: string): Promise<VerifiedUser | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  return user && matches ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
}

/**
 * The user a session belongs to, or null when the session has ended: the account is gone, or the session carries an
 * older session version than the account (a password change raised it; see lib/auth/password-change.ts).
 */
export async function findSessionUser(db: Database, id: string, sessionVersion: number): Promise<SignedInUser | null> {
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  return user ?? null;
}

export async function findUserByEmail(db: Database, email: string): Promise<SignedInUser | null> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user ?? null;
}

export async function createUser(db: Database, input: { email: string; name: string; password: string }): Promise<SignedInUser> {
  const [user] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password) })
    .returning(publicColumns);
  return user;
}
