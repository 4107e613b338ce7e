import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/gate';
import { passwordChangedAt } from '@/lib/auth/password-change';
import { roleLabels } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format';
import { listWorkspacesForUser } from '@/lib/workspaces/workspaces';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: PageProps<'/account'>) {
  const user = await requireUser();
  const db = await getDb();
  const [memberships, changedAt] = await Promise.all([listWorkspacesForUser(db, user.id), passwordChangedAt(db, user.id)]);
  const { password } = await searchParams;
  return (
    <main className="mx-auto max-w-xl space-y-6 px-4 py-12">
      <Link href="/" className="block text-2xl font-bold tracking-tight text-indigo-700">
        Segmenta
      </Link>
      <Card title="Your account" headingLevel="h1" description={`${user.name} · ${user.email}`}>
        {memberships.length > 0 ? (
          <ul className="space-y-1 text-sm">
            {memberships.map(({ workspace, role }) => (
              <li key={workspace.id}>
                <Link href={`/w/${workspace.slug}/overview`} className="font-medium text-indigo-600 hover:text-indigo-500">
                  {workspace.name}
                </Link>{' '}
                <span className="text-gray-500">· {roleLabels[role]}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-600">
            You are in no workspace yet.{' '}
            <Link href="/workspaces/new" className="font-medium text-indigo-600 hover:text-indigo-500">
              Create one
            </Link>
          </p>
        )}
      </Card>
      <Card
        title="Change password"
        description={`Signs you out on every other browser and device. ${changedAt ? `Last changed ${formatDateTime(changedAt)}.` : 'Never changed.'}`}
      >
        {password === 'changed' && (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
            Password changed. Every other session has been signed out.
          </p>
        )}
        <ChangePasswordForm />
      </Card>
    </main>
  );
}
