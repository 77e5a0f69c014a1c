import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { importDocument, openSampleDocument, panel } from './workspace';

const claimCount = async (page: Page) => {
  const text = await page.getByText(/^Showing \d+ of \d+ claims$/).textContent();
  return Number(/of (\d+)/.exec(text ?? '')?.[1]);
};
const expectCount = (page: Page, n: number) =>
  expect(page.getByText(/^Showing \d+ of \d+ claims$/)).toHaveText(`Showing ${n} of ${n} claims`);
const mark = (page: Page, id: string) => page.locator(`mark[data-claim="${id}"]`);

/** Selects a claim by its highlight and opens its editor in the panel. */
async function openEditor(page: Page, id: string) {
  await mark(page, id).first().click();
  await expect(page.locator(`[data-claim-row="${id}"]`)).toHaveAttribute('aria-current', 'true');
  const p = panel(page);
  await p.getByText('Edit claim', { exact: true }).click();
  return p;
}

/** Selects a piece of the article's text, as a reader dragging over it would. */
async function selectText(page: Page, text: string) {
  await page.locator('[data-document-body]').evaluate((root, wanted) => {
    const run = [...root.querySelectorAll('[data-o]')].find((el) => el.textContent?.includes(wanted));
    const node = run?.firstChild as Text;
    const start = node.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

test('a reviewer edits, splits, merges, deletes and adds claims, and the changes persist', async ({
  page,
}) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  const total = await claimCount(page);
  expect(total).toBeGreaterThan(10);
  const ids = [
    ...new Set(
      await page
        .locator('mark[data-claim]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-claim') as string)),
    ),
  ];
  // Claims near the end, clear of the first claims (other tests) and of the very last (the access matrix).
  const [editId, splitId, mergeId, mergedAwayId, deleteId] = ids.slice(total - 7, total - 2) as string[];

  // Edit the text.
  const edited = 'Reworded by the claim-edit test: LDN may help some patients.';
  let editor = await openEditor(page, editId!);
  await editor.getByLabel('Claim text').fill(edited);
  await editor.getByRole('button', { name: 'Save text' }).click();
  await expect(editor.getByText('Claim text saved.')).toBeVisible();
  await expect(panel(page).getByRole('heading', { name: edited })).toBeVisible();

  // Split at a space in the middle of the quote.
  editor = await openEditor(page, splitId!);
  const quoteBox = editor.getByLabel('Quote (place the cursor where to split)');
  const quote = await quoteBox.inputValue();
  const at = quote.indexOf(' ', Math.floor(quote.length / 2));
  expect(at).toBeGreaterThan(0);
  await quoteBox.evaluate((el: HTMLTextAreaElement, offset) => {
    el.focus();
    el.setSelectionRange(offset, offset);
  }, at);
  await editor.getByRole('button', { name: 'Split here' }).click();
  await expect(editor.getByText('Claim split in two.')).toBeVisible();
  await expectCount(page, total + 1);
  const [firstPart, secondPart] = [quote.slice(0, at).trim(), quote.slice(at).trim()];
  await expect(mark(page, splitId!)).toContainText(firstPart);
  await expect(quoteBox).toHaveValue(firstPart);

  // Merge with the next claim.
  const nextText = await (await openEditor(page, mergedAwayId!)).getByLabel('Claim text').inputValue();
  editor = await openEditor(page, mergeId!);
  const mergedText = await editor.getByLabel('Claim text').inputValue();
  await editor.getByRole('button', { name: 'Merge with next' }).click();
  await expect(editor.getByText('Merged with the next claim.')).toBeVisible();
  await expect(mark(page, mergedAwayId!)).toHaveCount(0);
  await expect(panel(page).getByRole('heading', { name: `${mergedText} ${nextText}` })).toBeVisible();
  await expectCount(page, total);

  // Delete an assessed claim: the dialog that asks first names its assessment, and confirming it is enough.
  await mark(page, deleteId!).first().click();
  await panel(page).getByRole('radio', { name: 'Supported', exact: true }).check();
  await expect(panel(page).getByText('Saved.')).toBeVisible();
  editor = await openEditor(page, deleteId!);
  const deletedQuote = await editor.getByLabel('Quote (place the cursor where to split)').inputValue();
  await editor.getByRole('button', { name: 'Delete claim' }).click();
  const asking = page.getByRole('alertdialog', { name: 'Delete this claim?' });
  await expect(asking).toContainText('Its assessment will no longer count.');
  await asking.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(mark(page, deleteId!)).toHaveCount(0);
  await expectCount(page, total - 1);

  // Add a claim back from a selection of the deleted claim's text.
  const addButton = page.getByRole('button', { name: 'Add claim from selection' });
  await addButton.click();
  await expect(page.getByText('Select some of the document text first.')).toBeVisible();
  await selectText(page, deletedQuote);
  await addButton.click();
  await expect(page.getByText('Claim added.')).toBeVisible();
  await expectCount(page, total);
  // The new claim is selected, ready to be assessed.
  await expect(panel(page).getByRole('heading', { name: deletedQuote })).toBeVisible();

  // The same text again overlaps the new claim.
  await page
    .locator('mark[data-claim]', { hasText: deletedQuote })
    .locator('[data-o]')
    .evaluate((run) => {
      const range = document.createRange();
      range.selectNodeContents(run);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
  await addButton.click();
  await expect(page.getByText(/This text is already part of claim #\d+/)).toBeVisible();

  await page.reload();
  await expectCount(page, total);
  await expect(mark(page, editId!)).toHaveCount(1);
  await expect(mark(page, splitId!)).toContainText(firstPart);
  await expect(page.locator('mark[data-claim]', { hasText: secondPart })).toHaveCount(1);
  // A merge across a paragraph break is highlighted in each paragraph it covers.
  await expect(mark(page, mergeId!).first()).toContainText(mergedText);
  await expect(mark(page, mergedAwayId!)).toHaveCount(0);
  await expect(mark(page, deleteId!)).toHaveCount(0);
  await expect(page.locator('mark[data-claim]', { hasText: deletedQuote })).toHaveCount(1);
  await mark(page, editId!).click();
  await expect(panel(page).getByRole('heading', { name: edited })).toBeVisible();
});

test('a claim is added from the keyboard alone, by typing its words and choosing where', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const id = await importDocument(api, 'admin', 'Keyboard claims', [
    'Background',
    'Supplement A lowers blood pressure by 2 mmHg in adults.',
    'Background',
    'Supplement B lowers blood pressure by 3 mmHg in adults.',
  ]);
  await api.dispose();

  await signIn(page, 'reviewer');
  await page.goto(`/documents/${id}`);
  await expectCount(page, 2);
  const opener = page.getByText('Add claim by its text…');
  for (let i = 0; i < 40 && !(await opener.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const words = page.getByLabel('Words of the new claim, as they read in the article');
  await expect(words).toBeFocused();

  // Text already inside a claim is not offered.
  await page.keyboard.type('supplement a lowers');
  await expect(page.getByText(/^No text outside the existing claims reads like this/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add claim', exact: true })).toBeDisabled();

  // Both headings are outside every claim: choose the second with the arrow keys, then add it.
  await words.fill('');
  await page.keyboard.type('background');
  await expect(page.getByText('Found in 2 places outside the existing claims: choose one.')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add claim', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Claim added.')).toBeVisible();
  await expectCount(page, 3);
  const marks = page.locator('mark[data-claim]');
  await expect(marks.nth(0)).toContainText('Supplement A');
  await expect(marks.nth(1)).toContainText('Background');
  await expect(marks.nth(2)).toContainText('Supplement B');
  await expect(page.locator('[data-claim-row][aria-current="true"]')).toContainText('Background');
  // It takes the next free number, #3, and is listed in document order; the claim after it keeps #2.
  await expect(page.locator('[data-claim-row]')).toHaveText([/^#1(?!\d)/, /^#3(?!\d)/, /^#2(?!\d)/]);
  await expect(panel(page)).toContainText('Claim #3');
  // The two "Background" sections are two choices, told apart by their place.
  await expect(page.getByLabel('Section').locator('option')).toHaveText([
    'Any',
    'Background',
    'Background (2)',
  ]);
  // The new claim's panel has the focus, so it can be assessed straight away.
  await expect(panel(page).getByRole('heading', { name: 'Background' })).toBeFocused();
  await page.keyboard.press('3');
  await expect(panel(page).getByRole('radio', { name: 'Unsupported', exact: true })).toBeChecked();
  await expect(panel(page).getByText('Saved.')).toBeVisible();

  await words.focus();
  await page.keyboard.type('Background');
  await expect(page.getByText('Found once outside the existing claims.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expectCount(page, 4);
  await page.reload();
  await expectCount(page, 4);
  await expect(page.locator('mark[data-claim]').nth(0)).toContainText('Background');
});

test('deleting a claim asks first, from the keyboard too, and keeping it changes nothing', async ({
  page,
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const id = await importDocument(api, 'admin', 'Delete asks', 2);
  await api.dispose();
  await signIn(page, 'reviewer');
  await page.goto(`/documents/${id}`);
  await expectCount(page, 2);
  const claimId = (await page.locator('mark[data-claim]').first().getAttribute('data-claim')) as string;
  const editor = await openEditor(page, claimId);
  const deleteButton = editor.getByRole('button', { name: 'Delete claim' });
  const asking = page.getByRole('alertdialog', { name: 'Delete this claim?' });

  // Escape keeps the claim, and the focus goes back where it was.
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  await expect(asking).toBeVisible();
  await expect(asking).toContainText('Supplement 1 lowers blood pressure by 2 mmHg in adults.');
  await expect(asking).not.toContainText('assessment');
  await expect(asking.getByRole('button', { name: 'Keep the claim' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(asking).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expectCount(page, 2);

  // "Keep the claim" is the answer Enter gives at once; it keeps the claim too.
  await page.keyboard.press('Enter');
  await expect(asking).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(asking).toBeHidden();
  await expect(mark(page, claimId)).toHaveCount(1);

  // Tab to "Delete" and press it: now the claim goes.
  await page.keyboard.press('Enter');
  await expect(asking.getByRole('button', { name: 'Keep the claim' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(asking.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(mark(page, claimId)).toHaveCount(0);
  await expectCount(page, 1);
  await page.reload();
  await expectCount(page, 1);
});

test('a viewer sees no claim editing controls', async ({ page }) => {
  await signIn(page, 'viewer');
  await openSampleDocument(page);
  await page.locator('mark[data-claim]').first().click();
  await expect(panel(page)).toBeVisible();
  await expect(page.getByText('Edit claim', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add claim from selection' })).toHaveCount(0);
  await expect(page.getByText('Add claim by its text…')).toHaveCount(0);
});
