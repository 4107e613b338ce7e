import Link from 'next/link';

export default function WorkspaceNotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">Not found in this workspace</h1>
      <p className="mt-2 max-w-md text-sm text-gray-600">It may have been deleted, or the link belongs to another workspace.</p>
      <Link href="/" className="mt-6 text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        Back to the overview
      </Link>
    </div>
  );
}
