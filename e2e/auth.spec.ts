import { expect, test } from '@playwright/test';
import { demo, signIn, signUp, uniqueEmail } from './helpers';

test('a new user signs up and lands in an empty workspace that says what to do next', async ({ page }) => {
  await signUp(page, { name: 'Nina New', email: uniqueEmail('nina'), password: 'a-long-enough-password', workspace: 'Nina Shop' });
  await expect(page).toHaveURL(/\/w\/nina-shop(-\d+)?\/overview$/);
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  await expect(page.getByText('Import your customers and orders')).toBeVisible();
  await expect(page.getByTestId('workspace-switcher')).toContainText('Nina Shop');
});

test('sign-up explains what is wrong with each field and keeps the user on the form', async ({ page }) => {
  await signUp(page, { name: 'Short Pass', email: 'not-an-email', password: 'short', workspace: 'X' });
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByText('Name your workspace (at least 2 characters).')).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);

  await signUp(page, { name: 'Dup', email: demo.viewer, password: 'a-long-enough-password', workspace: 'Dup Shop' });
  await expect(page.getByText('An account with this email already exists.')).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demo.admin);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form [role="alert"]')).toHaveText('That email and password do not match an account.');
  await expect(page).toHaveURL(/\/login$/);
});

test('a workspace the user does not belong to is a 404, and signing out ends access', async ({ page }) => {
  await signUp(page, { name: 'Otto Outsider', email: uniqueEmail('otto'), password: 'a-long-enough-password', workspace: 'Otto Shop' });
  await expect(page).toHaveURL(/\/overview$/);

  const ownSlug = page.url().split('/w/')[1].split('/')[0];
  const response = await page.goto(`/w/${demo.slug}/overview`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // A demo customer's id under the user's own workspace is not found either.
  const foreignCustomer = await page.goto(`/w/${ownSlug}/customers/1`);
  expect(foreignCustomer?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found in this workspace' })).toBeVisible();

  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`/w/${demo.slug}/overview`);
  await expect(page).toHaveURL(/\/login$/);
});

test('the login page shows the demo accounts and the demo admin can sign in', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText(demo.marketer)).toBeVisible();
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(`/w/${demo.slug}/overview`);
});
