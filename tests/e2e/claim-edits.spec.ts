import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_TITLE, signIn } from './sign-in';

async function openSampleDocument(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
}

const cards = (page: Page) => page.locator('section[data-claim-id]');
const card = (page: Page, id: string) => page.locator(`section[data-claim-id="${id}"]`);
const claimText = (page: Page, id: string) => page.locator(`[id="claim-${id}"]`);

async function openEditor(page: Page, id: string) {
  await card(page, id).getByText('Edit claim', { exact: true }).click();
  return card(page, id);
}

test('a reviewer edits, splits, merges, deletes and adds claims, and the changes persist', async ({
  page,
}) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  // Claims near the end, clear of the first claims (other tests) and of the very last (the access matrix).
  await expect(cards(page).first()).toBeVisible();
  const total = await cards(page).count();
  expect(total).toBeGreaterThan(10);
  const ids = await cards(page).evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-claim-id') as string),
  );
  const [editId, splitId, mergeId, mergedAwayId, deleteId] = ids.slice(total - 7, total - 2) as string[];

  // Edit the text.
  const edited = 'Reworded by the claim-edit test: LDN may help some patients.';
  let editor = await openEditor(page, editId!);
  await editor.getByLabel('Claim text').fill(edited);
  await editor.getByRole('button', { name: 'Save text' }).click();
  await expect(editor.getByText('Claim text saved.')).toBeVisible();
  await expect(claimText(page, editId!)).toContainText(edited);

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
  await expect(cards(page)).toHaveCount(total + 1);
  const [firstPart, secondPart] = [quote.slice(0, at).trim(), quote.slice(at).trim()];
  await expect(claimText(page, splitId!)).toContainText(firstPart);
  await expect(quoteBox).toHaveValue(firstPart);

  // Merge with the next claim.
  const nextText = await (await openEditor(page, mergedAwayId!)).getByLabel('Claim text').inputValue();
  editor = await openEditor(page, mergeId!);
  const mergedText = await editor.getByLabel('Claim text').inputValue();
  await editor.getByRole('button', { name: 'Merge with next' }).click();
  await expect(editor.getByText('Merged with the next claim.')).toBeVisible();
  await expect(card(page, mergedAwayId!)).toHaveCount(0);
  await expect(claimText(page, mergeId!)).toContainText(`${mergedText} ${nextText}`);

  // Delete an assessed claim: the server asks for confirmation first.
  const target = card(page, deleteId!);
  await target.getByText('Supported', { exact: true }).click();
  await target.getByRole('button', { name: 'Save assessment' }).click();
  await expect(target.getByText('Saved.')).toBeVisible();
  editor = await openEditor(page, deleteId!);
  const deletedQuote = await editor.getByLabel('Quote (place the cursor where to split)').inputValue();
  await editor.getByRole('button', { name: 'Delete claim' }).click();
  await expect(editor.getByText('This claim has 1 assessment. Confirm to delete it anyway.')).toBeVisible();
  await editor.getByRole('button', { name: 'Confirm' }).click();
  await expect(card(page, deleteId!)).toHaveCount(0);
  await expect(cards(page)).toHaveCount(total - 1);

  // Add a claim back from a selection of the deleted claim's text.
  await page.getByText('Document text', { exact: true }).click();
  const addButton = page.getByRole('button', { name: 'Add claim from selection' });
  await addButton.click();
  await expect(page.getByText('Select some of the document text above first.')).toBeVisible();
  await page.locator('[data-document-body]').evaluate((el, text) => {
    const node = el.firstChild as Text;
    const start = node.data.indexOf(text);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
  }, deletedQuote);
  await addButton.click();
  await expect(page.getByText('Claim added.')).toBeVisible();
  await expect(cards(page)).toHaveCount(total);

  // The same selection again overlaps the new claim.
  await page.locator('[data-document-body]').evaluate((el, text) => {
    const node = el.firstChild as Text;
    const start = node.data.indexOf(text);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    window.getSelection()?.addRange(range);
  }, deletedQuote);
  await addButton.click();
  await expect(page.getByText(/This text is already part of claim #\d+/)).toBeVisible();

  await page.reload();
  await expect(cards(page)).toHaveCount(total);
  await expect(claimText(page, editId!)).toContainText(edited);
  await expect(claimText(page, splitId!)).toContainText(firstPart);
  await expect(page.locator('[id^="claim-"]').filter({ hasText: secondPart })).toHaveCount(1);
  await expect(claimText(page, mergeId!)).toContainText(`${mergedText} ${nextText}`);
  await expect(card(page, mergedAwayId!)).toHaveCount(0);
  await expect(card(page, deleteId!)).toHaveCount(0);
  await expect(page.locator('p[id^="claim-"]').filter({ hasText: deletedQuote })).toHaveCount(1);
});

test('a viewer sees no claim editing controls', async ({ page }) => {
  await signIn(page, 'viewer');
  await openSampleDocument(page);
  await expect(cards(page).first()).toBeVisible();
  await expect(page.getByText('Edit claim', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Document text', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add claim from selection' })).toHaveCount(0);
});
