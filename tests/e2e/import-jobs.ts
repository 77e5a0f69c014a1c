import { expect, type Page } from '@playwright/test';

/**
 * The progress page of an import that failed in its job: a text without claims. That page stays as it is, where
 * a running import's moves on to its document.
 */
export async function failedImportPath(page: Page): Promise<string> {
  const refused = await page.request.post('/api/documents', {
    multipart: {
      file: { name: 'no-claims.txt', mimeType: 'text/plain', buffer: Buffer.from('A title alone\n') },
    },
  });
  expect(refused.status()).toBe(422);
  // The dashboard lists a failed import, newest first, so that its message is read.
  await page.goto('/');
  return (await page.getByRole('link', { name: 'no-claims.txt' }).first().getAttribute('href')) as string;
}
