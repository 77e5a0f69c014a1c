import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import { signIn } from './sign-in';
import { openSampleDocument, panel, selectClaim } from './workspace';

// Inputs that once reached a 500: each gets a 4xx that says what is wrong, or is cleaned and saved.

/** The id Next.js gave the sign-in page's Server Action in this build. */
function signInActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../.next/server/server-reference-manifest.json'),
      'utf8',
    ),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  const id = Object.entries(manifest.node).find(([, entry]) => 'app/login/page' in entry.workers)?.[0];
  if (!id) throw new Error('The build has no Server Action for the sign-in page.');
  return id;
}

/** Sets a field's value as pasted text would, NUL and all (typing cannot enter a NUL). */
async function paste(field: Locator, value: string) {
  await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement, text) => {
    const prototype = Object.getPrototypeOf(element) as HTMLInputElement;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

test.describe('a Server Action that Next.js would answer with a 500', () => {
  test('from another origin, a null one or another port: 403 with the failure shape', async ({
    request,
    baseURL,
  }) => {
    const app = new URL(baseURL as string);
    const otherPort = `${app.protocol}//${app.hostname}:${Number(app.port) + 1}`;
    for (const origin of ['https://evil.example', 'null', otherPort]) {
      const response = await request.post('/login', {
        headers: {
          'Next-Action': signInActionId(),
          Origin: origin,
          'Content-Type': 'text/plain;charset=UTF-8',
        },
        data: '[{"email":"a@b.example","password":"x"}]',
      });
      expect(response.status(), origin).toBe(403);
      expect(await response.json()).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: 'Cross-site requests are not accepted.',
      });
    }
  });

  test('a form posted without JavaScript from another origin: a 403 page', async ({ request }) => {
    const response = await request.post('/login', {
      headers: { Origin: 'https://evil.example' },
      multipart: { [`$ACTION_ID_${signInActionId()}`]: '', email: 'a@b.example', password: 'x' },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toContain('text/html');
    expect(await response.text()).toContain('Cross-site requests are not accepted.');
  });

  test('a body over the 1 MB limit: 413 with a message', async ({ request, baseURL }) => {
    const response = await request.post('/login', {
      headers: {
        'Next-Action': signInActionId(),
        Origin: new URL(baseURL as string).origin,
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      data: `["${'x'.repeat(1.5 * 1024 * 1024)}"]`,
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: 'TOO_LARGE',
      message: expect.stringContaining('more than the 1 MB a form can send'),
    });
  });
});

test('a NUL character in a comment and a citation note is cleaned out, and both are saved', async ({
  page,
}) => {
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  await selectClaim(page, 2);
  const p = panel(page);

  await p.getByLabel('PMID, DOI or web address').fill('PMID: 31234568');
  await paste(p.getByLabel('Note (optional)'), 'Small\u0000 open-label trial.');
  await p.getByRole('button', { name: 'Add citation' }).click();
  await expect(p.getByRole('paragraph').filter({ hasText: 'Small open-label trial.' })).toBeVisible();

  await paste(p.getByLabel('New comment'), 'Needs\u0000 a second source.');
  await p.getByRole('button', { name: 'Add comment' }).click();
  await expect(p.getByRole('paragraph').filter({ hasText: 'Needs a second source.' })).toBeVisible();
});

test('a NUL character in a new user name is cleaned out, and the user is created', async ({ page }) => {
  const tag = crypto.randomUUID().slice(0, 8);
  const person = { name: `Person ${tag}`, email: `nul-${tag}@e2e.test`, password: `password-${tag}` };
  await signIn(page, 'admin', '/admin/users');
  const form = page.getByRole('region', { name: 'New user' });
  await paste(form.getByLabel('Name'), `Nul\u0000 ${person.name}`);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Initial password').fill(person.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`Nul ${person.name} can now sign in as ${person.email}.`)).toBeVisible();
});

test('an address too long for an answer a client can read gets a 431 that says what to fix', async ({
  baseURL,
}) => {
  // Undici, like browsers, refuses an answer whose headers pass 16 KB; Next.js echoes an address twice when it
  // folds a `//`, and the sign-in redirect escapes the address it returns to.
  const query = `section=${'%E1%A0%8E'.repeat(1000)}`;
  const tooLong = await fetch(`${baseURL}/documents//export?${query}`, { redirect: 'manual' });
  expect(tooLong.status).toBe(431);
  expect(await tooLong.text()).toContain('Shorten the address');

  const longest = `section=${'%E1%A0%8E'.repeat(750)}`;
  const folded = await fetch(`${baseURL}/documents//export?${longest}`, { redirect: 'manual' });
  expect(folded.status).toBe(308);
  const signedOut = await fetch(`${baseURL}/documents/any?${'&'.repeat(6800)}`, { redirect: 'manual' });
  expect(signedOut.status).toBe(307);
  expect(signedOut.headers.get('location')).toMatch(/\/login\?next=%2Fdocuments%2Fany$/);
});
