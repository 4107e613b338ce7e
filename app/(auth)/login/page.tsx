import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { currentUser } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { DEMO_PASSWORD, demoLogins } from '@/lib/demo/accounts';
import { findDemoWorkspace } from '@/lib/workspaces/workspaces';
import { roleLabels } from '@/lib/auth/roles';
import { SIGN_IN_THROTTLED_CODE, signInThrottledMessage } from '@/lib/auth/sign-in-throttle';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  if (await currentUser()) redirect('/');
  // Auth.js redirects a failed direct sign-in here with ?error=CredentialsSignin&code=…
  const { error, code, next } = await searchParams;
  const initialError = error
    ? code === SIGN_IN_THROTTLED_CODE
      ? signInThrottledMessage(undefined)
      : 'That email and password do not match an account.'
    : undefined;
  const demo = await findDemoWorkspace(await getDb());
  return (
    <div className="space-y-6">
      <Card title="Sign in to your workspace" headingLevel="h1">
        <LoginForm initialError={initialError} next={typeof next === 'string' ? next : undefined} />
      </Card>
      {demo && (
        <section aria-labelledby="demo-logins" className="rounded-lg bg-indigo-50 p-4 text-sm ring-1 ring-indigo-100">
          <h2 id="demo-logins" className="font-semibold text-indigo-900">
            Explore the {demo.name} demo
          </h2>
          <p className="mt-1 text-indigo-800">
            Password for every demo account: <code className="font-mono">{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-2 space-y-1 text-indigo-900">
            {demoLogins.map((login) => (
              <li key={login.email}>
                <span className="inline-block w-20 font-medium">{roleLabels[login.role]}</span>
                <code className="font-mono">{login.email}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
