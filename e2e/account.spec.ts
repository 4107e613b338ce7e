import { expect, test } from '@playwright/test';
import { signIn, signUp, uniqueEmail } from './helpers';

test('changing the password signs every other browser out, keeps this one signed in, and shows in the audit trail', async ({ page, browser }) => {
  const email = uniqueEmail('paula');
  await signUp(page, { name: 'Paula Password', email, password: 'first-long-password', workspace: 'Paula Shop' });
  await expect(page).toHaveURL(/\/w\/paula-shop(-\d+)?\/overview$/);
  const slug = page.url().split('/w/')[1].split('/')[0];

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, email, 'first-long-password');

  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('second-long-password');
  await page.getByLabel('Confirm new password').fill('second-long-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();

  await page.getByLabel('Current password').fill('first-long-password');
  await page.getByLabel('New password', { exact: true }).fill('second-long-password');
  await page.getByLabel('Confirm new password').fill('second-long-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/account\?password=changed$/);
  await expect(page.getByRole('status')).toHaveText('Password changed. Every other session has been signed out.');

  // The other browser still holds its cookie, but its session ended with the change.
  await other.goto(`/w/${slug}/customers`);
  await expect(other).toHaveURL(/\/login$/);

  await page.goto(`/w/${slug}/audit`);
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows.filter({ hasText: 'Password changed' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Signed in' }).first()).toContainText(email);
  await expect(rows.filter({ hasText: 'Password changed' })).toContainText(email);

  // Only the new password signs in now.
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Password').fill('first-long-password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.locator('form [role="alert"]')).toHaveText('That email and password do not match an account.');
  await signIn(other, email, 'second-long-password');
  await expect(other).toHaveURL(`/w/${slug}/overview`);
  await otherContext.close();
});
