import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { importDocument, panel } from './workspace';

// Moving through a list with the keyboard is not a choice: only Enter, leaving the list or a click saves, once
// (docs/decisions/0013-deliberate-saving.md). Each test reviews a document of its own.

/** The saves of my assessment that the page sends from now on. */
function recordSaves(page: Page): string[] {
  const saves: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.method() === 'PUT' && /^\/api\/claims\/[^/]+\/assessment$/.test(pathname))
      saves.push(pathname);
  });
  return saves;
}

async function reviewOwnDocument(page: Page, api: APIRequestContext, title: string) {
  const documentId = await importDocument(api, 'reviewer', title, 3);
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${documentId}`);
  await expect(panel(page)).toContainText('Claim #1');
}

/** The history entries of my own assessment of the claim shown, once the history is opened. */
const myAssessmentEvents = (page: Page) =>
  panel(page)
    .getByRole('listitem')
    .filter({ hasText: /Test Reviewer (assessed|changed their assessment)/ });

test('e, then ↓ four times, then Enter saves one assessment with one history entry', async ({
  page,
  request,
}) => {
  await reviewOwnDocument(page, request, 'Deliberate saving: the evidence level');
  const saves = recordSaves(page);
  const level = panel(page).getByLabel('Evidence level (CEBM)');

  await page.keyboard.press('e');
  await expect(level).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(level).toHaveValue('LEVEL_4');
  await expect(panel(page).getByText('Not saved yet: press Enter to choose it.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByText('Saved.')).toBeVisible();
  expect(saves).toHaveLength(1);

  await page.reload();
  await expect(level).toHaveValue('LEVEL_4');
  // An evidence level without a verdict changes no consensus: the save is the claim's only history entry.
  const history = panel(page).getByText(/^History \(\d+\)$/);
  await expect(history).toHaveText('History (1)');
  await history.click();
  await expect(myAssessmentEvents(page)).toHaveCount(1);
  await expect(myAssessmentEvents(page)).toContainText('Evidence level: CEBM 4');
  expect(saves).toHaveLength(1);
});

test('leaving the verdicts after moving through them saves once, and j moves on with the choice saved', async ({
  page,
  request,
}) => {
  await reviewOwnDocument(page, request, 'Deliberate saving: the verdict');
  const saves = recordSaves(page);
  const p = panel(page);

  await p.getByRole('radio', { name: 'Supported', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(p.getByRole('radio', { name: 'Unsupported' })).toBeChecked();
  await expect(p.getByText('Not saved yet: press Enter to choose it.')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(p.getByText('Saved.')).toBeVisible();
  expect(saves).toHaveLength(1);

  // A pick with the pointer is a choice at once.
  await p.getByRole('radio', { name: 'Speculative' }).click();
  await expect.poll(() => saves.length).toBe(2);
  await expect(p.getByText('Saved.')).toBeVisible();

  // The focus stays on the verdict as j opens the next claim: moving on chooses what the arrow keys moved to.
  await p.getByRole('radio', { name: 'Speculative' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(p.getByRole('radio', { name: 'Supported', exact: true })).toBeChecked();
  await page.keyboard.press('j');
  await expect(p).toContainText('Claim #2');
  await expect.poll(() => saves.length).toBe(3);
  await page.keyboard.press('k');
  await expect(p).toContainText('Claim #1');
  await expect(p.getByRole('radio', { name: 'Supported', exact: true })).toBeChecked();
  await p.getByText(/^History \(\d+\)$/).click();
  await expect(myAssessmentEvents(page)).toHaveCount(3);
});

test('a save can be undone from its message, as one more save', async ({ page, request }) => {
  await reviewOwnDocument(page, request, 'Deliberate saving: undo');
  const saves = recordSaves(page);
  const p = panel(page);

  await p.getByRole('radio', { name: 'Unsupported' }).click();
  await expect(p.getByText('Saved.')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Undo' })).toBeVisible();
  await p.getByRole('button', { name: 'Undo' }).click();
  await expect(p.getByText('Undone: the earlier choice is saved again.')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(p.getByRole('radio', { name: 'Unsupported' })).not.toBeChecked();
  expect(saves).toHaveLength(2);

  await page.reload();
  await expect(p).toContainText('Claim #1');
  await expect(p.getByRole('radio', { checked: true })).toHaveCount(0);
});
