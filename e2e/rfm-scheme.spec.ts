import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './helpers';

const segmentRow = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^Segment \\d+: ${name}$`) });

/** The RFM page once the recompute has given customers the segment: its Segments table lists the segments in the data. */
async function expectSegmentInData(page: Page, name: string) {
  const table = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Segments', exact: true }) });
  await expect(async () => {
    await page.goto(`/w/${demo.slug}/rfm`);
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
}

test('an admin merges two RFM segments, is stopped by the overlap, fixes it, and the RFM page uses the new segment', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  const check = page.getByTestId('scheme-check');
  await expect(check).toHaveText('Every R × F × M cell belongs to exactly one segment.');

  // Hibernating (R 1–2, F 1–2) grows to take in About to Sleep (R 3, F 1–2) under a new name.
  const hibernating = segmentRow(page, 'Hibernating');
  await hibernating.getByLabel('Name').fill('Dormant');
  const dormant = segmentRow(page, 'Dormant');
  await dormant.getByLabel('R to').selectOption('3');
  const overlap = '“Dormant” and “About to Sleep” both cover R 3 · F 1, R 3 · F 2.';
  await expect(check).toContainText(overlap);
  await expect(page.locator('[data-cell="R3F1"]')).toHaveAttribute('data-state', 'overlap');
  await expect(page.locator('[data-cell="R3F1"]')).toContainText('Overlap: Dormant + About to Sleep');

  // Saving anyway is refused by the server with the same words.
  await page.getByRole('button', { name: 'Save segments and recompute' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(refusal).toContainText(overlap);

  await page.getByRole('button', { name: 'Remove About to Sleep' }).click();
  await expect(page.locator(':focus')).toHaveValue('Need Attention');
  await expect(refusal).toHaveCount(0);
  await expect(check).toHaveText('Every R × F × M cell belongs to exactly one segment.');
  await expect(page.locator('[data-cell="R3F1"]')).toHaveAttribute('data-state', 'ok');
  await page.getByRole('button', { name: 'Save segments and recompute' }).click();
  await expect(page.getByText('Saved. Customer value is being recomputed so that every customer gets one of these segments.')).toBeVisible();

  await page.getByRole('link', { name: 'RFM', exact: true }).click();
  await expect(page.locator('[data-rfm-cell="31"]')).toContainText('Dormant');
  await expect(page.locator('[data-rfm-cell="11"]')).toContainText('Dormant');
  await expect(page.getByTestId('segment-definitions')).toContainText('DormantR 1–3 · F 1–2');
  await expectSegmentInData(page, 'Dormant');
  await expect(page.getByRole('link', { name: 'Hibernating', exact: true })).toHaveCount(0);
  await expect(page.getByText('The RFM segments changed since customer value was last computed')).toHaveCount(0);

  // Leave the demo on the default grid, as the other journeys expect it.
  await page.goto(`/w/${demo.slug}/settings`);
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect(segmentRow(page, 'Hibernating')).toBeVisible();
  await page.getByRole('button', { name: 'Save segments and recompute' }).click();
  await expect(page.getByText('Saved.', { exact: false })).toBeVisible();
  await expectSegmentInData(page, 'Hibernating');
});
