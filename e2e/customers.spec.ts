import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('customers table pages, sorts and searches on the server, and opens a customer', async ({ page }) => {
  await signIn(page, demo.marketer);
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByText('Showing 1–25 of 5,000')).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(25);

  // Default sort: highest revenue first.
  const revenues = await rows.locator('td:nth-child(3)').allInnerTexts();
  const values = revenues.map((text) => Number(text.replace(/[$,]/g, '')));
  expect(values).toEqual([...values].sort((a, b) => b - a));

  const firstOnPageOne = await rows.first().locator('a').innerText();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByText('Showing 26–50 of 5,000')).toBeVisible();
  expect(await rows.first().locator('a').innerText()).not.toBe(firstOnPageOne);

  await page.getByRole('link', { name: /^Orders/ }).click();
  await expect(page).toHaveURL(/sort=orders&dir=desc/);
  const orderCounts = (await rows.locator('td:nth-child(2)').allInnerTexts()).map(Number);
  expect(orderCounts).toEqual([...orderCounts].sort((a, b) => b - a));

  await page.getByLabel('Search customers').fill('C000042');
  await page.getByLabel('Search customers').press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  await rows.first().locator('a').click();
  await expect(page.getByText('C000042', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Order history' })).toBeVisible();
  const orderRows = page.locator('section:has(h2:text("Order history")) tbody tr');
  expect(await orderRows.count()).toBeGreaterThan(0);

  await page.goto(`/w/${demo.slug}/customers?q=no-such-customer-xyz`);
  await expect(page.getByRole('heading', { name: 'No customers match your search' })).toBeVisible();
});
