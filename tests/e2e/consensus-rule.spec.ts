import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { signIn } from './sign-in';
import { importDocument, panel, selectClaim } from './workspace';

/** Sets the project's rule on its settings page. */
async function setRule(page: Page, label: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Project settings');
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: 'Save the rule' }).click();
  await expect(page.getByText(/per claim from now on/)).toBeVisible();
}

test('with two reviewers required, one verdict leaves a claim in review (1 of 2)', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', 'Consensus rule test', 2);
  await signIn(page, 'admin');
  // The workspace links its lead to the project's settings.
  await page.goto(`/documents/${documentId}`);
  await page.getByRole('link', { name: 'Project settings' }).click();
  await setRule(page, '2 reviewers');
  const settings = new URL(page.url()).pathname;
  try {
    await page.goto(`/documents/${documentId}`);
    const id = await selectClaim(page, 0);
    await panel(page).getByRole('radio', { name: 'Supported', exact: true }).check();
    await expect(panel(page).getByText('Saved.')).toBeVisible();
    await expect(page.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'IN_REVIEW');
    await expect(page.locator(`[data-claim-row="${id}"]`)).toContainText('1 of 2');
    await expect(panel(page).getByText('In review (1 of 2)').first()).toBeVisible();

    // A reviewer of the project is refused the settings page (403), and gets none of its form.
    const { email, password } = ACCOUNTS.reviewer;
    expect((await api.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
    const refused = await api.get(settings);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('Save the rule');
  } finally {
    // The sample project is shared with the other tests: its rule goes back to one reviewer.
    await page.goto(settings);
    await setRule(page, '1 reviewer');
  }
});
