import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ACCOUNTS, type AccountName } from './accounts';
import { SAMPLE_TITLE } from './sign-in';

/** Opens the sample document's workspace from the dashboard, as a reader would. */
export async function openSampleDocument(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  await expect(page.locator('mark[data-claim]').first()).toBeVisible();
}

/** The highlight of the document's n-th claim (0-based) in the document pane. */
export const highlight = (page: Page, index: number) => page.locator('mark[data-claim]').nth(index);

/** The selected claim's panel, once it has loaded. */
export const panel = (page: Page) => page.locator('article[aria-labelledby="selected-claim"]');

/** Selects the n-th claim by clicking its highlight, and waits for its panel. Returns the claim id. */
export async function selectClaim(page: Page, index: number): Promise<string> {
  const mark = highlight(page, index);
  const id = (await mark.getAttribute('data-claim')) as string;
  await mark.click();
  await expect(page.locator(`[data-claim-row="${id}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(panel(page)).toBeVisible();
  return id;
}

/**
 * Imports a small document of its own through the API as `who`, so a test can change it freely, and returns its
 * id. `paragraphs` follow the title: the given ones, or that many generated one-sentence claims.
 */
export async function importDocument(
  api: APIRequestContext,
  who: AccountName,
  title: string,
  paragraphs: number | readonly string[],
) {
  const { email, password } = ACCOUNTS[who];
  expect((await api.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
  const body =
    typeof paragraphs === 'number'
      ? Array.from(
          { length: paragraphs },
          (_, i) => `Supplement ${i + 1} lowers blood pressure by ${i + 2} mmHg in adults.`,
        )
      : paragraphs;
  const response = await api.post('/api/documents', {
    data: { title, text: `${title}\n\n${body.join('\n\n')}`, format: 'TEXT' },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return id;
}
