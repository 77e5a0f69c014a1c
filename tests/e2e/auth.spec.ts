import { expect, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';
import { SAMPLE_TITLE, signIn } from './sign-in';
import { openSampleDocument, openSampleProject, panel, selectClaim } from './workspace';

test('a signed-out visitor is sent to sign in, and comes back to the page they asked for', async ({
  page,
}) => {
  await page.goto('/');
  const link = await (async () => {
    await signIn(page, 'viewer');
    await openSampleProject(page);
    return page.getByRole('link', { name: SAMPLE_TITLE }).getAttribute('href');
  })();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto(link as string);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(link as string)}`));
  await page.getByLabel('Email').fill(ACCOUNTS.reviewer.email);
  await page.getByLabel('Password').fill(ACCOUNTS.reviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Low-Dose Naltrexone/);
});

test('signing out ends the session on the server: the old cookie no longer works', async ({
  page,
  context,
}) => {
  await signIn(page, 'reviewer');
  const cookie = (await context.cookies()).find((c) => c.name.includes('session_token'));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await context.addCookies([cookie as NonNullable<typeof cookie>]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('after signing in, a "next" that would leave the site, or holds a control character or a space, leads home', async ({
  page,
  context,
  baseURL,
}) => {
  const home = `${baseURL}/`;
  const unsafe = [
    '%0A',
    '%0D',
    '%E3%80%80',
    '%2F%0A%2Fevil.example',
    '%2Fdocuments%E3%80%80',
    '%2F%2Fevil.example',
  ];
  for (const next of unsafe) {
    const response = await page.goto(`/login?next=${next}`);
    expect(response?.status(), next).toBe(200);
  }

  // A tab inside "/\t/evil.example" is dropped by the browser's URL parser, which leaves "//evil.example".
  await page.goto('/login?next=%2F%09%2Fevil.example');
  await page.getByLabel('Email').fill(ACCOUNTS.reviewer.email);
  await page.getByLabel('Password').fill(ACCOUNTS.reviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(page.url()).toBe(home);

  // Signed in, the sign-in page sends the same values home.
  for (const next of unsafe) {
    const response = await page.goto(`/login?next=${next}`);
    expect(response?.status(), next).toBe(200);
    expect(page.url(), next).toBe(home);
  }

  // The sign-in itself, with a line break in "next", lands home too (it once failed after setting the cookie).
  await context.clearCookies();
  await signIn(page, 'reviewer', '/\n');
  expect(page.url()).toBe(home);
});

test('a script signs in with JSON, keeps the cookie, and signs out without an Origin header', async ({
  playwright,
  baseURL,
}) => {
  const script = await playwright.request.newContext({ baseURL });
  const { email, password } = ACCOUNTS.viewer;
  expect((await script.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
  expect(await (await script.get('/api/auth/get-session')).json()).toMatchObject({ user: { email } });
  const { cookies } = await script.storageState();
  const cookie = cookies.find((c) => c.name.includes('session_token'));
  expect(cookie).toBeDefined();

  const signOut = await script.post('/api/auth/sign-out');
  expect(signOut.status()).toBe(200);
  expect(await (await script.get('/api/auth/get-session')).json()).toBeNull();

  // The cookie, sent again as a copied header, opens nothing either: the session is gone on the server.
  const copied = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${cookie?.name}=${cookie?.value}` },
  });
  expect(await (await copied.get('/api/auth/get-session')).json()).toBeNull();
  const page = await copied.get('/', { maxRedirects: 0 });
  expect(page.headers().location).toMatch(/^\/login/);
  await Promise.all([script.dispose(), copied.dispose()]);
});

test('a viewer sees no write controls, and a direct write is refused', async ({ page }) => {
  await signIn(page, 'viewer');
  await openSampleDocument(page);
  await page.locator('mark[data-claim]').first().click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add comment' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Export Markdown' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});

test('a wrong password gets a clear message, and the 11th failure in a minute is refused', async ({
  page,
}) => {
  const email = ACCOUNTS.lockout.email;
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.11' });
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('main').getByRole('alert')).toHaveText(/email or password is not right/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill(ACCOUNTS.lockout.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText(
    /Too many failed sign-ins\. Wait a minute/,
  );
  await expect(page).toHaveURL(/\/login/);
  // The form keeps what was typed.
  await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('HTML in a comment is shown as typed and never runs', async ({ page }) => {
  const payload = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  await selectClaim(page, 5);
  await panel(page).getByLabel('New comment').fill(payload);
  await panel(page).getByRole('button', { name: 'Add comment' }).click();
  await expect(panel(page).getByRole('paragraph').filter({ hasText: payload })).toBeVisible();
  await page.reload();
  await expect(panel(page).getByRole('paragraph').filter({ hasText: payload })).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('pages carry the security headers', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toContain('max-age=');
});
