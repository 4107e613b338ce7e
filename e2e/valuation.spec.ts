import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './helpers';

const rankingOrder = (page: Page) =>
  page.locator('[data-testid="ranking"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-segment') ?? ''));

const planMargin = async (page: Page, strategy: string) =>
  Number(await page.locator(`[data-plan-total="${strategy}"]`).getAttribute('data-margin'));

test('a viewer re-ranks the segments by preset and plans a budget that beats both baselines, with no edit control', async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Valuation', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Valuation', exact: true })).toBeVisible();
  await expect(page.locator('[data-testid="ranking"] tbody tr').first()).toBeVisible();
  await expect(page.locator('[data-valuation-row="All buyers"]').first()).toBeVisible();
  await expect(page.locator('[data-chart="Value quadrant"] svg').first()).toBeVisible();
  await expect(page.locator('[data-chart="Value score breakdown"] svg').first()).toBeVisible();

  const presets = page.getByRole('group', { name: 'Weight presets' });
  await presets.getByRole('button', { name: 'Profit now' }).click();
  await expect(presets.getByRole('button', { name: 'Profit now' })).toHaveAttribute('aria-pressed', 'true');
  const profitNow = await rankingOrder(page);
  expect(profitNow.length).toBeGreaterThan(2);
  await presets.getByRole('button', { name: 'Growth' }).click();
  await expect(presets.getByRole('button', { name: 'Growth' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => rankingOrder(page)).not.toEqual(profitNow);

  // Viewers explore but change nothing: no save, no edit links.
  await expect(page.getByRole('button', { name: 'Save as workspace weights' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Allocation', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Allocation planner' })).toBeVisible();
  await page.getByLabel('Budget').fill('25000');
  await expect(page.locator('[data-plan-total="optimal"]')).toHaveAttribute('data-spend', '25000.00');
  await expect(page.getByTestId('allocation-result').locator('tbody tr').first()).toBeVisible();
  const optimal = await planMargin(page, 'optimal');
  expect(optimal).toBeGreaterThan(await planMargin(page, 'equal-split'));
  expect(optimal).toBeGreaterThan(await planMargin(page, 'revenue-proportional'));
  await expect(page.getByRole('button', { name: 'Save plan' })).toHaveCount(0);
  await expect(page.getByLabel('Plan name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // A segment's valuation page shows its market inputs read-only.
  await page.goto(`/w/${demo.slug}/valuation/rfm/Champions`);
  await expect(page.getByRole('heading', { name: 'Champions', exact: true })).toBeVisible();
  await expect(page.getByTestId('recommendation-reason')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: 'Save market inputs' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset to defaults' })).toHaveCount(0);
});

test('a marketer saves two plans and compares them', async ({ page }) => {
  await signIn(page, demo.marketer);
  await page.goto(`/w/${demo.slug}/allocation`);
  for (const [name, budget] of [['E2E small plan', '8000'], ['E2E large plan', '30000']]) {
    await page.getByLabel('Budget').fill(budget);
    await expect(page.locator('[data-plan-total="optimal"]')).toHaveAttribute('data-spend', `${budget}.00`);
    await page.getByLabel('Plan name').fill(name);
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  for (const [label, plan] of [['Compare', 'E2E small plan'], ['with', 'E2E large plan']]) {
    const select = page.getByLabel(label, { exact: true });
    await select.selectOption((await select.locator('option', { hasText: plan }).getAttribute('value'))!);
  }
  await page.getByRole('button', { name: 'Compare plans' }).click();
  await expect(page.getByRole('heading', { name: 'Compare plans' })).toBeVisible();
  const total = page.getByTestId('plan-comparison').getByRole('row', { name: /^Total/ });
  await expect(total).toContainText('+');
});
