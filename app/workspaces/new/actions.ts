'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { workspaceNameSchema } from '@/lib/auth/credentials';
import { userAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { createWorkspace } from '@/lib/workspaces/workspaces';
import { currencies } from '@/lib/workspaces/currencies';

const newWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  currency: z.enum(currencies, 'Choose a currency from the list.'),
});

export const createWorkspaceAction = userAction(newWorkspaceSchema, async (input, user) => {
  const workspace = await createWorkspace(await getDb(), { ...input, ownerId: user.id });
  redirect(`/w/${workspace.slug}/overview`);
});
