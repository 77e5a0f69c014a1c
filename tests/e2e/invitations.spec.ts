import { expect, test } from '@playwright/test';
import { SAMPLE_PROJECT, SAMPLE_TITLE, signIn } from './sign-in';
import { openSampleProject } from './workspace';

// The acceptance item of issue 20: a lead invites a new address, copies the link, and the invitee signs up
// through it into the project as a reviewer.
test('a lead invites a new address, and the invitee signs up through the copied link into the project', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const email = `invitee-${crypto.randomUUID().slice(0, 8)}@e2e.test`;

  await signIn(page, 'admin');
  await openSampleProject(page);
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Members of / })).toBeVisible();

  const invite = page.getByRole('region', { name: 'Invite by email' });
  await invite.getByLabel('Email address to invite').fill(email);
  await invite.getByLabel('Project role').selectOption('REVIEWER');
  await invite.getByRole('button', { name: 'Invite', exact: true }).click();
  await invite.getByRole('button', { name: 'Copy link' }).click();
  await expect(invite.getByText('Copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await expect(invite.getByLabel(`Invitation link for ${email}`)).toHaveValue(link);
  await expect(
    page.getByRole('region', { name: 'Pending invitations' }).getByRole('rowheader', { name: email }),
  ).toBeVisible();

  // The invitee has no session: a fresh browser context, as another person's browser would be.
  const invitee = await browser.newContext();
  const theirs = await invitee.newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
  await expect(theirs.getByLabel('Email')).toHaveValue(email);
  await theirs.getByLabel('Your name').fill('Invited Reviewer');
  await theirs.getByLabel('Choose a password').fill('invited-password-e2e');
  await theirs.getByRole('button', { name: 'Create account and join' }).click();

  await expect(theirs.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // They land in the project they were invited to.
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_PROJECT);
  await theirs.getByRole('link', { name: SAMPLE_TITLE }).first().click();
  await expect(theirs.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();

  // The link is used up.
  await theirs.goto(link);
  await expect(
    theirs.getByRole('heading', { level: 1, name: 'This invitation has been used' }),
  ).toBeVisible();
  await invitee.close();
});
