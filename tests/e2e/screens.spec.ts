import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { failedImportPath } from './import-jobs';
import { SAMPLE_PROJECT, SAMPLE_TITLE, signIn } from './sign-in';
import { openSampleProject } from './workspace';

// Every page at a phone's, a tablet's and a laptop's size: nothing scrolls sideways, axe finds nothing, and on
// the touch screens every control is a 44 × 44 px target. The pages are opened as an admin, who sees them all.

const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'tablet', width: 768, height: 1024, touch: true },
  { name: 'laptop', width: 1440, height: 900, touch: false },
] as const;

/** One page to check: how to open it, signed in, and wait until it has drawn what it shows. */
type Screen = { name: string; open: (page: Page) => Promise<void> };

async function sampleDocumentPath(page: Page): Promise<string> {
  await openSampleProject(page);
  return (await page.getByRole('link', { name: SAMPLE_TITLE }).getAttribute('href')) as string;
}

// A new page is one more entry here.
const SCREENS: Screen[] = [
  {
    name: 'the dashboard',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByRole('link', { name: SAMPLE_PROJECT })).toBeVisible();
    },
  },
  {
    name: 'the sample project',
    open: async (page) => {
      await openSampleProject(page);
      await expect(page.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible();
    },
  },
  {
    name: 'the summary of the sample document',
    open: async (page) => {
      await page.goto(`${await sampleDocumentPath(page)}/summary`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
      await expect(page.getByRole('table', { name: /^Claims in document order/ })).toBeVisible();
    },
  },
  {
    name: 'the import page',
    open: async (page) => {
      await page.goto('/documents/new');
      await expect(page.getByRole('button', { name: 'Save document' })).toBeVisible();
    },
  },
  {
    name: 'the progress page of a failed import',
    open: async (page) => {
      await page.goto(await failedImportPath(page));
      await expect(page.getByRole('alert').filter({ hasText: 'No claims were found' })).toBeVisible();
    },
  },
  {
    name: 'the users page',
    open: async (page) => {
      await page.goto('/admin/users');
      await expect(page.getByRole('button', { name: 'Create user' })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
    },
  },
];

/**
 * The controls on screen smaller than 44 × 44 px. A radio button or checkbox counts by its label, which is what a
 * thumb hits; a link inside running text is exempt, as WCAG 2.5.5 allows, and so is what is not shown (closed
 * details, text for screen readers only).
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, select, input, textarea, summary, label:has(> input)';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      if (element instanceof HTMLInputElement && ['radio', 'checkbox', 'hidden'].includes(element.type))
        return [];
      if (element instanceof HTMLAnchorElement && getComputedStyle(element).display === 'inline') return [];
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return [];
      if (box.width >= 43.5 && box.height >= 43.5) return [];
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return [
        `${element.tagName.toLowerCase()} "${name}": ${Math.round(box.width)} × ${Math.round(box.height)}`,
      ];
    });
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.width} × ${size.height} (${size.name})`, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.touch,
      isMobile: size.touch,
    });

    for (const screen of SCREENS) {
      test(`${screen.name} fits the width and has no axe violations`, async ({ page }) => {
        await signIn(page, 'admin');
        await screen.open(page);

        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          window: window.innerWidth,
        }));
        // A phone's browser zooms out to show a page that is too wide, which widens the window with it.
        expect(widths.window, 'the window keeps the device width').toBe(size.width);
        expect(widths.page, 'the page is no wider than the window').toBeLessThanOrEqual(widths.window);

        if (size.touch) expect(await smallTargets(page)).toEqual([]);

        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
          [],
        );
      });
    }
  });
}
