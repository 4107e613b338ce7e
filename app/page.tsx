import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { listWorkspacesForUser } from '@/lib/workspaces/workspaces';

export default async function Home() {
  const user = await requireUser();
  const [first] = await listWorkspacesForUser(await getDb(), user.id);
  redirect(first ? `/w/${first.workspace.slug}/overview` : '/workspaces/new');
}
