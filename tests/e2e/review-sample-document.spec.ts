import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { highlight, openSampleDocument, panel, selectClaim } from './workspace';

// Each test works on claims of its own, so the tests do not depend on each other's writes.

test('a reviewer assesses, cites and comments on a claim, and all of it survives a reload', async ({
  page,
}) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  const id = await selectClaim(page, 0);
  const p = panel(page);

  await p.getByRole('radio', { name: 'Speculative' }).check();
  await expect(p.getByText('Saved.')).toBeVisible();
  await p.getByLabel('Evidence level (CEBM)').selectOption('LEVEL_5');
  await p.getByLabel('GRADE certainty (optional)').selectOption('LOW');
  await p.getByRole('checkbox', { name: 'Indirectness' }).check();
  await p.getByLabel('Rationale').fill('Mechanistic reasoning only; no trial is cited.');
  await p.getByRole('button', { name: 'Save rationale' }).click();
  await expect(p.getByText('Saved.')).toBeVisible();
  // A single reviewer's verdict stands as the consensus, and the highlight says so.
  await expect(page.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'SPECULATIVE');

  await p.getByLabel('PMID, DOI or web address').fill('not a source');
  await p.getByRole('button', { name: 'Add citation' }).click();
  await expect(p.getByText(/Enter a PMID \(digits only\)/)).toBeVisible();
  await expect(p.getByLabel('PMID, DOI or web address')).toHaveValue('not a source');
  await p.getByLabel('PMID, DOI or web address').fill('PMID: 31234567');
  await p.getByLabel('Relation').selectOption('MENTIONS');
  const studyTitle = 'Low-dose naltrexone for depression: a pilot trial';
  await p.getByLabel('Title (optional)').fill(studyTitle);
  await p.getByRole('button', { name: 'Add citation' }).click();
  // The PMID is what a reviewer checks, so the link shows the number; the title reads beside it.
  await expect(p.getByRole('link', { name: '31234567', exact: true })).toHaveAttribute(
    'href',
    'https://pubmed.ncbi.nlm.nih.gov/31234567/',
  );
  await expect(
    p.getByRole('region', { name: /^Citations/ }).getByText(studyTitle, { exact: true }),
  ).toBeVisible();
  // PubMed (replayed) fills the source in after the save, and the panel shows it when it arrives.
  const citations = p.getByRole('region', { name: /^Citations/ });
  await expect(
    citations.getByText('Journal of affective disorders · 2019 · Mischoulon D et al.'),
  ).toBeVisible();
  await expect(citations.getByText('Suggested: CEBM 2 (randomised controlled trial)')).toBeVisible();
  // The suggestion goes into my form, and waits there for me: the reload below still shows what I saved.
  await citations.getByRole('button', { name: 'Use in my assessment' }).click();
  await expect(p.getByLabel('Evidence level (CEBM)')).toHaveValue('LEVEL_2');
  await expect(p.getByText('Evidence level not saved yet.')).toBeVisible();

  const comment = 'Mechanistic only: no trial is cited for this.';
  await p.getByLabel('New comment').fill(comment);
  await p.getByRole('button', { name: 'Add comment' }).click();
  // The history lists the comment too; the thread shows it as a paragraph.
  await expect(p.getByRole('paragraph').filter({ hasText: comment })).toBeVisible();
  await p.getByRole('button', { name: 'Reply' }).click();
  await p.getByLabel('Reply to Test Reviewer').fill('Agreed, flagging for the committee.');
  await p.getByRole('button', { name: 'Post reply' }).click();
  await expect(p.getByRole('list', { name: 'Replies' })).toContainText('Agreed, flagging');
  await p.getByRole('button', { name: 'Resolve' }).click();
  await expect(p.getByText(/Resolved by Test Reviewer/)).toBeVisible();

  await page.reload();
  await expect(panel(page)).toBeVisible();
  const r = panel(page);
  await expect(r.getByRole('radio', { name: 'Speculative' })).toBeChecked();
  await expect(r.getByLabel('Evidence level (CEBM)')).toHaveValue('LEVEL_5');
  await expect(r.getByLabel('GRADE certainty (optional)')).toHaveValue('LOW');
  await expect(r.getByRole('checkbox', { name: 'Indirectness' })).toBeChecked();
  await expect(r.getByLabel('Rationale')).toHaveValue('Mechanistic reasoning only; no trial is cited.');
  await expect(r.getByRole('link', { name: '31234567', exact: true })).toBeVisible();
  await expect(r.getByText(/Resolved by Test Reviewer/)).toBeVisible();
  await expect(highlight(page, 0)).toHaveAttribute('data-status', 'SPECULATIVE');
  await r.getByText(/^History \(\d+\)$/).click();
  await expect(r.getByText('Verdict: Speculative').first()).toBeVisible();
  await expect(r.getByText('cited a source').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export JSON' }).click();
  const review = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  expect(JSON.stringify(review)).toContain(comment);
  expect(JSON.stringify(review)).toContain('"journal":"Journal of affective disorders"');

  // The summary gives the cited PMID as PubMed described it, in place of the title typed.
  await page.getByRole('link', { name: 'Summary', exact: true }).click();
  await expect(
    page.getByText(
      /^Mischoulon D et al\. Randomized, proof-of-concept trial .*\. Journal of affective disorders, 2019 \(PMID 31234567; randomised controlled trial\)$/,
    ),
  ).toBeVisible();
});

test('an empty or oversized comment gets a clear error and the text is kept', async ({ page }) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  await selectClaim(page, 1);
  const p = panel(page);
  await p.getByRole('button', { name: 'Add comment' }).click();
  await expect(p.getByText('Write a comment first.')).toBeVisible();

  const long = 'x'.repeat(10_001);
  // The textarea stops at 10,000 characters, so send the oversized text the way a script would.
  await p.getByLabel('New comment').evaluate((el: HTMLTextAreaElement) => el.removeAttribute('maxlength'));
  await p.getByLabel('New comment').fill(long);
  await p.getByRole('button', { name: 'Add comment' }).click();
  await expect(p.getByText(/A comment can be at most 10,000 characters/)).toBeVisible();
  await expect(p.getByLabel('New comment')).toHaveValue(long);
});

test('a stale edit is shown beside mine and can be re-applied without loss', async ({ browser }) => {
  // Two tabs of the same reviewer: the second still shows the claim as it was before the first saved.
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await signIn(a, 'reviewer');
  await openSampleDocument(a);
  await openSampleDocument(b);
  await selectClaim(a, 2);
  await selectClaim(b, 2);

  // The second tab is being typed in when the first one saves: what it shows is not replaced (live review), so
  // its save is based on the version it opened, and is refused as stale.
  await panel(b).getByLabel('Rationale').fill('My reasoning, typed in the second tab.');
  await panel(a).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(a).getByText('Saved.')).toBeVisible();

  await panel(b).getByRole('radio', { name: 'Unsupported' }).check();
  // The newer save is the reviewer's own, from the other tab: the message says so, and blames no one else.
  await expect(
    panel(b).getByText(
      /^You changed this assessment in another tab, window or device after this one opened it\./,
    ),
  ).toBeVisible();
  await expect(panel(b).getByText(/someone else/)).toHaveCount(0);
  await expect(panel(b).getByText(/^Saved in another tab, window or device at /)).toBeVisible();
  const table = panel(b).locator('[data-stale-comparison]');
  await expect(table.getByRole('row', { name: /Verdict/ })).toContainText('Supported');
  await expect(table.getByRole('row', { name: /Verdict/ })).toContainText('Unsupported');
  await expect(panel(b).getByRole('radio', { name: 'Unsupported' })).toBeChecked();
  await expect(panel(b).getByLabel('Rationale')).toHaveValue('My reasoning, typed in the second tab.');

  await panel(b).getByRole('button', { name: 'Re-apply mine' }).click();
  await expect(panel(b).getByText('Saved.')).toBeVisible();
  // The reviewer goes back to the first tab: a tab left in the background has its timers and frames throttled.
  await a.bringToFront();
  await a.reload();
  await expect(panel(a).getByRole('radio', { name: 'Unsupported' })).toBeChecked();
  await expect(panel(a).getByLabel('Rationale')).toHaveValue('My reasoning, typed in the second tab.');
  await context.close();
});

test('the workspace with a claim selected has no axe violations', async ({ page }) => {
  await signIn(page, 'admin');
  await openSampleDocument(page);
  await selectClaim(page, 3);
  await page.getByText(/^History \(\d+\)$/).click();
  // With the keyboard's add-claim form open on a heading that occurs twice, so its choices are scanned too.
  await page.getByText('Add claim by its text…').click();
  await page.getByLabel('Words of the new claim, as they read in the article').fill('LDN as a Psychiatric');
  await expect(page.getByText(/^Found in 2 places/)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a viewer reads the claims but sees no controls that change them', async ({ page }) => {
  await signIn(page, 'viewer');
  await openSampleDocument(page);
  await selectClaim(page, 0);
  await expect(panel(page).getByRole('heading', { name: 'Consensus' })).toBeVisible();
  await expect(panel(page).getByRole('radio')).toHaveCount(0);
  await expect(panel(page).getByRole('button', { name: 'Add comment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add claim from selection' })).toHaveCount(0);
});
