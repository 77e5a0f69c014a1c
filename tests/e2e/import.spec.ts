import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makePdf } from '@/tests/support/make-pdf';
import { ACCOUNTS } from './accounts';
import { failedImportPath } from './import-jobs';
import { signIn } from './sign-in';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/claims');

async function openImport(page: Page) {
  await signIn(page, 'reviewer');
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import a document' })).toBeVisible();
}

/**
 * A long text put in the textarea at once, as a paste lands: one input event. Playwright's fill inserts it
 * through Chromium's editing, which takes minutes for a long text of many lines.
 */
async function paste(page: Page, text: string) {
  await page.getByLabel('Or paste the text').evaluate((textarea, value) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function exportOf(page: Page) {
  const id = /\/documents\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  return (await page.request.get(`/documents/${id}/export?format=json`)).json();
}

/** The page imports into the project chosen on it, through that project's import route. */
const IMPORT_ROUTE = /\/api\/projects\/[0-9a-f-]{36}\/documents$/;

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
  // The paste goes to the scripts' endpoint, into the chosen project, as a file of its own, the way an upload goes.
  const sent = page.waitForRequest((r) => IMPORT_ROUTE.test(r.url()) && r.method() === 'POST');
  await page.getByRole('button', { name: 'Save document' }).click();
  expect((await sent).headers()['content-type']).toMatch(/^multipart\/form-data/);
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

test('a paste over 2 MB is refused in the browser: nothing is sent, and the text stays', async ({ page }) => {
  await openImport(page);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') sent.push(r.url());
  });
  const text = 'Zinc shortens colds by a day. '.repeat(Math.ceil((3 * 1024 * 1024) / 30));
  const textarea = page.getByLabel('Or paste the text');
  await paste(page, text);
  const limit = /The pasted text is 3\.0 MB; the limit is 2 MB\. Nothing was sent: split the article/;
  // Said beside the text, in place of a preview that would hold the page for seconds.
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText(limit);
  await expect(textarea).toHaveAccessibleDescription(limit);
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.locator('p[aria-live]').filter({ hasText: limit })).toBeVisible();
  expect(sent).toEqual([]);
  expect((await textarea.inputValue()).length).toBe(text.length);
  await expect(page).toHaveURL(/\/documents\/new$/);
});

test("a paste's title, byline and date fill the fields, never over what the reviewer typed", async ({
  page,
}) => {
  await openImport(page);
  await page.getByLabel('Author').fill('A. Reviewer');
  await page
    .getByLabel('Or paste the text')
    .fill(
      [
        'Zinc and the Common Cold',
        '',
        'By Jane Morrow | March 3, 2024',
        '',
        'Zinc lozenges shortened colds by about a day in adults.',
      ].join('\n'),
    );
  await expect(page.getByLabel('Title')).toHaveValue('Zinc and the Common Cold');
  await expect(page.getByLabel('Published (YYYY-MM-DD)')).toHaveValue('2024-03-03');
  await expect(page.getByLabel('Author')).toHaveValue('A. Reviewer');
  // A suggestion is the reviewer's to correct before saving.
  await page.getByLabel('Title').fill('Zinc for colds (corrected)');
  await page.getByRole('button', { name: 'Save document' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zinc for colds (corrected)');
  const { document } = await exportOf(page);
  expect(document).toMatchObject({ author: 'A. Reviewer', publishedOn: '2024-03-03' });
});

test('a chosen PDF is read on the server: no preview, a note, and Save enabled', async ({ page }) => {
  await openImport(page);
  const upload = page.getByLabel('Upload a file');
  const textarea = page.getByLabel('Or paste the text');
  await textarea.fill('Pasted first.\n\nThis text is replaced by the PDF.');
  await upload.setInputFiles({
    name: 'paper.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText(
    "The PDF's text is read on the server; its claims appear after import.",
  );
  await expect(preview).toContainText('paper.pdf');
  await expect(textarea).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Save document' })).toBeEnabled();
  // Typing turns back to the text: the PDF is no longer what Save would send.
  await textarea.fill('Typed instead.\n\nZinc shortens colds by a day.');
  await expect(preview).toContainText('Zinc shortens colds by a day.');
  await expect(preview).not.toContainText('paper.pdf');
  await expect(upload).toHaveValue('');
  await upload.setInputFiles({
    name: 'huge.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1),
  });
  await expect(page.getByText(/“huge\.pdf” is 20\.0 MB; the limit for a PDF is 20 MB/)).toBeVisible();
  await upload.setInputFiles({
    name: 'notes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('hello'),
  });
  await expect(page.getByText('“notes.pdf” is named as a PDF but is not one.')).toBeVisible();
});

test('a two-column PDF chosen on the page is sent as it is and imported, its title read on the server', async ({
  page,
}) => {
  await openImport(page);
  const text =
    'Low-dose naltrexone eased pain in a small trial. Sleep improved in most patients. Side effects were mild.';
  const buffer = await makePdf({ columns: 2, title: 'A PDF trial from the page', text });
  await page
    .getByLabel('Upload a file')
    .setInputFiles({ name: 'trial.pdf', mimeType: 'application/pdf', buffer });
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('read on the server');
  const sent = page.waitForRequest((r) => IMPORT_ROUTE.test(r.url()) && r.method() === 'POST');
  await page.getByRole('button', { name: 'Save document' }).click();
  expect((await sent).headers()['content-type']).toMatch(/^multipart\/form-data/);
  // Done within the request's wait it opens the document; else its progress page does, when done.
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A PDF trial from the page');
  const review = await exportOf(page);
  expect(review.claims.map((c: { quote: string }) => c.quote)).toEqual([
    'Low-dose naltrexone eased pain in a small trial.',
    'Sleep improved in most patients.',
    'Side effects were mild.',
  ]);
});

test('a failed save keeps everything typed and says why, by the field', async ({ page }) => {
  await openImport(page);
  const article = 'Vitamin D\n\nVitamin D prevents falls in older adults.';
  await page.getByLabel('Or paste the text').fill(article);
  await page.getByLabel('Author').fill('Jane Morrow');
  const save = page.getByRole('button', { name: 'Save document' });

  await page.route(IMPORT_ROUTE, (route) => route.abort('internetdisconnected'));
  await save.click();
  await expect(page.getByText('The server could not be reached, or did not answer.')).toBeVisible();
  await page.unroute(IMPORT_ROUTE);

  const title = page.getByLabel('Title');
  await title.fill('x'.repeat(301));
  await save.click();
  await expect(title).toHaveAccessibleDescription('A title can be at most 300 characters.');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Or paste the text')).toHaveValue(article);
  await expect(page.getByLabel('Author')).toHaveValue('Jane Morrow');
  await expect(page).toHaveURL(/\/documents\/new$/);
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
    [
      'article.docx',
      Buffer.from('hello'),
      /cannot be imported\. Upload a \.txt, \.md, \.html, \.csv or \.pdf file/,
    ],
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

test('a 1.9 MB paste imports as a job with a progress bar, and its page can be left and come back to', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Every stage the bar names, kept as it changes, so a quick one is not missed by a look at one moment.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { seenStages: seen });
    const note = () => {
      const words = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext');
      if (words && seen.at(-1) !== words) seen.push(words);
    };
    addEventListener('DOMContentLoaded', () => {
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
  });
  const seenStages = () => page.evaluate(() => (window as unknown as { seenStages: string[] }).seenStages);
  await openImport(page);
  const sample = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../prisma/seed/low-dose-naltrexone-depression.txt'),
    'utf8',
  );
  // A title of its own, so the other tests still find one link to the sample document.
  let text = 'The sample article, many times over\n\n';
  while (Buffer.byteLength(text) < 1.9 * 1024 * 1024) text += `${sample}\n\n`;
  await paste(page, text);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText(/ · [\d,]+ claims/);
  const claims = Number(
    / · ([\d,]+) claims/.exec((await preview.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
  );
  await page.getByRole('button', { name: 'Save document' }).click();

  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  const progressPage = page.url();
  await expect(page).toHaveTitle(/^pasted\.txt · Import/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import of pasted.txt');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const running = /^(Waiting to start|Reading the file|Finding claims|Saving claims [\d,]+ of [\d,]+)$/;
  await expect.poll(seenStages).toContainEqual(expect.stringMatching(running));
  const firstVisit = await seenStages();

  // Left for the documents list and come back to: the import went on meanwhile, and ends in its document.
  await page.getByRole('link', { name: 'Projects' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(progressPage);
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  console.log(`stages seen: ${[...firstVisit, '(left)', ...(await seenStages())].join(' → ')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The sample article, many times over');
  expect((await exportOf(page)).claims).toHaveLength(claims);
});

test("a failed import's page says why and leads back to Import, by keyboard too", async ({ page }) => {
  await signIn(page, 'reviewer');
  const progressPage = await failedImportPath(page);
  await page.goto(progressPage);
  await expect(page).toHaveTitle(/^no-claims\.txt · Import/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import of no-claims.txt');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute(
    'aria-valuetext',
    'The import failed',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'No claims' })).toHaveText(
    /^No claims were found in this file/,
  );
  const back = page.getByRole('link', { name: 'Back to Import' });
  for (let i = 0; i < 20 && !(await back.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Import a document' })).toBeVisible();

  // Another id, or no id at all: a page that does not exist.
  for (const id of [crypto.randomUUID(), 'not-a-job']) {
    // The loading state streams first, so the status is already sent: the page says it.
    await page.goto(`/imports/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  }
});
