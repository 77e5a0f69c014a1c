import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import {
  highlight,
  importDocument,
  openSampleDocument,
  openSampleProject,
  panel,
  selectClaim,
} from './workspace';

async function assess(page: Page, verdict: string, level: string) {
  await panel(page).getByRole('radio', { name: verdict, exact: true }).check();
  await expect(panel(page).getByText('Saved.')).toBeVisible();
  await panel(page).getByLabel('Evidence level (CEBM)').selectOption(level);
  await expect(panel(page).getByText('Saved.')).toBeVisible();
}

test('two reviewers disagree, the conflict shows, and an admin adjudicates it', async ({ browser }) => {
  const [one, two, admin] = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
  await signIn(one, 'reviewer');
  await signIn(two, 'reviewer2');
  await signIn(admin, 'admin');
  for (const page of [one, two, admin]) await openSampleDocument(page);

  const id = await selectClaim(one, 5);
  await selectClaim(two, 5);
  await assess(one, 'Supported', 'LEVEL_2');
  await assess(two, 'Unsupported', 'LEVEL_4');

  await one.reload();
  await expect(highlight(one, 5)).toHaveAttribute('data-status', 'CONFLICT');
  await expect(panel(one).getByText('The reviewers disagree; an admin adjudicates.')).toBeVisible();
  await expect(panel(one).getByRole('list', { name: 'Other reviewers’ assessments' })).toContainText(
    'Second Reviewer: Unsupported, CEBM 4',
  );
  await one.goto('/');
  await expect(one.getByText(/\d+ open conflicts?/).first()).toBeVisible();

  // The admin filters to conflicts and settles this one.
  await admin.reload();
  await admin.getByText('Filters').click();
  await admin.getByLabel('Conflicts only').check();
  await admin.locator(`[data-claim-row="${id}"]`).click();
  const p = panel(admin);
  await expect(p.getByRole('list', { name: 'Other reviewers’ assessments' })).toContainText('Test Reviewer');
  await p.getByRole('button', { name: 'Record adjudication' }).click();
  await expect(p.getByText(/Nothing was saved|Choose/).first()).toBeVisible();
  await p
    .getByRole('group', { name: 'Adjudicated verdict' })
    .getByRole('radio', { name: 'Supported', exact: true })
    .check();
  await p.getByLabel('Adjudicated evidence level').selectOption('LEVEL_2');
  await p.getByLabel('Adjudication note').fill('The cited trial is randomised; level 2 stands.');
  await p.getByRole('button', { name: 'Record adjudication' }).click();
  await expect(p.getByRole('list', { name: 'Adjudications' })).toContainText('Adjudicated by Test Admin');
  await expect(admin.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'SUPPORTED');

  // After a reload, everyone sees the adjudicated consensus and its history.
  await two.reload();
  await expect(highlight(two, 5)).toHaveAttribute('data-status', 'SUPPORTED');
  await expect(panel(two).getByText('(adjudicated)')).toBeVisible();
  await expect(panel(two).getByRole('list', { name: 'Adjudications' })).toContainText(
    'The cited trial is randomised; level 2 stands.',
  );
  await panel(two)
    .getByText(/^History \(\d+\)$/)
    .click();
  await expect(panel(two).getByText('Test Admin adjudicated')).toBeVisible();
  await expect(two.getByText(/Agreement on verdict:/)).toBeVisible();
});

test('in blind review a reviewer sees the others only after submitting', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Blind review test', 3);
  const [admin, one, two] = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
  await signIn(admin, 'admin');
  await admin.goto(`/documents/${documentId}`);
  await admin.getByRole('button', { name: 'Switch to blind review' }).click();
  await expect(admin.getByText('Blind review', { exact: false }).first()).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Switch to open review' })).toBeVisible();

  await signIn(two, 'reviewer2');
  await two.goto(`/documents/${documentId}`);
  await selectClaim(two, 0);
  await assess(two, 'Supported', 'LEVEL_1');

  await signIn(one, 'reviewer');
  await one.goto(`/documents/${documentId}`);
  const id = await selectClaim(one, 0);
  await expect(panel(one).getByText(/Blind review: other reviewers’ assessments/)).toBeVisible();
  await expect(panel(one)).not.toContainText('Second Reviewer');
  // The exports would show the others' verdicts, so a reviewer gets no download links, only the summary's notice.
  await expect(one.getByRole('link', { name: 'Export Markdown' })).toHaveCount(0);
  await expect(one.getByRole('link', { name: 'Summary' })).toBeVisible();
  await expect(one.getByText(/Agreement on verdict:/)).toHaveCount(0);
  await expect(
    one.getByText('Agreement between reviewers shows here once the review is open.'),
  ).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Export Markdown' })).toBeVisible();
  await expect(one.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'UNREVIEWED');
  // Nor does the API give it away.
  const hidden = await (await one.request.get(`/api/claims/${id}`)).json();
  expect(hidden.others).toEqual([]);
  expect(hidden.consensus).toBeNull();

  await panel(one).getByRole('radio', { name: 'Unsupported' }).check();
  await expect(panel(one).getByText('Saved.')).toBeVisible();
  await expect(panel(one).getByRole('list', { name: 'Other reviewers’ assessments' })).toContainText(
    'Second Reviewer: Supported, CEBM 1',
  );
  await expect(one.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'CONFLICT');

  // The project's page shows a reviewer the progress of a blind review, not its verdict mix or conflicts.
  const row = (page: typeof one) => page.getByRole('listitem').filter({ hasText: 'Blind review test' });
  await openSampleProject(one);
  await expect(row(one)).toContainText('Reviewed 1 of 3 claims');
  await expect(row(one)).toContainText('Blind review: the verdict mix shows once the review is open.');
  await expect(row(one)).not.toContainText('open conflict');
  await openSampleProject(admin);
  await expect(row(admin)).toContainText('1 open conflict');
  await expect(row(admin).getByRole('img', { name: /^Verdict mix:/ })).toBeVisible();
  await api.dispose();
});

test('a review of five claims done with the keyboard alone', async ({ page, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'reviewer', 'Keyboard review test', 6);
  await api.dispose();
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${documentId}`);
  await expect(panel(page)).toBeVisible();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  const verdicts = ['1', '2', '3', '1', '2'];
  for (const [i, key] of verdicts.entries()) {
    if (i > 0) await page.keyboard.press('j');
    await expect(panel(page)).toContainText(`Claim #${i + 1}`);
    await page.keyboard.press(key);
    await expect(panel(page).getByText('Saved.')).toBeVisible();
    await page.keyboard.press('e');
    await expect(panel(page).getByLabel('Evidence level (CEBM)')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel(page).getByLabel('Evidence level (CEBM)')).toHaveValue('LEVEL_1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await expect(panel(page).getByLabel('New comment')).toBeFocused();
    await page.keyboard.type(`Checked from the keyboard, claim ${i + 1}.`);
    await page.keyboard.press('Control+Enter');
    await expect(
      panel(page)
        .getByRole('paragraph')
        .filter({ hasText: `Checked from the keyboard, claim ${i + 1}.` }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
  }
  await expect(page.getByText('Reviewed by me: 5 of 6')).toBeVisible();
  await page.keyboard.press('k');
  await expect(panel(page)).toContainText('Claim #4');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search claims')).toBeFocused();

  // The claim list is one Tab stop, the selected row; the arrow keys, Home and End move through it.
  const focusedRow = page.locator('[data-claim-row]:focus');
  for (let i = 0; i < 5 && (await focusedRow.count()) === 0; i++) await page.keyboard.press('Tab');
  await expect(focusedRow).toHaveAttribute('aria-current', 'true');
  await expect(focusedRow).toContainText('#4');
  await page.keyboard.press('ArrowDown');
  await expect(panel(page)).toContainText('Claim #5');
  await expect(focusedRow).toContainText('#5');
  await page.keyboard.press('End');
  await expect(panel(page)).toContainText('Claim #6');
  await page.keyboard.press('Home');
  await expect(panel(page)).toContainText('Claim #1');
  await expect(focusedRow).toContainText('#1');
  await page.keyboard.press('Tab');
  await expect(focusedRow).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Reviewed by me: 5 of 6')).toBeVisible();
  await expect(panel(page).getByRole('radio', { name: 'Supported', exact: true })).toBeChecked();
  await expect(panel(page).getByLabel('Evidence level (CEBM)')).toHaveValue('LEVEL_1');
});
