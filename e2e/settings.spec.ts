import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('an admin changes the CLV horizon, sees it applied, and a viewer cannot change settings', async ({ page, browser }) => {
  await signIn(page, demo.admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  const horizon = page.getByLabel('CLV horizon (months)');
  await expect(horizon).toHaveValue('12');

  await horizon.fill('0');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('CLV horizon: at least 1.')).toBeVisible();

  await horizon.fill('24');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Saved. Customer value is being recomputed with the new settings.')).toBeVisible();
  await page.goto(`/w/${demo.slug}/model`);
  await expect(page.getByText('CLV covers 24 months on revenue')).toBeVisible();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, demo.viewer);
  await viewer.goto(`/w/${demo.slug}/settings`);
  await expect(viewer.getByText('Only admins can change these settings.')).toBeVisible();
  await expect(viewer.getByLabel('CLV horizon (months)')).toBeDisabled();
  await expect(viewer.getByLabel('CLV horizon (months)')).toHaveValue('24');
  await expect(viewer.getByRole('button', { name: 'Save and recompute' })).toHaveCount(0);
  await viewerContext.close();

  // Leave the demo as the other journeys expect it.
  await page.goto(`/w/${demo.slug}/settings`);
  await page.getByLabel('CLV horizon (months)').fill('12');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
});
