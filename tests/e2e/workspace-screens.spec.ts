import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { openSampleDocument, panel } from './workspace';

// The workspace on a phone, a tablet and a laptop: nothing scrolls sideways, axe finds nothing, the claims are
// one tab away on a narrow screen, and a wide one gives the list and the panel the window's height.

const SCREENS = [
  { width: 390, height: 844, tabs: true },
  { width: 768, height: 1024, tabs: true },
  { width: 1440, height: 900, tabs: false },
] as const;

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page is wider than the screen').toBeLessThanOrEqual(innerWidth);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('The element is not shown.');
  return b;
}

for (const screen of SCREENS) {
  test(`the workspace fits a ${screen.width} × ${screen.height} screen and has no axe violations`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await openSampleDocument(page);
    await expectNoSidewaysScroll(page);

    const tab = page.getByRole('tab', { name: /^Claims/ });
    if (screen.tabs) {
      // The article first; its panel is a tab away, not somewhere below it.
      await expect(tab).toBeVisible();
      await expectNoAxeViolations(page);
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(panel(page)).toBeVisible();
      expect((await box(panel(page))).y).toBeLessThan(screen.height);
    } else {
      await expect(tab).toBeHidden();
      await expect(panel(page)).toBeVisible();
      // The list, the panel and the article each fill the window's height and scroll on their own.
      const list = await box(page.locator('ul[aria-label="Claims"]').locator('..'));
      const panelBox = await box(panel(page).locator('..'));
      const article = await box(page.locator('[data-document-body]'));
      expect(list.height, 'the claim list shows at least eight claims').toBeGreaterThanOrEqual(8 * 60);
      expect(panelBox.height).toBeGreaterThanOrEqual(600);
      for (const b of [list, panelBox, article]) expect(b.y + b.height).toBeLessThanOrEqual(screen.height);
    }
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await context.close();
  });
}

test('on a phone the workspace opens where it is when its claim starts in sight', async ({ browser }) => {
  const phone = async (height: number) => {
    const context = await browser.newContext({
      viewport: { width: 390, height },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await signIn(page, 'reviewer');
    await openSampleDocument(page);
    await page.waitForLoadState('networkidle');
    // The claim it opens on: the reviewer's first without a verdict.
    return { context, page, mark: page.locator('[data-document-body] mark[data-selected]') };
  };
  // Where that claim's highlight lies on a screen tall enough to show all of it…
  const tall = await phone(2000);
  const { y, height } = (await tall.mark.boundingBox()) as { y: number; height: number };
  await tall.context.close();
  // …then a screen whose bottom edge cuts it: it is in sight, and the page stays at its top, header and all.
  const cut = await phone(Math.round(y + height / 2));
  await expect(cut.mark).toBeInViewport();
  expect(await cut.page.evaluate(() => window.scrollY)).toBe(0);
  await expect(cut.page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
  await cut.context.close();
});

test('a reviewer assesses a claim on a phone by touch alone, and the save holds', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await signIn(page, 'reviewer');
  await openSampleDocument(page);
  await expect(page.getByRole('tab', { name: 'Article' })).toBeVisible();

  // A tap on a highlight in the article opens its claim's panel in the claims tab.
  const mark = page.locator('mark[data-claim]').nth(12);
  const id = (await mark.getAttribute('data-claim')) as string;
  await mark.tap();
  await expect(page.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[data-claim-row="${id}"]`)).toHaveAttribute('aria-current', 'true');
  const p = panel(page);
  await expect(p).toBeVisible();

  const targets = [
    page.getByRole('tab', { name: 'Article' }),
    page.getByRole('tab', { name: /^Claims/ }),
    page.getByRole('button', { name: 'Next claim' }),
    page.locator(`[data-claim-row="${id}"]`),
    ...['Supported', 'Speculative', 'Unsupported'].map((name) =>
      p.getByRole('radio', { name, exact: true }).locator('..'),
    ),
    p.getByLabel('Evidence level (CEBM)'),
    p.getByRole('button', { name: 'Save rationale' }),
  ];
  for (const target of targets) {
    const b = await box(target);
    expect(
      Math.min(b.width, b.height),
      `${target} is a touch target of at least 44 × 44 px`,
    ).toBeGreaterThanOrEqual(44);
  }

  await p.getByRole('radio', { name: 'Unsupported' }).tap();
  await expect(p.getByText('Saved.')).toBeVisible();
  await expect(page.locator(`mark[data-claim="${id}"]`)).toHaveAttribute('data-status', 'UNSUPPORTED');

  await page.reload();
  // The claim in the address opens the claims tab with its panel. Where the window is scrolled after a reload is
  // the browser's scroll restoration, which races the layout, so only that the panel is shown is checked.
  await expect(page.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByRole('radio', { name: 'Unsupported' })).toBeChecked();
  await context.close();
});
