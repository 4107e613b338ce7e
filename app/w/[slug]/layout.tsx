import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/login/actions';
import { NavLinks } from '@/components/shell/nav-links';
import { UserMenu } from '@/components/shell/user-menu';
import { WorkspaceSwitcher } from '@/components/shell/workspace-switcher';
import { requireMember } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { listWorkspacesForUser } from '@/lib/workspaces/workspaces';

export default async function WorkspaceLayout({ children, params }: LayoutProps<'/w/[slug]'>) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const memberships = await listWorkspacesForUser(await getDb(), member.user.id);
  const base = `/w/${slug}`;
  const nav = [
    { href: `${base}/overview`, label: 'Overview' },
    { href: `${base}/customers`, label: 'Customers' },
    { href: `${base}/segments`, label: 'Segments' },
    { href: `${base}/valuation`, label: 'Valuation' },
    { href: `${base}/allocation`, label: 'Allocation' },
    { href: `${base}/imports`, label: 'Imports' },
    { href: `${base}/rfm`, label: 'RFM' },
    { href: `${base}/model`, label: 'CLV model' },
    { href: `${base}/settings`, label: 'Settings' },
    ...(member.role === 'admin'
      ? [
          { href: `${base}/team`, label: 'Team' },
          { href: `${base}/audit`, label: 'Audit trail' },
        ]
      : []),
  ];
  return (
    <div className="flex min-h-screen print:block">
      <a href="#content" className="sr-only focus:not-sr-only print:hidden focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="sticky top-0 flex h-screen w-64 shrink-0 flex-col gap-6 border-r border-gray-200 bg-white p-4 print:hidden">
        <Link href={`${base}/overview`} className="px-3 text-lg font-bold tracking-tight text-indigo-700">
          Segmenta
        </Link>
        <WorkspaceSwitcher current={slug} memberships={memberships} />
        <nav aria-label="Workspace" className="flex-1">
          <NavLinks items={nav} />
        </nav>
        <UserMenu user={member.user} role={member.role} signOut={signOutAction} />
      </aside>
      <main id="content" className="min-w-0 flex-1 px-8 py-8 print:p-0">
        {children}
      </main>
    </div>
  );
}
