import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_WORKSPACE, demoLogins } from '../lib/demo/accounts';

const loginOf = (role: string) => demoLogins.find((login) => login.role === role)!.email;

export const demo = {
  admin: loginOf('admin'),
  marketer: loginOf('marketer'),
  viewer: loginOf('viewer'),
  slug: DEMO_WORKSPACE.slug,
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/overview$/);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(page: Page, input: { name: string; email: string; password: string; workspace: string }) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(input.name);
  await page.getByLabel('Work email').fill(input.email);
  await page.getByLabel('Password').fill(input.password);
  await page.getByLabel('Workspace name').fill(input.workspace);
  await page.getByRole('button', { name: 'Create account' }).click();
}
