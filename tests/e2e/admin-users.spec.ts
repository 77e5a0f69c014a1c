import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';

// Only users this file creates are changed; the shared test accounts stay as they are.
function newPerson() {
  const tag = crypto.randomUUID().slice(0, 8);
  return { name: `New Person ${tag}`, email: `new-person-${tag}@e2e.test`, password: `password-${tag}` };
}

async function signInAs(page: Page, person: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin creates a user, changes their role, and deactivates them, which ends their sign-in', async ({
  page,
  browser,
  baseURL,
}) => {
  const person = newPerson();
  await signIn(page, 'admin', '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  const form = page.getByRole('region', { name: 'New user' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Role').selectOption('VIEWER');
  await form.getByLabel('Initial password').fill(person.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`${person.name} can now sign in as ${person.email}.`)).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveValue('');

  const row = page.locator('tbody tr', { hasText: person.email });
  await expect(row.getByRole('rowheader')).toHaveText(person.name);
  await expect(row.getByLabel(`Role of ${person.name}`)).toHaveValue('VIEWER');
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // The same email again is refused next to the email field, and what was typed stays.
  await form.getByLabel('Name').fill('Someone Else');
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Initial password').fill('another-password');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(`There is already a user with the email ${person.email}.`)).toBeVisible();
  await expect(form.getByText('The user was not created: check the fields marked.')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toHaveValue('Someone Else');

  // They sign in elsewhere before being deactivated.
  const theirContext = await browser.newContext({ baseURL });
  const theirPage = await theirContext.newPage();
  await signInAs(theirPage, person);
  await expect(theirPage.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await row.getByLabel(`Role of ${person.name}`).selectOption('REVIEWER');
  await row.getByRole('button', { name: `Save role of ${person.name}` }).click();
  await expect(row.getByText(`${person.name} is now a reviewer.`)).toBeVisible();
  await page.reload();
  await expect(row.getByLabel(`Role of ${person.name}`)).toHaveValue('REVIEWER');

  await row.getByRole('button', { name: `Deactivate ${person.name}` }).click();
  await expect(row.getByText(`${person.name} is deactivated and signed out everywhere.`)).toBeVisible();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Reactivate ${person.name}` })).toBeVisible();

  // Their session ended at once, and signing in again is refused.
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login/);
  await signInAs(theirPage, person);
  await expect(theirPage.getByRole('main').getByRole('alert')).toHaveText(/email or password is not right/);
  await theirContext.close();
});

test('a reviewer who opens the users page is told the role does not allow it', async ({ page }) => {
  await signIn(page, 'reviewer');
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed for your role');
  await expect(
    page.getByText('Your role (reviewer) does not allow managing users; admins may.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});

test('the users page has no accessibility violations', async ({ page }) => {
  await signIn(page, 'admin', '/admin/users');
  await expect(page.getByRole('table')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
