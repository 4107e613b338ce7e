import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './helpers';

const customersCsv = [
  'Client Number;Mail;Full name;Land;Newsletter',
  'K-1;ann@example.com;Ann Alpha;DE;ja',
  'K-2;bob@example.com;Bob Beta;AT;yes',
  'K-3;cy@example.com;"Cy ""C"" Gamma";CH;no',
].join('\n');

const ordersCsv = [
  'Order Number,Customer ID,Created at,Total,Lineitem price',
  '1001,K-1,2026-01-05 10:00,120.50,',
  '1002,K-1,2026-02-05 11:00,80.00,',
  '1003,K-2,2026-02-31 09:00,20.00,',
  '1004,K-2,2026-03-01 09:00,abc,',
  '1005,K-3,2026-03-02 12:00,35.00,',
  '1005,K-3,2026-03-03 12:00,36.00,',
  '1006,K-9,2026-03-04 12:00,9.99,',
].join('\n');

async function upload(page: import('@playwright/test').Page, entity: 'Customers' | 'Orders', name: string, content: string) {
  await page.getByRole('radio', { name: entity }).check();
  await page.getByLabel(/Upload a (customers|orders) CSV file/).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await expect(page.getByRole('heading', { name: `Map the columns of ${name}` })).toBeVisible();
}

test('a marketer maps unfamiliar headers, imports with progress, gets the bad rows, and a re-import changes nothing', async ({ page }) => {
  await signUp(page, { name: 'Ida Importer', email: uniqueEmail('ida'), password: 'imports-are-fun-2026', workspace: 'Ida Shop' });
  await expect(page).toHaveURL(/\/overview$/);
  await page.getByRole('link', { name: 'Import customers and orders' }).click();
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await expect(page.getByText('No imports yet.')).toBeVisible();

  await upload(page, 'Customers', 'crm-export.csv', customersCsv);
  // "Client Number" is not a known name for the customer ID (the email column was proposed instead): map it, and the
  // step points out the clash until the email column is mapped to Email.
  await page.getByLabel('Field for column Client Number').selectOption('external_id');
  await expect(page.locator('#content [role="alert"]')).toContainText('"Client Number" and "Mail" are both mapped to Customer ID: keep one.');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByLabel('Field for column Mail').selectOption('email');
  await page.getByLabel('Field for column Land').selectOption('country');
  await expect(page.getByText('Preview: 3 of 3 rows read correctly with this mapping.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Column mapping and preview' })).toContainText('Cy "C" Gamma');
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const customersRow = page.locator('[data-import]').filter({ hasText: 'crm-export.csv' });
  await expect(customersRow.locator('[data-status]')).toHaveText('succeeded', { timeout: 30_000 });
  await expect(customersRow.locator('td').nth(3)).toHaveText('3');

  await upload(page, 'Orders', 'shop-orders.csv', ordersCsv);
  await expect(page.getByText(/rows read correctly with this mapping/)).toContainText('of 7');
  await expect(page.getByText(/Line 4: .*not a real date/)).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const ordersRow = page.locator('[data-import]').filter({ hasText: 'shop-orders.csv' }).first();
  await expect(ordersRow.locator('[data-status]')).toHaveText('succeeded', { timeout: 30_000 });
  // 7 rows: the impossible date, the text total and the repeated order number are rejected; 4 are inserted.
  await expect(ordersRow.locator('td').nth(2)).toHaveText('7');
  await expect(ordersRow.locator('td').nth(3)).toHaveText('4');
  await expect(ordersRow.locator('td').nth(6)).toContainText('3');

  const downloadPromise = page.waitForEvent('download');
  await ordersRow.getByRole('link', { name: 'Download rejected rows' }).click();
  const download = await downloadPromise;
  const rejects = fs.readFileSync((await download.path())!, 'utf8');
  expect(rejects.split('\r\n').filter(Boolean)).toHaveLength(4);
  expect(rejects).toContain('4,');
  expect(rejects).toMatch(/5,.*""abc"" is not a number/);
  expect(rejects).toMatch(/7,ID 1005 already appears on line 6/);

  await upload(page, 'Orders', 'shop-orders.csv', ordersCsv);
  await expect(page.getByText('the mapping you confirmed last time for these headers')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const again = page.locator('[data-import]').filter({ hasText: 'shop-orders.csv' }).first();
  await expect(again.locator('[data-status]')).toHaveText('succeeded', { timeout: 30_000 });
  await expect(again.locator('td').nth(3)).toHaveText('0');
  await expect(again.locator('td').nth(5)).toHaveText('4');

  await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisible();

  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.locator('[data-stat="Customers"]')).toHaveText('4');
});

test('a file that is not text is refused with a clear message', async ({ page }) => {
  await signUp(page, { name: 'Pia Png', email: uniqueEmail('pia'), password: 'imports-are-fun-2026', workspace: 'Pia Shop' });
  await expect(page).toHaveURL(/\/overview$/);
  await page.goto(page.url().replace('/overview', '/imports'));
  await page.getByLabel(/Upload a customers CSV file/).setInputFiles({
    name: 'logo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  });
  await expect(page.locator('#content [role="alert"]')).toContainText('PNG');
});
