import { expect, test } from '@playwright/test';
import { FALLS, OMEGA, openNewDocument, PARAPHRASE, TEA } from './versions';
import { panel, selectClaim } from './workspace';

// Issue 22: a claim a new version no longer has is set apart with its review, and a reviewer attaches it to
// its new words by hand.

const TITLE = 'Orphan test';

test('an orphaned claim is listed apart with its review and attached to a selection by hand', async ({
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
  await selectClaim(page, 1);
  await panel(page).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(page).getByText('Saved.')).toBeVisible();
  await expect(page.getByText(/^Orphaned claims/)).toHaveCount(0);

  await page.goto(`/documents/${documentId}/versions/new`);
  await page.getByLabel('The new version’s text').fill([TITLE, FALLS, PARAPHRASE, TEA].join('\n\n'));
  await page.getByRole('button', { name: 'Import the new version' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2 is in.' })).toBeVisible();
  await expect(page.locator('dl')).toContainText(/Orphaned\s*1/);
  await page.getByRole('link', { name: 'Open the document' }).click();

  // Set apart, with its review.
  const orphans = page.locator('details[data-orphans]');
  await orphans.getByText('Orphaned claims (1)').click();
  const orphan = orphans.locator('li[data-orphan]');
  await expect(orphan).toContainText('Claim #2');
  await expect(orphan.locator('blockquote')).toHaveText(OMEGA);
  await expect(orphan).toContainText('Supported');

  // The paraphrase came in as a new, unreviewed claim: the orphan takes its place.
  const freshId = (await page
    .locator('mark[data-claim]', { hasText: PARAPHRASE })
    .getAttribute('data-claim')) as string;

  // Attach with nothing selected is refused with what to do; with the words selected, it attaches.
  const attach = orphan.getByRole('button', { name: 'Attach to selection' });
  await attach.click();
  await expect(orphan.getByText('Select the words in the article first, then press Attach.')).toBeVisible();
  await page.locator('[data-document-body]').evaluate((root, wanted) => {
    const run = [...root.querySelectorAll('[data-o]')].find((el) => el.textContent?.includes(wanted));
    const node = run?.firstChild as Text;
    const start = node.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, PARAPHRASE);
  await attach.click();

  // Back as claim #2, its text changed since assessed, its verdict kept and in review again.
  await expect(orphans).toHaveCount(0);
  await expect(page.locator(`mark[data-claim="${freshId}"]`)).toHaveCount(0);
  await expect(page.locator('mark[data-claim]', { hasText: PARAPHRASE })).toHaveCount(1);
  await expect(panel(page).getByRole('heading', { name: PARAPHRASE })).toBeVisible();
  const change = panel(page).locator('[data-text-change]');
  await expect(change).toContainText('Text changed since assessed');
  await expect(change.locator('del').first()).toBeVisible();
  await expect(change.locator('ins').first()).toBeVisible();
  await expect(panel(page).getByRole('radio', { name: 'Supported', exact: true })).toBeChecked();

  await page.reload();
  await expect(page.locator('details[data-orphans]')).toHaveCount(0);
  await expect(page.locator('mark[data-claim]', { hasText: PARAPHRASE })).toHaveAttribute(
    'data-status',
    'IN_REVIEW',
  );
});
