import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { SAMPLE_TITLE, signIn } from './sign-in';
import { openSampleDocument, panel, selectClaim } from './workspace';

// This spec assesses claims of its own (indexes 7 and 8) and otherwise only reads, so it does not depend on
// what the other specs wrote: every number it checks is compared with what the same page or export says.
const CLAIM = 7;
const CONFLICT_CLAIM = 8;
const FILE = 'low-dose-naltrexone-depression-review';
const WHY = 'A <b>small</b> open-label trial.';

const FORMATS = [
  { link: 'Export Markdown', file: `${FILE}.md` },
  { link: 'Export CSV', file: `${FILE}.csv` },
  { link: 'Export JSON', file: `${FILE}.json` },
  { link: 'Export ClaimReview JSON-LD', file: `${FILE}.jsonld` },
  { link: 'Export Web Annotations', file: `${FILE}.annotations.jsonld` },
  { link: 'Export PDF', file: `${FILE}.pdf` },
] as const;

/**
 * Records a verdict (and evidence level) on the n-th claim of the sample document. Every test starts with
 * this, so only what is not recorded yet is changed: an unchanged field saves nothing and shows no "Saved.".
 */
async function assess(page: Page, index: number, verdict: string, evidenceLevel?: string) {
  await openSampleDocument(page);
  const claimId = await selectClaim(page, index);
  const p = panel(page);
  const radio = p.getByRole('radio', { name: verdict, exact: true });
  if (!(await radio.isChecked())) {
    await radio.check();
    await expect(p.getByText('Saved.')).toBeVisible();
  }
  const level = p.getByLabel('Evidence level (CEBM)');
  if (evidenceLevel && (await level.inputValue()) !== evidenceLevel) {
    await level.selectOption(evidenceLevel);
    await expect(p.getByText('Saved.')).toBeVisible();
  }
  return claimId;
}

/** Opens the summary from the workspace's own link, as a reader would; returns the document id. */
async function openSummary(page: Page) {
  await page.getByRole('link', { name: 'Summary', exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}\/summary$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  return /\/documents\/([0-9a-f-]{36})\/summary/.exec(page.url())?.[1] as string;
}

async function assessAndOpenSummary(page: Page) {
  await signIn(page, 'reviewer');
  const claimId = await assess(page, CLAIM, 'Unsupported', 'LEVEL_3');
  const documentId = await openSummary(page);
  return { claimId, documentId };
}

async function countOf(page: Page, label: string): Promise<number> {
  const counts = page.getByRole('region', { name: 'Counts' });
  // Whole label only: "Supported" must not also find "Unsupported". The symbol before it is not a word.
  const dt = page.locator('dt', { hasText: new RegExp(`^\\W*${label}$`) });
  const entry = counts.locator('dl > div').filter({ has: dt });
  return Number(((await entry.locator('dd').textContent()) ?? '').replace(/,/g, ''));
}

async function download(page: Page, link: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('the summary shows counts, chart, agreement and the claims, with no axe violations', async ({
  page,
}) => {
  const { claimId } = await assessAndOpenSummary(page);

  const claims = page.getByRole('table', { name: /^Claims in document order/ });
  const rows = claims.locator('tbody tr').filter({ has: page.locator('th[scope="row"]') });
  const total = await countOf(page, 'Total');
  expect(total).toBeGreaterThan(CLAIM);
  await expect(rows).toHaveCount(total);
  let sum = 0;
  for (const label of ['Supported', 'Speculative', 'Unsupported', 'In conflict', 'Unreviewed']) {
    sum += await countOf(page, label);
  }
  expect(sum).toBe(total);
  expect(await countOf(page, 'Unsupported')).toBeGreaterThanOrEqual(1);

  // The claim assessed above, in its row: verdict with its symbol and word, and the evidence level.
  const row = rows.filter({ has: page.locator(`a[href$="?claim=${claimId}"]`) });
  await expect(row).toContainText('Unsupported');
  await expect(row).toContainText('CEBM 3');

  await expect(page.getByRole('img', { name: /Consensus verdicts by evidence level/ })).toBeVisible();
  const chartTable = page.getByRole('table', { name: /^Claims with a consensus verdict/ });
  await expect(chartTable.getByRole('columnheader', { name: 'CEBM 3' })).toBeVisible();
  await expect(chartTable.getByRole('rowheader', { name: /Unsupported/ })).toBeVisible();

  const agreement = page.getByRole('region', { name: 'Agreement between reviewers' });
  await expect(agreement).toContainText('Verdict:');
  await expect(agreement).toContainText('Evidence level:');
  await expect(agreement).toContainText('Landis & Koch');

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('each format downloads from the summary with a clear name and sensible content', async ({ page }) => {
  await assessAndOpenSummary(page);
  const total = await countOf(page, 'Total');
  const files = new Map<string, Buffer>();
  for (const { link, file } of FORMATS) {
    const { name, bytes } = await download(page, link);
    expect(name, link).toBe(file);
    files.set(file, bytes);
  }
  const text = (file: string) => (files.get(file) as Buffer).toString('utf8');

  expect(text(`${FILE}.md`)).toMatch(/^# Review summary: /);
  expect(text(`${FILE}.md`)).toContain(SAMPLE_TITLE);
  expect(text(`${FILE}.csv`).replace(/^\uFEFF/, '')).toMatch(/^claim id,number,section,text,/);
  const json = JSON.parse(text(`${FILE}.json`));
  expect(json.schemaVersion).toBe(2);
  expect(json.claims).toHaveLength(total);

  const jsonld = JSON.parse(text(`${FILE}.jsonld`));
  expect(jsonld['@context']).toBe('https://schema.org');
  const unsupported = jsonld['@graph'].filter(
    (n: { reviewRating: { alternateName: string } }) => n.reviewRating.alternateName === 'Unsupported',
  );
  expect(unsupported.length).toBeGreaterThanOrEqual(1);
  expect(unsupported[0]).toMatchObject({
    '@type': 'ClaimReview',
    reviewRating: { ratingValue: 1, bestRating: 3 },
  });

  const annotations = JSON.parse(text(`${FILE}.annotations.jsonld`));
  expect(annotations).toMatchObject({ type: 'AnnotationCollection', total });
  expect(annotations.first.items).toHaveLength(total);
  expect(annotations.first.items[0]).toMatchObject({ type: 'Annotation', motivation: 'assessing' });

  const pdf = files.get(`${FILE}.pdf`) as Buffer;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
});

test('the filters narrow the summary and carry into every export link', async ({ page, browser }) => {
  // Two reviewers disagree on a claim, so "only conflicts" has something to show.
  const second = await browser.newPage();
  await signIn(second, 'reviewer2');
  await assess(second, CONFLICT_CLAIM, 'Supported');
  const rationale = panel(second).getByLabel('Rationale');
  if ((await rationale.inputValue()) !== WHY) {
    await rationale.fill(WHY);
    const [saved] = await Promise.all([
      second.waitForResponse((r) => r.url().endsWith('/assessment') && r.request().method() === 'PUT'),
      panel(second).getByRole('button', { name: 'Save rationale' }).click(),
    ]);
    expect(saved.ok()).toBe(true);
  }
  await second.close();
  await signIn(page, 'reviewer');
  const conflictId = await assess(page, CONFLICT_CLAIM, 'Unsupported');
  await openSummary(page);

  const filters = page.getByRole('form', { name: 'Filter the summary' });
  await filters.getByRole('radio', { name: 'Only conflicts' }).check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]only=conflicts/);
  await expect(page.getByText('Only claims in conflict')).toBeVisible();
  await expect(filters.getByRole('radio', { name: 'Only conflicts' })).toBeChecked();

  const downloads = page.getByRole('navigation', { name: 'Download this summary' });
  const links = downloads.getByRole('link', { disabled: false });
  // ClaimReview JSON-LD leaves out claims in conflict, so here it would be empty: shown, disabled, with why.
  await expect(links).toHaveCount(FORMATS.length - 1);
  const jsonld = downloads.getByRole('link', { name: 'Export ClaimReview JSON-LD' });
  await expect(jsonld).toHaveAttribute('aria-disabled', 'true');
  await expect(jsonld).not.toHaveAttribute('href');
  const reason = /^ClaimReview JSON-LD is not offered: .*claims in conflict have none yet\.$/;
  await expect(jsonld).toHaveAccessibleDescription(reason);
  await expect(downloads.getByText(reason)).toBeVisible();
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/\/export\?format=[a-z]+&only=conflicts$/);
  }
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  // Every claim listed is in conflict, this spec's among them, and the download holds the same claims.
  const total = await countOf(page, 'Total');
  expect(total).toBeGreaterThanOrEqual(1);
  expect(await countOf(page, 'In conflict')).toBe(total);
  const row = page.locator('tr', { has: page.locator(`a[href$="?claim=${conflictId}"]`) });
  await expect(row).toContainText('In conflict');
  await expect(row).toContainText('Second Reviewer: Supported');
  await expect(row).toContainText('Test Reviewer: Unsupported');
  // The conflicts report says why each side holds, as typed: markup in a rationale is text, not HTML.
  await expect(row.getByRole('cell', { name: `Second Reviewer: ${WHY}` })).toBeVisible();
  const { name, bytes } = await download(page, 'Export JSON');
  expect(name).toBe(`${FILE}-conflicts.json`);
  const json = JSON.parse(bytes.toString('utf8'));
  expect(json.filter).toEqual({ only: 'conflicts', sectionId: null });
  expect(json.claims).toHaveLength(total);
  for (const claim of json.claims) expect(claim.status).toBe('CONFLICT');

  // A section filter joins it in the links too.
  const section = filters.getByLabel('Section');
  const sectionId = await section.locator('option').nth(1).getAttribute('value');
  await section.selectOption(sectionId as string);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`section=${sectionId}`));
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toContain(`only=conflicts&section=${sectionId}`);
  }
});

test('a filter the summary cannot read gets a message, not an error page', async ({ page }) => {
  const { documentId } = await assessAndOpenSummary(page);
  const response = await page.goto(`/documents/${documentId}/summary?only=everything`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'These filters cannot be applied' })).toBeVisible();
  await expect(page.getByText(/Unknown filter only="everything"/)).toBeVisible();
  await page.getByRole('link', { name: 'Show all claims' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
});

test('exports refuse a signed-out request and serve a viewer', async ({ page, baseURL }) => {
  const { documentId } = await assessAndOpenSummary(page);
  const path = `/documents/${documentId}/export?format=csv&only=unsupported`;

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const refused = await anonymous.get(path);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
    message: 'Sign in to continue.',
  });
  await anonymous.dispose();

  const viewer = await playwrightRequest.newContext({ baseURL });
  const { email, password } = ACCOUNTS.viewer;
  expect((await viewer.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
  const served = await viewer.get(path);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toMatch(/^text\/csv/);
  expect(served.headers()['content-disposition']).toContain(`${FILE}-unsupported.csv`);
  expect((await served.text()).replace(/^\uFEFF/, '')).toMatch(/^claim id,number,section,text,/);
  await viewer.dispose();
});
