import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

test('an admin invites a marketer and a viewer, both join through the outbox links, and the viewer cannot change anything', async ({ page, browser }) => {
  await signUp(page, { name: 'Tara Admin', email: uniqueEmail('tara'), password: 'team-work-makes-2026', workspace: 'Tara Team' });
  await expect(page).toHaveURL(/\/overview$/);
  const slug = page.url().split('/w/')[1].split('/')[0];
  await page.getByRole('link', { name: 'Team' }).click();

  const invitees = { marketer: uniqueEmail('mark'), viewer: uniqueEmail('vic') };
  for (const [role, email] of Object.entries(invitees)) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role of the invited person').selectOption(role);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
  await expect(page.locator('[data-invitation]')).toHaveCount(2);
  const links = Object.fromEntries(
    await Promise.all(Object.entries(invitees).map(async ([role, email]) => [role, await page.getByLabel(`Invitation link for ${email}`).inputValue()])),
  ) as Record<'marketer' | 'viewer', string>;
  expect(links.viewer).toMatch(/\/invite\/[\w-]{40,}$/);

  for (const role of ['marketer', 'viewer'] as const) {
    const context = await browser.newContext();
    const invited = await context.newPage();
    await invited.goto(links[role]);
    await expect(invited.getByRole('heading', { name: 'Join Tara Team' })).toBeVisible();
    await invited.getByLabel('Your name').fill(`Invited ${role}`);
    await invited.getByLabel('Password').fill('1234567890');
    await invited.getByRole('button', { name: 'Create account and join' }).click();
    await expect(invited.getByText('This password is too common; choose another one.')).toBeVisible();
    await invited.getByLabel('Password').fill('joining-the-team-2026');
    await invited.getByRole('button', { name: 'Create account and join' }).click();
    await expect(invited).toHaveURL(`/w/${slug}/overview`);

    if (role === 'viewer') {
      await expect(invited.getByRole('link', { name: 'Team' })).toHaveCount(0);
      await invited.goto(`/w/${slug}/imports`);
      await expect(invited.getByText('Importing needs the Marketer or Admin role')).toBeVisible();
      await expect(invited.getByLabel(/Upload a (customers|orders) CSV file/)).toHaveCount(0);
      await invited.goto(`/w/${slug}/settings`);
      await expect(invited.getByLabel('CLV horizon (months)')).toBeDisabled();
      // A forged server-action call: re-enable the read-only form in the page and submit it anyway.
      await invited.locator('form:has(fieldset) fieldset').first().evaluate((fieldset) => fieldset.removeAttribute('disabled'));
      await invited.getByLabel('CLV horizon (months)').fill('24');
      await invited.locator('form:has(fieldset)').first().evaluate((form) => (form as HTMLFormElement).requestSubmit());
      await expect(invited.locator('#content [role="alert"]')).toHaveText('This needs the Admin role; you are Viewer.');
      await invited.reload();
      await expect(invited.getByLabel('CLV horizon (months)')).toHaveValue('12');
      // A forged upload straight to the route is refused too.
      const forged = await invited.request.put(`/w/${slug}/imports/upload?entity=customers&name=x.csv`, { data: 'customer_id\nc1\n' });
      expect(forged.status()).toBe(403);
      expect(await forged.json()).toEqual({ error: 'Importing needs the Marketer role.' });
    }
    // A used link cannot be used again.
    await invited.goto(links[role]);
    await expect(invited.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
    await context.close();
  }

  await page.reload();
  await expect(page.locator('[data-invitation]')).toHaveCount(0);
  await expect(page.locator('[data-member]')).toHaveCount(3);

  await page.getByRole('link', { name: 'Audit trail' }).click();
  const trail = page.locator('tbody tr');
  await expect(trail.filter({ hasText: 'Member invited' })).toHaveCount(2);
  await expect(trail.filter({ hasText: 'Member joined' })).toHaveCount(2);
  // Invited, joined, and signed in by the sign-up through the link.
  await expect(trail.filter({ hasText: invitees.viewer })).toHaveCount(3);
  await expect(trail.filter({ hasText: 'Signed in' }).filter({ hasText: invitees.viewer })).toHaveCount(1);
  await page.getByRole('link', { name: 'Team' }).click();

  // The last admin cannot be demoted.
  const me = page.locator('[data-member]').filter({ hasText: '(you)' });
  await me.getByLabel(/^Role of/).selectOption('viewer');
  await me.getByRole('button', { name: 'Change role' }).click();
  await expect(me.getByText('A workspace needs at least one admin')).toBeVisible();
});
