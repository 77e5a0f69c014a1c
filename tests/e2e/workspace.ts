import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ACCOUNTS, type AccountName } from './accounts';
import { SAMPLE_PROJECT, SAMPLE_TITLE } from './sign-in';

/** Opens the sample project's page from the dashboard, as a reader would. */
export async function openSampleProject(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: SAMPLE_PROJECT }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_PROJECT);
}

/** Opens the sample document's workspace from the dashboard, through its project, as a reader would. */
export async function openSampleDocument(page: Page) {
  await openSampleProject(page);
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
  return importedDocumentId(api, response);
}

/**
 * The document an import made: at once from a 201, or, when the import outlived the request's wait (a 202, on
 * a busy machine), once its job is done.
 */
export async function importedDocumentId(
  api: APIRequestContext,
  response: Awaited<ReturnType<APIRequestContext['post']>>,
): Promise<string> {
  expect([201, 202], await response.text()).toContain(response.status());
  if (response.status() === 201) return ((await response.json()) as { id: string }).id;
  const location = response.headers().location as string;
  let documentId: string | null = null;
  await expect
    .poll(
      async () => {
        const job = (await (await api.get(location)).json()) as { status: string; documentId: string | null };
        documentId = job.documentId;
        return job.status;
      },
      { timeout: 60_000 },
    )
    .toBe('done');
  return documentId as unknown as string;
}
