import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('the RFM grid shows every cell with customers and opens the customers of a cell', async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.getByRole('link', { name: 'RFM', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'RFM', exact: true })).toBeVisible();
  await expect(page.getByText(/Figures as of \d{4}-\d\d-\d\d/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recompute now' })).toHaveCount(0);

  const cells = page.locator('[data-rfm-cell]');
  await expect(cells).toHaveCount(25);
  const champions = page.locator('[data-rfm-cell="55"]');
  await expect(champions).toContainText('Champions');
  const count = Number((await champions.locator('span').first().innerText()).replace(/,/g, ''));
  expect(count).toBeGreaterThan(0);

  await champions.click();
  await expect(page).toHaveURL(/customers\?.*r=5.*f=5/);
  await expect(page.getByText('R 5 · F 5')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByText(`${count.toLocaleString('en-US')} matching`)).toBeVisible();
  await expect(page.locator('tbody tr').first()).toContainText('Champions');

  await page.goto(`/w/${demo.slug}/rfm`);
  await expect(page.locator('[data-chart="Revenue by segment"]')).toContainText('Champions');
});

test('the model page shows fitted parameters and a holdout plot with bars', async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.getByRole('link', { name: 'CLV model' }).click();
  await expect(page.getByRole('heading', { name: 'BG/NBD (purchases and P(alive))' })).toBeVisible();
  for (const param of ['bgnbd.r', 'bgnbd.alpha', 'bgnbd.a', 'bgnbd.b', 'gamma_gamma.p', 'gamma_gamma.q', 'gamma_gamma.gamma']) {
    const value = Number(await page.locator(`[data-param="${param}"]`).innerText());
    expect(value, param).toBeGreaterThan(0);
  }
  await expect(page.getByText('Converged').first()).toBeVisible();
  const error = Number(await page.locator('[data-holdout-error]').getAttribute('data-holdout-error'));
  expect(Math.abs(error)).toBeLessThan(0.5);
  const bars = page.locator('[data-chart="Holdout: actual vs predicted"] svg .recharts-bar-rectangle > *');
  await expect(bars.first()).toBeVisible();
  expect(await bars.count()).toBeGreaterThanOrEqual(10);
});

test('a customer page shows predicted CLV, P(alive) and churn risk', async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.goto(`/w/${demo.slug}/customers?sort=orders&dir=desc`);
  await page.locator('tbody tr').first().locator('a').click();
  await expect(page.getByRole('heading', { name: 'Value' })).toBeVisible();
  await expect(page.locator('[data-value="Predicted CLV"]')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.locator('[data-value="P(alive)"]')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.locator('[data-value="Churn risk"]')).toHaveText(/^\d+(\.\d)?% · (low|medium|high)$/);
  await expect(page.locator('[data-value="RFM segment"]')).not.toHaveText('—');
  await expect(page.locator('[data-value="Revenue, last 12 months"]')).toHaveText(/^\$[\d,]+\.\d\d$/);
});

test('a marketer recomputes customer value and watches it finish', async ({ page }) => {
  await signIn(page, demo.marketer);
  await page.goto(`/w/${demo.slug}/model`);
  const computed = page.getByText(/computed \d/);
  const before = await computed.innerText();
  await page.waitForTimeout(1100); // the time shown has one-second resolution
  await page.getByRole('button', { name: 'Recompute now' }).click();
  await expect(computed).not.toHaveText(before, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Recompute now' })).toBeEnabled();
  await expect(page.getByText('The last recompute failed')).toHaveCount(0);
});
