import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/gate';
import { NewWorkspaceForm } from './new-workspace-form';

export const metadata: Metadata = { title: 'New workspace' };

export default async function NewWorkspacePage() {
  await requireUser();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">
      <Link href="/" className="mb-6 text-center text-2xl font-bold text-indigo-700">
        Segmenta
      </Link>
      <Card title="Create a workspace" headingLevel="h1" description="Each workspace has its own customers, segments and team. You will be its admin.">
        <NewWorkspaceForm />
      </Card>
    </main>
  );
}
