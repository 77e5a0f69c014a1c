import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_TITLE, signIn } from './sign-in';

async function openSampleDocument(page: Page) {
  if (!(await page.context().cookies()).some((c) => c.name.includes('session_token')))
    await signIn(page, 'reviewer');
  await page.goto('/');
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'The Potential of Low-Dose Naltrexone in Treating Depression',
  );
}

// Each test uses a claim of its own, so the tests do not depend on each other's writes.
function claim(page: Page, index: number) {
  return page.locator('section[data-claim-id]').nth(index);
}

test('marks a claim, comments, keeps both after a reload, and exports them', async ({ page }) => {
  await openSampleDocument(page);
  await expect(
    page.getByRole('heading', { name: 'LDN Mechanisms of action in depression', level: 2 }),
  ).toBeVisible();

  const first = claim(page, 0);
  await first.getByText('Speculative', { exact: true }).click();
  await first.getByLabel('Evidence level (CEBM)').selectOption('LEVEL_5');
  await first.getByRole('button', { name: 'Save assessment' }).click();
  await expect(first.getByText('Saved.')).toBeVisible();

  const comment = 'Mechanistic only: no trial is cited for this.';
  await first.getByLabel('Add a comment').fill(comment);
  await first.getByRole('button', { name: 'Add comment' }).click();
  await expect(first.getByRole('list', { name: 'Comments' })).toContainText(comment);

  await page.reload();
  const reloaded = claim(page, 0);
  await expect(reloaded.getByRole('radio', { name: 'Speculative' })).toBeChecked();
  await expect(reloaded.getByLabel('Evidence level (CEBM)')).toHaveValue('LEVEL_5');
  await expect(reloaded.getByRole('list', { name: 'Comments' })).toContainText(comment);
  await expect(reloaded.getByText('Speculative', { exact: true }).last()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('low-dose-naltrexone-depression-review.md');
  const markdown = fs.readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain(comment);
  expect(markdown).toMatch(/Verdict: \*\*Speculative\*\*; evidence level: CEBM 5/);
  expect(markdown).toMatch(/\| Speculative \| 1 \|/);
});

test('shows clear errors for an empty or oversized comment and keeps the text', async ({ page }) => {
  await openSampleDocument(page);
  const second = claim(page, 1);
  await second.getByRole('button', { name: 'Add comment' }).click();
  await expect(second.getByText('Write a comment first.')).toBeVisible();

  const long = 'x'.repeat(10_001);
  await second.getByLabel('Add a comment').fill(long);
  await second.getByRole('button', { name: 'Add comment' }).click();
  await expect(second.getByText('A comment can be at most 10,000 characters.')).toBeVisible();
  await expect(second.getByLabel('Add a comment')).toHaveValue(long);
  await page.reload();
  await expect(claim(page, 1).getByRole('list', { name: 'Comments' })).toHaveCount(0);
});

test('refuses a stale write with a clear message and lets me re-apply my choice', async ({ browser }) => {
  // Two tabs of the same reviewer: the second still shows the form as it was before the first saved.
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openSampleDocument(a);
  await openSampleDocument(b);

  await claim(a, 2).getByText('Supported', { exact: true }).click();
  await claim(a, 2).getByRole('button', { name: 'Save assessment' }).click();
  await expect(claim(a, 2).getByText('Saved.')).toBeVisible();

  await claim(b, 2).getByText('Unsupported', { exact: true }).click();
  await claim(b, 2).getByRole('button', { name: 'Save assessment' }).click();
  await expect(claim(b, 2).getByText(/changed by someone else/)).toBeVisible();
  await expect(claim(b, 2).getByText(/Their assessment now: Supported/)).toBeVisible();
  await expect(claim(b, 2).getByRole('radio', { name: 'Unsupported' })).toBeChecked();

  await claim(b, 2).getByRole('button', { name: 'Save mine again' }).click();
  await expect(claim(b, 2).getByText('Saved.')).toBeVisible();
  await a.reload();
  await expect(claim(a, 2).getByRole('radio', { name: 'Unsupported' })).toBeChecked();
});

test('answers an unknown document with a 404 page', async ({ page }) => {
  await signIn(page, 'viewer');
  for (const id of ['not-a-uuid', '00000000-0000-7000-8000-000000000000']) {
    const response = await page.goto(`/documents/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
  const exportResponse = await page.request.get('/documents/not-a-uuid/export?format=json');
  expect(exportResponse.status()).toBe(404);
});

test('the dashboard and the document page have no axe violations', async ({ page }) => {
  await signIn(page, 'reviewer');
  await page.goto('/');
  await expect(page.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await openSampleDocument(page);
  await expect(claim(page, 0)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
