import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { importDocument, panel, selectClaim } from './workspace';

// Issue 22: a claim that cites a study is marked, and its entry in the document's reference list is shown with
// a way to cite it.

const CITING = 'LDN improved mood in a small trial [1].';
const PLAIN = 'Nobody knows why it works.';
const ENTRY =
  'Park B, Cho D. Mood and low-dose naltrexone. J Affect Disord. 2018;3:4-9. doi:10.1000/park.2018';

test('a claim that cites a study is marked, and its reference fills the citation form without saving it', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Cites a study test', [
    CITING,
    PLAIN,
    'References',
    `1. ${ENTRY}`,
  ]);
  await api.dispose();
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${documentId}`);
  // The reference entry is no claim.
  await expect(page.locator('mark[data-claim]')).toHaveCount(2);
  const rows = page.getByRole('list', { name: 'Claims' }).getByRole('button');
  await expect(rows.filter({ hasText: CITING })).toHaveAccessibleName(/cites a study/);
  await expect(rows.filter({ hasText: PLAIN })).not.toHaveAccessibleName(/cites a study/);

  await selectClaim(page, 0);
  await expect(panel(page).getByText('· cites a study')).toBeVisible();
  await expect(panel(page).getByText(ENTRY)).toBeVisible();
  await panel(page)
    .getByRole('button', { name: /^Cite this reference/ })
    .click();
  const identifier = panel(page).getByLabel('PMID, DOI or web address');
  await expect(identifier).toHaveValue('10.1000/park.2018');
  await expect(identifier).toBeFocused();
  await expect(panel(page).getByRole('heading', { name: 'Citations (0)' })).toBeVisible();
});
