import type { Database } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';
import { createUser, findUserByEmail, type SignedInUser } from './users';

export type NewAccount = { name: string; email: string; password: string; workspace: string };

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
  }
}

/** Signs a new user up with a first workspace they administer, in one transaction. */
export async function createAccount(db: Database, input: NewAccount): Promise<{ user: SignedInUser; workspace: Workspace }> {
  if (await findUserByEmail(db, input.email)) throw new EmailTakenError();
  try {
    return await db.transaction(async (tx) => {
      const scoped = tx as unknown as Database;
      const user = await createUser(scoped, input);
      const workspace = await createWorkspace(scoped, { name: input.workspace, currency: 'USD', ownerId: user.id });
      return { user, workspace };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new EmailTakenError();
    throw error;
  }
}
