import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { findMembership, type Workspace } from '@/lib/workspaces/workspaces';
import { auth } from './config';
import { hasRole, roleLabels, type Role } from './roles';
import { findSessionUser, type SignedInUser } from './users';

export type Member = { user: SignedInUser; role: Role; workspace: Workspace; tenant: Tenant };

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** A secret shown once (a new API key); never stored in the clear. */
  secret?: string;
};

/**
 * The one place a session becomes a user, for pages and actions alike: null when signed out, and when the session
 * was signed in before the account's last password change (its session version is older than the account's).
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findSessionUser(await getDb(), id, session.sessionVersion ?? 0) : null;
});

export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

async function loadMember(user: SignedInUser, slug: string): Promise<Member | null> {
  const membership = await findMembership(await getDb(), user.id, slug);
  if (!membership) return null;
  return { user, ...membership, tenant: tenantFromMembership(membership.workspace.id) };
}

/** The one gate for pages: signed in (else /login), member of the workspace in the URL (else 404). */
export const requireMember = cache(async (slug: string): Promise<Member> => {
  const member = await loadMember(await requireUser(), slug);
  if (!member) notFound();
  return member;
});

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = Object.create(null);
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

export function validationFailure(error: z.ZodError): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { error: 'Please correct the highlighted fields.', fieldErrors };
}

/** The one gate for server actions of a signed-in user outside any workspace (e.g. creating one). */
export function userAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, user: SignedInUser) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await currentUser();
    if (!user) return { error: 'Your session has ended. Sign in again.' };
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return validationFailure(parsed.error);
    return (await handler(parsed.data, user)) ?? { ok: true };
  };
}

/**
 * The one gate for workspace server actions: the slug is bound by the page, membership and role are
 * checked here, and the handler receives the member whose tenant scopes every query.
 */
export function memberAction<S extends z.ZodType>(
  required: Role,
  schema: S,
  handler: (input: z.infer<S>, member: Member) => Promise<ActionState | void>,
) {
  return async (slug: string, _previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await currentUser();
    if (!user) return { error: 'Your session has ended. Sign in again.' };
    const member = typeof slug === 'string' ? await loadMember(user, slug) : null;
    if (!member) return { error: 'Workspace not found.' };
    if (!hasRole(member.role, required)) {
      return { error: `This needs the ${roleLabels[required]} role; you are ${roleLabels[member.role]}.` };
    }
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return validationFailure(parsed.error);
    return (await handler(parsed.data, member)) ?? { ok: true };
  };
}
