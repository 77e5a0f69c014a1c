import type { Page, PlaywrightWorkerArgs } from '@playwright/test';
import { signIn } from './sign-in';
import { importDocument } from './workspace';

// The version tests (issue 22) each import a document of their own, of these sentences, and change it.

export const FALLS = 'Vitamin D lowers the risk of falls in older adults by a fifth.';
export const OMEGA = 'Omega-3 supplements reduce triglycerides in most adults within eight weeks.';
export const TEA = 'Green tea extract causes weight loss of several kilograms a year.';
/** Too far from OMEGA's words to be found again: OMEGA is orphaned, and this comes in as a new claim. */
export const PARAPHRASE = 'Fish oil capsules lowered blood fats for many people in two months.';

/**
 * Imports `title` and its paragraphs as the admin, signs the reviewer in and opens the new document's workspace.
 * The API context stays open for the test's own calls; the caller disposes of it.
 */
export async function openNewDocument(
  {
    page,
    playwright,
    baseURL,
  }: { page: Page; playwright: PlaywrightWorkerArgs['playwright']; baseURL?: string },
  title: string,
  paragraphs: readonly string[],
) {
  const api = await playwright.request.newContext({ baseURL });
  const documentId = await importDocument(api, 'admin', title, paragraphs);
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${documentId}`);
  return { documentId, api };
}
