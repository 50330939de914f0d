// One browser visit per page and theme, running every page-level check in it: axe as loaded at
// desktop width, every island hydrated (each simulation showing its live view), nothing
// overflowing sideways at 1280, 1920, 390 and 320 px (the viewport resized in the same page), axe
// again at 390 px, the page's header policy enforced with no violation (a search run under it),
// no console error; and for an article, its no-JavaScript transcripts in a context of their own.
import { statSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  cspViolations,
  headersFor,
  readHeaderRules,
  recordViolations,
  serveWithHeaderPolicy,
} from './headers';
import { axeViolations, gotoThemed, publishedPaths, waitForHydration, watchConsole } from './helpers';

const published = publishedPaths();
const rules = readHeaderRules();

// The browse pages are made by four templates (src/pages/browse): the index and one per topic,
// product and version, whose pages differ only in the articles they list. The browser visits
// the fullest page of each; every browse page is still checked for its policy (csp.spec.ts),
// its links (npm run links) and its weight (npm run size).
const BROWSE_TEMPLATES = [
  /^\/browse\/$/,
  /^\/browse\/topic\//,
  /^\/browse\/product\//,
  /^\/browse\/version\//,
];
const htmlSize = (path: string) => statSync(new URL(`../../dist${path}index.html`, import.meta.url)).size;
const fullest = (paths: string[]) =>
  paths.toSorted((a, b) => htmlSize(b) - htmlSize(a) || a.localeCompare(b))[0];
const browseVisited = BROWSE_TEMPLATES.map((t) => fullest(published.filter((p) => t.test(p)))).filter(
  (p): p is string => p !== undefined,
);
const visited = [...published.filter((p) => !p.startsWith('/browse/')), ...browseVisited, '/404.html'];

// simulations.spec.ts › accessibility with the simulations in several states runs axe on this
// article in both themes with every simulation hydrated, and again after playing with each.
const AXED_ELSEWHERE = new Set(['/kb/q153066/']);

const isArticle = (path: string) => /^\/kb\/q\d{6}\/$/.test(path);

test('every browse page is made by a template the browser visits one page of', () => {
  const browse = published.filter((p) => p.startsWith('/browse/'));
  expect(browse.filter((p) => !BROWSE_TEMPLATES.some((t) => t.test(p)))).toEqual([]);
  expect(browseVisited).toHaveLength(BROWSE_TEMPLATES.length);
});

/** How far the page scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Resizes the viewport and waits two frames, for anything that lays itself out on resize. */
async function resize(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** Without JavaScript, every simulation shows its transcript, open, with a row per step. */
async function checkTranscriptsWithoutJs(browser: Browser, path: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(path);
    const sims = page.locator('[data-simulation]');
    const count = await sims.count();
    for (let i = 0; i < count; i++) {
      const sim = sims.nth(i);
      await expect(sim.locator('details.kb-transcript')).toHaveAttribute('open', '');
      const rows = sim.locator('.kb-transcript__table tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      // Performance Monitor columns the scenario names (article.yaml `columns`): a header for each,
      // and a count in every row, so the article's claims about them read without JavaScript.
      const headers = sim.locator('.kb-transcript__table thead th[data-column]');
      const columns = await headers.count();
      for (const row of await rows.all()) {
        const cells = row.locator('td[data-column]');
        expect(await cells.count()).toBe(columns);
        for (const text of await cells.allTextContents()) expect(text.trim()).toMatch(/^\d+$/);
      }
    }
    // Q159600 turns on Sessions Errored Out: its transcripts show it, per version, and it rises.
    if (path === '/kb/q159600/') {
      const first = sims.first().locator('.kb-transcript__table');
      await expect(first.locator('thead th[data-column="sessionsErroredOut"]')).toHaveText([
        'NT 3.51: Sessions Errored Out',
        'NT 4.0: Sessions Errored Out',
      ]);
      const errored = await first
        .locator('tbody tr')
        .last()
        .locator('td[data-column="sessionsErroredOut"]')
        .allTextContents();
      for (const n of errored) expect(Number(n)).toBeGreaterThan(0);
    }
  } finally {
    await context.close();
  }
}

for (const path of visited) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} in ${theme}: axe, hydration, no overflow at 320-1920 px, header policy, no console errors`, async ({
      page,
      browser,
    }) => {
      // An article hydrates up to three simulations and runs axe twice; at a load of 4 or more on
      // the shared 2-core machine that alone takes 20-30 s, and its no-JavaScript visit follows.
      if (isArticle(path)) test.setTimeout(60_000);
      // The onboarding page lists every article's quiz (24 questions with six articles): axe runs over
      // it twice, and at a load of 10 or more that alone passed 30 s.
      if (path === '/onboarding/') test.setTimeout(60_000);
      const withPolicy = published.includes(path);
      if (withPolicy) {
        await recordViolations(page);
        await serveWithHeaderPolicy(page, path, headersFor(rules, path)['content-security-policy'] ?? '');
      }
      const errors = watchConsole(page);

      // Desktop (Playwright's 1280 × 720), as loaded: islands below the fold not yet hydrated.
      await gotoThemed(page, path, theme);
      await page.waitForLoadState('networkidle');
      if (!AXED_ELSEWHERE.has(path)) expect(await axeViolations(page), 'axe at 1280 px').toEqual([]);

      for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
      await waitForHydration(page);
      for (const sim of await page.locator('[data-simulation]').all())
        await expect(sim.locator('.kb-sim__live')).toBeVisible();

      // WCAG 1.4.10: at 320 CSS pixels nothing may make the page scroll sideways. Wide tables
      // scroll inside their own region; everything else has to wrap. At desktop widths the
      // side-by-side simulation grows past the prose column (sim.css) and must take only the
      // room the main pane has.
      for (const width of [1280, 1920, 390, 320]) {
        await resize(page, width, 900);
        expect(await overflow(page), `sideways overflow at ${width} px`).toBe(0);
        // The phone layout: the menu button, the contents dropdown, stacked simulations.
        if (width === 390 && theme === 'light')
          expect(await axeViolations(page), 'axe at 390 px').toEqual([]);
      }
      await resize(page, 1280, 720);

      if (withPolicy && theme === 'light') {
        await page.getByRole('button', { name: 'Search' }).click();
        // Select Pagefind's box as a reader would before typing (it is built after the dialog opens).
        const box = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
        await box.click();
        await box.fill('licence');
        await expect(page.getByRole('dialog').getByRole('link').first()).toBeVisible();
      }
      if (withPolicy) expect(await cspViolations(page), 'policy violations').toEqual([]);
      expect(errors, 'console errors').toEqual([]);

      if (isArticle(path) && theme === 'light') await checkTranscriptsWithoutJs(browser, path);
    });
  }
}
