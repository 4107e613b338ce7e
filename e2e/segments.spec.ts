import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, signIn } from './helpers';

async function matchingCustomers(page: Page): Promise<number> {
  const stat = page.locator('[data-stat="Matching customers"]');
  await expect(stat).toBeVisible();
  return Number((await stat.innerText()).replace(/[^\d]/g, ''));
}

/** Waits until the preview settles on a count different from `previous`, and returns it. */
async function countChangedFrom(page: Page, previous: number): Promise<number> {
  await expect.poll(() => matchingCustomers(page)).not.toBe(previous);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return matchingCustomers(page);
}

const condition = (page: Page, number: string): Locator => page.getByRole('group', { name: `Condition ${number}`, exact: true });

test('a marketer builds a two-group rule with keyboard and mouse, watches the count, saves it and sees it listed with its "as of"', async ({ page }) => {
  await signIn(page, demo.marketer);
  await page.getByRole('link', { name: 'Segments', exact: true }).click();
  await page.getByRole('link', { name: 'New segment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('German high CLV at risk');

  const everyoneWithClv = await matchingCustomers(page);
  expect(everyoneWithClv).toBeGreaterThan(1000);

  // Condition 1 by keyboard: the field select, then type the value.
  const first = condition(page, '1');
  await first.getByLabel('Field').selectOption('field:country');
  await first.getByLabel('Value').focus();
  await page.keyboard.type('DE');
  const germans = await countChangedFrom(page, everyoneWithClv);
  expect(germans).toBeGreaterThan(0);
  expect(germans).toBeLessThan(everyoneWithClv);

  // A second group with the mouse: churn risk over 0.5 OR more than 90 days since the last purchase.
  await page.getByRole('button', { name: 'Add group to the rule' }).click();
  const group = page.getByRole('group', { name: 'Group 2', exact: true });
  await group.getByLabel(/^Match/).selectOption('or');
  await condition(page, '2.1').getByLabel('Field').selectOption('field:churn_risk');
  await condition(page, '2.1').getByLabel('Operator').selectOption('gt');
  await condition(page, '2.1').getByLabel('Value').fill('0.5');
  // The next condition by keyboard: focus the button, press Enter; focus lands on the new row's field select.
  await page.getByRole('button', { name: 'Add condition to group 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(condition(page, '2.2').getByLabel('Field')).toBeFocused();
  await condition(page, '2.2').getByLabel('Field').selectOption('field:recency_days');
  await condition(page, '2.2').getByLabel('Operator').selectOption('gt');
  await condition(page, '2.2').getByLabel('Value').fill('90');
  const germansAtRisk = await countChangedFrom(page, germans);
  expect(germansAtRisk).toBeLessThan(germans);

  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page).toHaveURL(/\/segments\/\d+$/);
  await expect(page.getByRole('heading', { name: 'German high CLV at risk' })).toBeVisible();
  await expect(page.getByTestId('as-of')).toHaveText(/\d{4}, \d{2}:\d{2} UTC/);
  await expect(page.locator('[data-stat="Customers"]')).toHaveText(germansAtRisk.toLocaleString('en-US'));

  await page.getByRole('link', { name: 'Segments', exact: true }).click();
  const row = page.locator('tr[data-segment="German high CLV at risk"]');
  await expect(row.locator('[data-column="customers"]')).toContainText(germansAtRisk.toLocaleString('en-US'));
  await expect(row.locator('[data-column="as-of"]')).toHaveText(/\d{4}, \d{2}:\d{2} UTC/);
});

test('a marketer creates the RFM segments from the templates; creating them again adds nothing', async ({ page }) => {
  await signIn(page, demo.marketer);
  await page.goto(`/w/${demo.slug}/segments`);
  const rowsBefore = await page.locator('tr[data-segment]').count();
  await page.getByRole('button', { name: 'Create RFM segments' }).click();
  await expect(page.getByText('Created 10 segments.')).toBeVisible();
  await expect(page.locator('tr[data-segment]')).toHaveCount(rowsBefore + 10);
  await expect(page.locator('tr[data-segment="RFM: Champions"] [data-column="as-of"]')).toHaveText(/UTC/);
  await page.getByRole('button', { name: 'Create RFM segments' }).click();
  await expect(page.getByText('All 10 template segments already exist.')).toBeVisible();
  await expect(page.locator('tr[data-segment]')).toHaveCount(rowsBefore + 10);
});

test('an export leaves out customers without consent; the API answers a workspace key and refuses a call without one', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto(`/w/${demo.slug}/segments`);
  await page.locator('tr[data-segment="One-time buyers"] a').first().click();
  await expect(page).toHaveURL(/\/segments\/\d+$/);
  const segmentId = page.url().split('/').at(-1)!;
  const members = Number((await page.locator('[data-stat="Customers"]').innerText()).replace(/[^\d]/g, ''));

  await page.getByLabel('Marketing consent', { exact: true }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header).toBe('Customer ID,Email,Name,Marketing consent,RFM segment,Predicted CLV');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThan(members);
  for (const row of rows) expect(row.split(',')[3]).toBe('true');

  await page.goto(`/w/${demo.slug}/settings`);
  await page.getByLabel('Key name').fill('Email tool');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const key = (await page.getByTestId('new-api-key').innerText()).trim();
  expect(key).toMatch(/^sgk_[0-9a-f]{32}_[\w-]{43}$/);

  const anonymous = await page.request.get(`/api/v1/segments/${segmentId}/members`);
  expect(anonymous.status()).toBe(401);
  const wrongKey = await page.request.get(`/api/v1/segments/${segmentId}/members`, { headers: { authorization: `Bearer ${key.slice(0, -4)}AAAA` } });
  expect(wrongKey.status()).toBe(401);
  const answer = await page.request.get(`/api/v1/segments/${segmentId}/members?limit=1000`, { headers: { authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body.segment).toMatchObject({ id: Number(segmentId), name: 'One-time buyers', customers: members });
  expect(body.data).toHaveLength(Math.min(1000, rows.length));
  expect(body.data.every((member: { marketing_consent: boolean }) => member.marketing_consent)).toBe(true);

  await page.goto(`/w/${demo.slug}/audit`);
  await expect(page.locator('tbody tr').filter({ hasText: 'Export created' }).first()).toBeVisible();
  await expect(page.locator('tbody tr').filter({ hasText: 'API key used' }).first()).toBeVisible();
});
