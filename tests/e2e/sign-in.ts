import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, type AccountName } from './accounts';

export const SAMPLE_TITLE = 'The Potential of Low-Dose Naltrexone in Treating Depression';
/** The Sandbox project's document, of which no test account is a member (tests/e2e/serve.ts). */
export const SANDBOX_TITLE = 'Does drinking more water prevent headaches?';
/** The project the sample document is in, of which every test account is a member. */
export const SAMPLE_PROJECT = 'Low-dose naltrexone review';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, who: AccountName, next = '/') {
  const account = ACCOUNTS[who];
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
