import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { FALLS, OMEGA, openNewDocument, TEA } from './versions';
import { highlight, importDocument, panel, selectClaim } from './workspace';

// Issue 22: a corrected article comes in as a new version of the document, and its review carries over.

const TITLE = 'Version test';

test('a new version keeps the review of the claims it still has, marks the reworded one and sets the missing one apart', async ({
  page,
  playwright,
  baseURL,
}) => {
  const { documentId, api } = await openNewDocument({ page, playwright, baseURL }, TITLE, [
    FALLS,
    OMEGA,
    TEA,
  ]);
  await api.dispose();
  for (const n of [0, 1, 2]) {
    await selectClaim(page, n);
    await panel(page).getByRole('radio', { name: 'Supported', exact: true }).check();
    await expect(panel(page).getByText('Saved.')).toBeVisible();
  }

  await page.getByRole('link', { name: 'New version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a new version');
  const reworded = 'Omega-3 supplements reduce triglycerides in many adults within twelve weeks.';
  const added = 'Magnesium improves sleep quality in people with insomnia.';
  const text = [TITLE, FALLS, reworded, added].join('\n\n');
  await page.getByLabel('The new version’s text').fill(text);
  await page.getByRole('button', { name: 'Import the new version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2 is in.' })).toBeVisible();
  const counts = page.locator('dl');
  await expect(counts).toContainText(/Kept\s*1/);
  await expect(counts).toContainText(/Text changed\s*1/);
  await expect(counts).toContainText(/Orphaned\s*1/);
  await expect(counts).toContainText(/New\s*1/);

  await page.getByRole('link', { name: 'Open the document' }).click();
  await expect(page.locator('mark[data-claim]')).toHaveCount(3);
  // The claim kept as it was keeps its verdict; the reworded one keeps the reviewer's, back in review.
  await expect(highlight(page, 0)).toHaveAttribute('data-status', 'SUPPORTED');
  await selectClaim(page, 1);
  const change = panel(page).locator('[data-text-change]');
  await expect(change).toContainText('Text changed since assessed');
  await expect(change.locator('del')).toContainText(['most', 'eight']);
  await expect(change.locator('ins')).toContainText(['many', 'twelve']);
  await expect(panel(page).getByRole('radio', { name: 'Supported', exact: true })).toBeChecked();
  await expect(highlight(page, 2)).toHaveAttribute('data-status', 'UNREVIEWED');

  await page.goto(`/documents/${documentId}/summary`);
  await expect(page.getByText(/Version 2 of this document/)).toBeVisible();
});

test('an empty new version is refused with the reason, and nothing changes', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Empty version test', [FALLS]);
  await api.dispose();
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${documentId}/versions/new`);
  await page.getByRole('button', { name: 'Import the new version' }).click();
  await expect(page.getByText('Paste the new version’s text first.')).toBeVisible();
  await page.getByLabel('The new version’s text').fill('   \n\n  ');
  await page.getByRole('button', { name: 'Import the new version' }).click();
  await expect(page.getByText('Paste the new version’s text first.')).toBeVisible();
});
