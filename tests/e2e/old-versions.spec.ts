import { expect, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { FALLS, OMEGA, openNewDocument } from './versions';
import { panel, selectClaim } from './workspace';

// Issue 22: after a new version, the old one stays readable with its review as it was.

const TITLE = 'Old version test';
// Its markup is text to escape, on the old version's page as everywhere.
const TEA = 'Green tea extract causes <b>weight loss</b> of several kilograms a year.';

test('an earlier version opens read-only from the workspace, with its claims highlighted and their review then', async ({
  page,
  playwright,
  baseURL,
}) => {
  const { documentId, api } = await openNewDocument({ page, playwright, baseURL }, TITLE, [
    FALLS,
    OMEGA,
    TEA,
  ]);
  // Version 1 has no earlier versions to link to.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole('link', { name: /earlier versions/ })).toHaveCount(0);
  await selectClaim(page, 0);
  await panel(page).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(page).getByText('Saved.')).toBeVisible();

  // The tea sentence is gone from the new version: orphaned, as the old version keeps it.
  const text = [TITLE, FALLS, OMEGA, 'Magnesium improves sleep quality in people with insomnia.'].join(
    '\n\n',
  );
  const imported = await api.post(`/api/documents/${documentId}/versions`, {
    data: { text, format: 'TEXT' },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  await api.dispose();

  await page.reload();
  await page.getByRole('link', { name: 'Version 2 · earlier versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versions');
  await page.getByRole('link', { name: 'Version 1', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Version 1 of ${TITLE}`);
  await expect(page.getByText(/Superseded on \d{4}-\d\d-\d\d \d\d:\d\d UTC by Test Admin\./)).toBeVisible();
  const body = page.locator('[data-version-body]');
  // The sentence written with a tag reads as typed: escaped, never markup.
  await expect(body).toContainText(TEA);
  await expect(body.locator('b')).toHaveCount(0);
  await expect(body.locator('mark')).toHaveCount(3);
  await expect(body.locator('mark[data-status="SUPPORTED"]')).toHaveText(FALLS);
  await expect(body.locator('mark[data-status="UNREVIEWED"]')).toHaveCount(2);

  const claim = page.locator('#claim-1');
  await expect(claim).toContainText('Supported');
  await expect(claim).toContainText(`Verdicts${ACCOUNTS.reviewer.name}: Supported`);
  // The highlight leads to its claim's review.
  await body.locator('mark[data-status="SUPPORTED"]').click();
  await expect(page).toHaveURL(/#claim-1$/);

  // At a phone's width nothing runs off the side.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The summary names what changed, and links here too.
  await page.goto(`/documents/${documentId}/summary`);
  const changes = page.locator('section[aria-labelledby="summary-version-changes"]');
  await expect(changes.getByRole('heading', { name: 'Changes since version 1' })).toBeVisible();
  await expect(changes).toContainText(TEA);
  await expect(changes.getByRole('link', { name: /Earlier versions/ })).toHaveAttribute(
    'href',
    `/documents/${documentId}/versions`,
  );

  for (const number of ['2', '9', 'abc']) {
    await page.goto(`/documents/${documentId}/versions/${number}`);
    await expect(page.getByRole('heading', { name: 'That version does not exist' })).toBeVisible();
  }
});
