import Link from 'next/link';
import type { SignedInUser } from '@/lib/auth/users';
import { roleLabels, type Role } from '@/lib/auth/roles';

export function UserMenu({ user, role, signOut }: { user: SignedInUser; role: Role; signOut: () => Promise<void> }) {
  return (
    <div className="border-t border-gray-200 pt-4">
      <p className="truncate text-sm font-medium text-gray-900">{user.name}</p>
      <p className="truncate text-xs text-gray-500">
        {user.email} · {roleLabels[role]}
      </p>
      <div className="mt-2 flex items-center gap-4">
        <Link href="/account" className="text-sm font-medium text-gray-600 hover:text-gray-900">
          Account
        </Link>
        <form action={signOut}>
          <button type="submit" className="text-sm font-medium text-gray-600 hover:text-gray-900">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
