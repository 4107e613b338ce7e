import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

test('a user creates a second workspace and switches between them with the keyboard', async ({ page }) => {
  await signUp(page, { name: 'Wanda Two', email: uniqueEmail('wanda'), password: 'a-long-enough-password', workspace: 'Wanda One' });
  await expect(page).toHaveURL(/\/w\/wanda-one(-\d+)?\/overview$/);

  await page.getByTestId('workspace-switcher').click();
  await page.getByRole('link', { name: '+ New workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Create a workspace' })).toBeVisible();
  await page.getByLabel('Workspace name').fill('W');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Name your workspace (at least 2 characters).')).toBeVisible();
  await page.getByLabel('Workspace name').fill('Wanda Two');
  await page.getByLabel('Reporting currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\/wanda-two(-\d+)?\/overview$/);
  await expect(page.getByTestId('workspace-switcher')).toContainText('Wanda Two');

  const switcher = page.getByTestId('workspace-switcher');
  await switcher.focus();
  await page.keyboard.press('Enter');
  const other = page.getByRole('link', { name: /Wanda One/ });
  await expect(other).toBeVisible();
  await other.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/w\/wanda-one(-\d+)?\/overview$/);
  await expect(page.getByTestId('workspace-switcher')).toContainText('Wanda One');
});
