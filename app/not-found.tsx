import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-gray-600">
        This page doesn&apos;t exist, or it belongs to a workspace you are not a member of.
      </p>
      <Link href="/" className="mt-6 text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        Go to your workspace
      </Link>
    </main>
  );
}
