import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { openSampleDocument } from './workspace';

/** Opens the keyboard help with "?" and returns the keys it lists, in order. */
async function helpKeys(page: Page) {
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  return help.locator('kbd').allTextContents();
}

test('a viewer is offered no import or users page, and reaching one says the role does not allow it', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Projects' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Import' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  for (const [path, sentence] of [
    [
      '/documents/new',
      "Your role does not allow importing documents: only a project's leads and reviewers may import into it, and you are neither in any project. Ask a project lead if you need it.",
    ],
    [
      '/admin/users',
      'Your role (viewer) does not allow managing users; admins may. Ask an admin if you need it.',
    ],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed for your role');
    await expect(page.getByText(sentence)).toBeVisible();
    await expect(page.getByText('Not found')).toHaveCount(0);
    // The way on is a link back, and the header is still there to sign out.
    await expect(page.getByRole('link', { name: 'Back to your projects' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
});

test('a viewer sees no "reviewed by me" progress, and the help lists only keys a viewer can use', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await openSampleDocument(page);
  await expect(page.getByRole('progressbar', { name: 'Consensus' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Reviewed by me' })).toHaveCount(0);
  await expect(page.getByText(/Reviewed by me/)).toHaveCount(0);
  expect(await helpKeys(page)).toEqual(['j', 'k', '↓ ↑ Home End', '/', '?', 'Esc']);
});

test('a reviewer sees their progress, and the help lists the keys that assess and comment', async ({
  page,
}) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  await expect(page.getByRole('progressbar', { name: 'Reviewed by me' })).toBeVisible();
  expect(await helpKeys(page)).toEqual([
    'j',
    'k',
    '↓ ↑ Home End',
    '1',
    '2',
    '3',
    'e',
    '↓ ↑ Enter',
    'c',
    '/',
    '?',
    'Esc',
  ]);
});
