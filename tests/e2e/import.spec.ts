import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { signIn } from './sign-in';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/claims');

async function openImport(page: Page) {
  await signIn(page, 'reviewer');
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import a document' })).toBeVisible();
}

async function exportOf(page: Page) {
  const id = /\/documents\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  return (await page.request.get(`/documents/${id}/export?format=json`)).json();
}

test('a pasted article is previewed as claims, then saved as a document', async ({ page }) => {
  await openImport(page);
  const article = [
    'Magnesium and Migraine',
    '',
    'How it works',
    '',
    'Magnesium may calm overexcited nerves. Dr. Lee gave 1.5 mg/kg vs. placebo.',
    '',
    // A heading repeated at once: the first of the two holds no claim, so it is no section to choose.
    'Safety',
    '',
    'Safety',
    '',
    'High doses can cause diarrhoea.',
  ].join('\n');
  await page.getByLabel('Or paste the text').fill(article);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('2 sections · 3 claims');
  await expect(preview).toContainText('Dr. Lee gave 1.5 mg/kg vs. placebo.');
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Magnesium and Migraine');
  await expect(page.getByLabel('Section').locator('option')).toHaveText(['Any', 'How it works', 'Safety']);
  const review = await exportOf(page);
  expect(review.claims.map((c: { section: string }) => c.section)).toEqual([
    'How it works',
    'How it works',
    'Safety',
  ]);
  expect(review.sections.map((s: { heading: string }) => s.heading)).toEqual(['How it works', 'Safety']);
  for (const c of review.claims) expect(review.document.body.slice(c.start, c.end)).toBe(c.quote);
});

test('an uploaded HTML page keeps its article and drops navigation, footer and scripts', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('Upload a file').setInputFiles(path.join(fixtures, 'article.html'));
  await expect(page.getByLabel('Title')).toHaveValue(/Fibromyalgia/);
  await expect(page.getByLabel('Author')).toHaveValue('Jane Doe, MD');
  await expect(page.getByLabel('Published (YYYY-MM-DD)')).toHaveValue('2024-02-14');
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.getByLabel('Section').getByRole('option', { name: 'How it may work' })).toBeAttached();
  const review = await exportOf(page);
  const everything = JSON.stringify(review);
  for (const hidden of ['NAV TEXT', 'FOOTER TEXT', 'SCRIPT TEXT', 'STYLE TEXT', 'HEADER TEXT']) {
    expect(everything).not.toContain(hidden);
  }
  expect(review.claims.some((c: { text: string }) => c.text.includes('Younger J'))).toBe(false);
});

test('an uploaded Markdown file becomes a document with its sections', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('Upload a file').setInputFiles(path.join(fixtures, 'article.md'));
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText(/\d+ sections · \d+ claims/);
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.locator('mark[data-claim]').first()).toBeVisible();
  const review = await exportOf(page);
  expect(review.claims.length).toBeGreaterThan(2);
  const sections = new Set(review.claims.map((c: { section: string | null }) => c.section));
  expect(sections).toContain('Reported benefits');
  expect(sections).toContain('Dosing');
});

test('bad files get a clear message and save nothing', async ({ page }) => {
  await openImport(page);
  const upload = page.getByLabel('Upload a file');
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty.txt', Buffer.alloc(0), /The file is empty/],
    ['scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3]), /looks like a PDF, not text/],
    ['huge.txt', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), /limit is 2 MB/],
    ['article.docx', Buffer.from('hello'), /cannot be imported\. Upload a \.txt, \.md, \.html or \.csv file/],
  ];
  for (const [name, buffer, expected] of cases) {
    await upload.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.getByText(expected)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Save document' })).toBeDisabled();
});

test('Windows-1252 text is decoded, never saved as mojibake', async ({ page }) => {
  await openImport(page);
  // “Quoted” – in Windows-1252: 0x93, 0x94 and an en dash 0x96.
  const bytes = Buffer.from([
    ...Buffer.from('Caf'),
    0xe9,
    ...Buffer.from(' report\n\nThe drug is '),
    0x93,
    ...Buffer.from('safe'),
    0x94,
    ...Buffer.from(' at 5'),
    0x96,
    ...Buffer.from('10 mg.\n'),
  ]);
  await page
    .getByLabel('Upload a file')
    .setInputFiles({ name: 'legacy.txt', mimeType: 'text/plain', buffer: bytes });
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('The drug is “safe” at 5–10 mg.');
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Café report');
});

test('POST /api/documents imports for scripts, and refuses bad input with 4xx', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const { email, password } = ACCOUNTS.reviewer;
  expect((await api.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);

  const json = await api.post('/api/documents', {
    data: { title: 'Via JSON', text: 'Via JSON\n\nZinc shortens colds by a day.', format: 'TEXT' },
  });
  expect(json.status()).toBe(201);
  expect(await json.json()).toMatchObject({ id: expect.any(String), claims: 1 });

  const multipart = await api.post('/api/documents', {
    multipart: {
      file: {
        name: 'article.md',
        mimeType: 'text/markdown',
        buffer: fs.readFileSync(path.join(fixtures, 'article.md')),
      },
    },
  });
  expect(multipart.status()).toBe(201);

  const csv =
    'claim,section,source\n"Vitamin D prevents falls, in some trials",Bones,PMID:12345678\nCalcium helps,Bones,\n';
  const fromCsv = await api.post('/api/documents', {
    multipart: { file: { name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
  });
  expect(fromCsv.status()).toBe(201);
  expect((await fromCsv.json()).claims).toBe(2);

  for (const bad of [
    { data: { text: '', format: 'TEXT' }, status: 422 },
    { data: { text: 'x', format: 'PDF' }, status: 422 },
    {
      multipart: { file: { name: 'x.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') } },
      status: 422,
    },
  ]) {
    const { status, ...body } = bad;
    const response = await api.post('/api/documents', body);
    expect(response.status()).toBe(status);
    expect((await response.json()).message).toBeTruthy();
  }
  await api.dispose();
});
