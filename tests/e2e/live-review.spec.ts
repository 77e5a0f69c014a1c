import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { highlight, openSampleDocument, panel, selectClaim } from './workspace';

// Two reviewers on one document, in two browser contexts: what one saves shows in the other's workspace without a
// reload (GET /api/documents/{id}/events), with a notice of who changed what, and what the other was typing stays.

test('a change by another reviewer shows without a reload, and the rationale being typed stays', async ({
  browser,
}) => {
  const one = await (await browser.newContext()).newPage();
  const two = await (await browser.newContext()).newPage();
  await signIn(one, 'reviewer');
  await signIn(two, 'reviewer2');
  for (const page of [one, two]) await openSampleDocument(page);
  const claim = 11;
  const before = (await highlight(one, claim).getAttribute('data-status')) as string;

  // Reviewer one is writing a rationale for the claim and has saved nothing yet.
  await selectClaim(one, claim);
  const rationale = panel(one).getByLabel('Rationale');
  await rationale.fill('Half-written: the trial was small');

  // Reviewer two gives the claim a verdict other than its consensus now.
  await selectClaim(two, claim);
  const verdict = before === 'SUPPORTED' ? 'Unsupported' : 'Supported';
  await panel(two).getByRole('radio', { name: verdict, exact: true }).check();
  await expect(panel(two).getByText('Saved.')).toBeVisible();

  // No reload in the first context: its highlight follows, it says who did it, and the draft is still there.
  await expect(highlight(one, claim)).not.toHaveAttribute('data-status', before);
  await expect(one.getByRole('status').filter({ hasText: `Second Reviewer assessed claim #` })).toBeVisible();
  await expect(rationale).toHaveValue('Half-written: the trial was small');
});
