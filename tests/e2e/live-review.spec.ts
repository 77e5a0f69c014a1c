import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PROJECT, signIn } from './sign-in';
import { highlight, importDocument, openSampleProject, panel, selectClaim } from './workspace';

// Live review (issue 21): what one reviewer does shows in another's open workspace without a reload, and what
// the other is typing stays as typed.

async function openDocument(page: Page, documentId: string) {
  await page.goto(`/documents/${documentId}`);
  await expect(highlight(page, 0)).toBeVisible();
}

const notice = (page: Page) => page.locator('[data-live-notice]');

test("another reviewer's save, comment and adjudication show without a reload; my typing is kept", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Live review test', 3);
  const [one, two, admin] = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
  await signIn(one, 'reviewer');
  await signIn(two, 'reviewer2');
  await signIn(admin, 'admin');
  for (const page of [one, two, admin]) await openDocument(page, documentId);

  // The second reviewer is half-way through a rationale on the claim the first one is about to judge.
  const id = await selectClaim(two, 1);
  await panel(two).getByLabel('Rationale').fill('Half a thought, not saved yet.');
  await selectClaim(one, 1);
  await panel(one).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(one).getByText('Saved.')).toBeVisible();

  // Without a reload: the highlight, the row, the panel and a notice that says who did what.
  // The sample project takes one reviewer's verdict as the consensus until another disagrees.
  await expect(highlight(two, 1)).toHaveAttribute('data-status', 'SUPPORTED');
  await expect(notice(two)).toHaveText(/^Claim #\d+: Test Reviewer assessed\.$/);
  await expect(panel(two).getByRole('list', { name: 'Other reviewers’ assessments' })).toContainText(
    'Test Reviewer: Supported',
  );
  await expect(panel(two).getByLabel('Rationale')).toHaveValue('Half a thought, not saved yet.');
  await expect(panel(two).getByRole('radio', { name: 'Supported', exact: true })).not.toBeChecked();
  // The one who saved hears nothing of their own change.
  await expect(notice(one)).toHaveText('');

  // The second reviewer disagrees: both see the conflict, the admin too, all without a reload.
  await panel(two).getByRole('radio', { name: 'Unsupported', exact: true }).check();
  await expect(panel(two).getByText('Saved.')).toBeVisible();
  for (const page of [one, two, admin])
    await expect(highlight(page, 1)).toHaveAttribute('data-status', 'CONFLICT');
  await expect(notice(one)).toHaveText(/^Claim #\d+: Second Reviewer assessed\.$/);

  // A comment on the open claim appears in the other's panel.
  await panel(one).getByLabel('New comment').fill('Which trial is this from?');
  await panel(one).getByRole('button', { name: 'Add comment' }).click();
  await expect(
    panel(two).getByRole('paragraph').filter({ hasText: 'Which trial is this from?' }),
  ).toBeVisible();

  // The admin settles it; both reviewers see the adjudicated verdict.
  await admin.locator(`[data-claim-row="${id}"]`).click();
  const p = panel(admin);
  await p
    .getByRole('group', { name: 'Adjudicated verdict' })
    .getByRole('radio', { name: 'Supported', exact: true })
    .check();
  await p.getByLabel('Adjudicated evidence level').selectOption('LEVEL_2');
  await p.getByLabel('Adjudication note').fill('The cited trial is randomised.');
  await p.getByRole('button', { name: 'Record adjudication' }).click();
  for (const page of [one, two]) {
    await expect(highlight(page, 1)).toHaveAttribute('data-status', 'SUPPORTED');
    await expect(notice(page)).toHaveText(/^Claim #\d+: Test Admin adjudicated\.$/);
  }
  await expect(panel(two).getByText('(adjudicated)')).toBeVisible();

  // A claim added by the admin joins the others' lists.
  const marks = one.locator('mark[data-claim]');
  const before = await marks.count();
  await admin.getByText('Add claim by its text…').click();
  await admin.getByLabel('Words of the new claim, as they read in the article').fill('Live review test');
  await admin.getByRole('button', { name: 'Add claim', exact: true }).click();
  await expect(admin.getByText('Claim added.')).toBeVisible();
  await expect(marks).toHaveCount(before + 1);
  await expect(notice(one)).toHaveText(/^Claim #\d+: Test Admin added the claim\.$/);
  await api.dispose();
});

test('the dashboard and a project page follow the review without a reload', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Live dashboard test', 2);
  const [one, two, admin] = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
  await signIn(one, 'reviewer');
  await signIn(two, 'reviewer2');
  await signIn(admin, 'admin');
  await openSampleProject(two);
  const item = two
    .getByRole('listitem')
    .filter({ has: two.getByRole('link', { name: 'Live dashboard test' }) });
  await expect(item).toContainText('Reviewed 0 of 2 claims');
  await admin.goto('/');
  const project = admin
    .getByRole('listitem')
    .filter({ has: admin.getByRole('link', { name: SAMPLE_PROJECT }) });
  const before = await project.textContent();

  await openDocument(one, documentId);
  await selectClaim(one, 0);
  await panel(one).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(one).getByText('Saved.')).toBeVisible();
  await expect(item).toContainText('Reviewed 1 of 2 claims');
  await expect(project).not.toHaveText(before ?? '');

  // A document imported meanwhile joins the list.
  await importDocument(api, 'admin', 'Imported while watching', 1);
  await expect(two.getByRole('link', { name: 'Imported while watching' })).toBeVisible();
  await api.dispose();
});

test('the claim list shows who else is on which claim, and forgets a reader who leaves', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Presence test', 3);
  const [one, two] = await Promise.all([browser.newPage(), browser.newPage()]);
  await signIn(one, 'reviewer');
  await signIn(two, 'reviewer2');
  for (const page of [one, two]) await openDocument(page, documentId);

  const id = await selectClaim(two, 2);
  const row = one.locator(`[data-claim-row="${id}"]`);
  await expect(row.locator('[data-present]')).toHaveAttribute('data-present', 'Second Reviewer');
  await expect(row).toContainText('SR');
  await expect(row.getByText('Second Reviewer is on this claim')).toBeAttached();
  // Each sees the other (the first is on the claim their workspace opened on), and nobody is shown to themselves.
  await expect(two.locator('[data-present]')).toHaveAttribute('data-present', 'Test Reviewer');

  // Moving on moves the mark; leaving the workspace removes it.
  const next = await selectClaim(two, 0);
  await expect(one.locator(`[data-claim-row="${next}"] [data-present]`)).toBeVisible();
  await expect(row.locator('[data-present]')).toHaveCount(0);
  await two.goto('/');
  await expect(one.locator('[data-present]')).toHaveCount(0);
  await api.dispose();
});
