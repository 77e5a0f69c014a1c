import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { SAMPLE_TITLE, signIn } from './sign-in';
import { openSampleDocument } from './workspace';

/** Collects the page's console errors and uncaught exceptions from here on. */
function consoleErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

test('the icons and robots.txt answer to anyone, and robots.txt asks not to be indexed', async ({
  baseURL,
}) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const favicon = await anonymous.get('/favicon.ico', { maxRedirects: 0 });
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/^image\//);
  const icon = await anonymous.get('/icon.svg', { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  const robots = await anonymous.get('/robots.txt', { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  expect(rules).toMatch(/^User-Agent: \*$/im);
  expect(rules).toMatch(/^Disallow: \/$/m);
  await anonymous.dispose();
});

test('every page names itself in the tab, links icons that load, and logs no console error', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  const visit = async (title: string | RegExp) => {
    await expect(page).toHaveTitle(title);
    await page.waitForLoadState('networkidle');
    const icons = await page
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length, `icons of ${page.url()}`).toBeGreaterThan(0);
    for (const href of icons) expect((await page.request.get(href)).status(), href).toBe(200);
  };

  await page.goto('/login');
  await visit('Sign in · Evidence review');
  await signIn(page, 'admin');
  await visit('Projects · Evidence review');
  await openSampleDocument(page);
  await visit(`${SAMPLE_TITLE} · Review · Evidence review`);
  await page.getByRole('link', { name: 'Summary', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verdict by evidence level' })).toBeVisible();
  await visit(`${SAMPLE_TITLE} · Summary · Evidence review`);
  await page.goto('/documents/new');
  await visit('Import a document · Evidence review');
  await page.goto('/admin/users');
  await visit('Users · Evidence review');
  expect(errors).toEqual([]);
});
