import { expect, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { signIn } from './sign-in';
import { importDocument } from './workspace';

test('a lead assigns a range; the reviewer finds it on the dashboard and opens on "unreviewed by me"', async ({
  browser,
  page,
  request,
}) => {
  const title = `Assigned ${Date.now()}`;
  const documentId = await importDocument(request, 'admin', title, 6);

  await signIn(page, 'admin', `/documents/${documentId}`);
  await page.getByText('Assignments (0)').click();
  await page
    .getByLabel('Reviewer', { exact: true })
    .selectOption({ label: `${ACCOUNTS.reviewer2.name} (reviewer)` });
  await page.getByLabel('From claim number').fill('3');
  await page.getByLabel('To claim number').fill('5');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Current assignments' })).toContainText(
    `${ACCOUNTS.reviewer2.name}: claims #3–#5`,
  );

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, 'reviewer2');
  const mine = reviewer.getByRole('region', { name: 'My assignments' });
  await expect(mine).toContainText('0 of 3 reviewed');
  await mine.getByRole('link', { name: title }).click();
  await expect(reviewer.getByRole('checkbox', { name: 'Unreviewed by me' })).toBeChecked();
  // The first claim of the range is the one selected.
  await expect(reviewer.locator('[data-claim-row][aria-current="true"]')).toContainText('#3');
  await context.close();
});
