import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('the demo overview shows real figures and a revenue chart with bars', async ({ page }) => {
  await signIn(page, demo.viewer);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  const customers = page.locator('[data-stat="Customers"]');
  await expect(customers).toHaveText('5,000');
  const orders = Number((await page.locator('[data-stat="Orders"]').innerText()).replace(/,/g, ''));
  expect(orders).toBeGreaterThan(30_000);
  await expect(page.locator('[data-stat="Revenue"]')).toHaveText(/^\$\d/);
  await expect(page.locator('[data-stat="Average order value"]')).toHaveText(/^\$\d+\.\d\d$/);

  const revenueChart = page.locator('[data-chart="Revenue by month"]');
  const bars = revenueChart.locator('svg .recharts-bar-rectangle > *');
  await expect(bars.first()).toBeVisible();
  expect(await bars.count()).toBeGreaterThanOrEqual(20);
  // Tremor colours its bars at run time: a black fill means the chart palette was not generated.
  const fill = await bars.first().evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)');

  const buyersChart = page.locator('[data-chart="New vs returning customers"]');
  await expect(buyersChart.locator('svg .recharts-bar-rectangle > *').first()).toBeVisible();
  await expect(buyersChart.getByText('Returning customers')).toBeVisible();
});
