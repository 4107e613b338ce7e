import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { hashPassword, verifyPassword } from './password';

export type SignedInUser = { id: string; email: string; name: string };

const publicColumns = { id: users.id, email: users.email, name: users.name };

export async function findUserForSignIn(db: Database, email: string, password: string): Promise<SignedInUser | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function findUserById(db: Database, id: string): Promise<SignedInUser | null> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
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
