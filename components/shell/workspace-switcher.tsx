import Link from 'next/link';
import type { WorkspaceMembership } from '@/lib/workspaces/workspaces';
import { roleLabels } from '@/lib/auth/roles';

export function WorkspaceSwitcher({ current, memberships }: { current: string; memberships: WorkspaceMembership[] }) {
  const active = memberships.find((m) => m.workspace.slug === current);
  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center justify-between rounded-md px-3 py-2 text-sm font-semibold text-gray-900 ring-1 ring-gray-200 hover:bg-gray-50 [&::-webkit-details-marker]:hidden"
        data-testid="workspace-switcher"
      >
        <span className="truncate">
          <span className="sr-only">Workspace: </span>
          {active?.workspace.name ?? current}
        </span>
        <span aria-hidden className="ml-2 text-gray-400 group-open:rotate-180">▾</span>
      </summary>
      <ul className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md bg-white py-1 shadow-lg ring-1 ring-gray-200">
        {memberships.map(({ workspace, role }) => (
          <li key={workspace.id}>
            <Link
              href={`/w/${workspace.slug}/overview`}
              className="flex justify-between px-3 py-2 text-sm hover:bg-gray-50"
              aria-current={workspace.slug === current ? 'true' : undefined}
            >
              <span className="truncate">{workspace.name}</span>
              <span className="text-xs text-gray-500">{roleLabels[role]}</span>
            </Link>
          </li>
        ))}
        <li className="border-t border-gray-100">
          <Link href="/workspaces/new" className="block px-3 py-2 text-sm text-indigo-600 hover:bg-gray-50">
            + New workspace
          </Link>
        </li>
      </ul>
    </details>
  );
}
