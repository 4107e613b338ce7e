import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { currentUser } from '@/lib/auth/gate';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await currentUser()) redirect('/');
  return (
    <Card title="Create your Segmenta account" headingLevel="h1" description="You will be the admin of your first workspace.">
      <SignUpForm />
    </Card>
  );
}
