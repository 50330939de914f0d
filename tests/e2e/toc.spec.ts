import { expect, type Page, test } from '@playwright/test';
import { axeViolations, COLOUR_RULES, gotoThemed, watchConsole } from './helpers';

// Our TableOfContents and MobileTableOfContents overrides (src/components/overrides/): the "On this
// page" list on wide screens and the dropdown on phones, marking the section being read.
const ARTICLE = '/kb/q153066/';

const contents = (page: Page) => page.getByRole('navigation', { name: 'On this page' });
/** The links marked as the current section, by their text. */
const current = (page: Page) => contents(page).locator('a[aria-current="true"]').allInnerTexts();

test.describe('at 1280 px wide', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  // Simulations off screen lay out at a placeholder height (content-visibility); one rendering above a
  // link's target used to push the target 680 px down the screen.
  for (const [name, how] of [
    ['More information', 'opened from its address'],
    ['More information', 'reached by its contents link'],
    ['Resolution', 'opened from its address'],
  ] as const) {
    test(`"${name}" ${how} lands at the top of the screen and stays there`, async ({ page }) => {
      const id = name.toLowerCase().replace(' ', '-');
      if (how === 'opened from its address') await page.goto(`${ARTICLE}#${id}`);
      else {
        await page.goto(ARTICLE);
        await contents(page).getByRole('link', { name }).click();
        await expect(page).toHaveURL(new RegExp(`#${id}$`));
      }
      const heading = page.getByRole('heading', { name, level: 2 });
      await page.waitForLoadState('networkidle');
      await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(200);
      // Still there once the simulations around it have rendered and hydrated.
      await page.waitForTimeout(1_000);
      const y = (await heading.boundingBox())?.y ?? -1;
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(200);
    });
  }

  test('holding a section link in place yields as soon as anything else scrolls the page', async ({
    page,
  }) => {
    await page.goto(`${ARTICLE}#more-information`);
    await page.waitForLoadState('load');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('the contents mark the section being read as the reader scrolls, both ways', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(ARTICLE);
    const list = contents(page);
    await expect(list).toBeVisible();
    await expect(list.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'true');

    await page
      .getByRole('heading', { name: 'Resolution', level: 2 })
      .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80));
    await expect(list.getByRole('link', { name: 'Resolution' })).toHaveAttribute('aria-current', 'true');
    expect(await current(page)).toEqual(['Resolution']);

    // Back up, into Symptoms: the heading below the line is no longer the section being read.
    await page
      .getByRole('heading', { name: 'Resolution', level: 2 })
      .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 400));
    await expect(list.getByRole('link', { name: 'Symptoms' })).toHaveAttribute('aria-current', 'true');
    expect(await current(page)).toEqual(['Symptoms']);

    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(list.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'true');
    expect(await current(page)).toEqual(['Overview']);
    expect(errors).toEqual([]);
  });

  test('a contents link followed by keyboard goes to its section and marks it', async ({ page }) => {
    await page.goto(ARTICLE);
    const link = contents(page).getByRole('link', { name: 'Resolution' });
    await link.focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/#resolution$/);
    await expect(page.getByRole('heading', { name: 'Resolution', level: 2 })).toBeInViewport();
    await expect(link).toHaveAttribute('aria-current', 'true');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`in ${theme}, with a section marked: axe finds no violations`, async ({ page }) => {
      await gotoThemed(page, ARTICLE, theme);
      await contents(page).getByRole('link', { name: 'Resolution' }).click();
      await expect(contents(page).getByRole('link', { name: 'Resolution' })).toHaveAttribute(
        'aria-current',
        'true',
      );

      expect(await axeViolations(page, '[data-kb-toc]', theme === 'dark' ? COLOUR_RULES : undefined)).toEqual(
        [],
      );
    });
  }
});

test.describe('at 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the dropdown opens by keyboard, follows a link, closes and shows the section', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(ARTICLE);
    const nav = contents(page);
    const summary = nav.locator('summary');
    await expect(summary).toContainText('On this page');
    await expect(summary).toContainText('Overview');
    const resolution = nav.getByRole('link', { name: 'Resolution' });
    await expect(resolution).toBeHidden();

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(resolution).toBeVisible();
    // Tab from the summary through Overview and Symptoms to Resolution.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(resolution).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/#resolution$/);
    await expect(resolution).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Resolution', level: 2 })).toBeInViewport();
    await expect(summary).toContainText('Resolution');
    // Focus went on to the section, where reading continues; the dropdown, reopened, ticks it.
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(resolution).toHaveAttribute('aria-current', 'true');
    expect(errors).toEqual([]);
  });

  test('Escape closes the dropdown and returns focus to it; so does a click outside', async ({ page }) => {
    await page.goto(ARTICLE);
    const nav = contents(page);
    const summary = nav.locator('summary');
    const symptoms = nav.getByRole('link', { name: 'Symptoms' });

    await summary.focus();
    await page.keyboard.press('Space');
    await expect(symptoms).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(symptoms).toBeHidden();
    await expect(summary).toBeFocused();

    await summary.click();
    await expect(symptoms).toBeVisible();
    // Below the dropdown, on the article's text.
    await page.mouse.click(5, 835);
    await expect(symptoms).toBeHidden();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`in ${theme}, with the dropdown open: axe finds no violations`, async ({ page }) => {
      await gotoThemed(page, ARTICLE, theme);
      const nav = contents(page);
      await nav.locator('summary').click();
      await expect(nav.getByRole('link', { name: 'Symptoms' })).toBeVisible();
      await expect(nav.locator('a[aria-current="true"]')).toHaveCount(1);

      expect(await axeViolations(page, '[data-kb-toc]', theme === 'dark' ? COLOUR_RULES : undefined)).toEqual(
        [],
      );
    });
  }
});
