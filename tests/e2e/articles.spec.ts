import { expect, test } from '@playwright/test';
import { publishedPaths, waitForHydration, watchConsole } from './helpers';

// Every article the build published (fixtures included in the test build): a new article is
// covered by these tests without editing them.
const articles = publishedPaths().filter((p) => /^\/kb\/q\d{6}\/$/.test(p));

test('the test build carries the fixture article and at least one real one', () => {
  expect(articles).toContain('/kb/q000001/');
  expect(articles.length).toBeGreaterThanOrEqual(2);
});

for (const path of articles) {
  test.describe(path, () => {
    test('without JavaScript, every simulation shows its transcript, with a row per step', async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(path);
      const sims = page.locator('[data-simulation]');
      const count = await sims.count();
      for (let i = 0; i < count; i++) {
        const sim = sims.nth(i);
        await expect(sim.locator('details.kb-transcript')).toHaveAttribute('open', '');
        expect(await sim.locator('.kb-transcript__table tbody tr').count()).toBeGreaterThan(0);
      }
      await context.close();
    });

    test('every simulation hydrates when scrolled into view, without console errors', async ({ page }) => {
      const errors = watchConsole(page);
      await page.goto(path);
      const sims = page.locator('[data-simulation]');
      const count = await sims.count();
      for (let i = 0; i < count; i++) {
        const sim = sims.nth(i);
        await sim.locator('astro-island').first().scrollIntoViewIfNeeded();
        await waitForHydration(page, `#${await sim.getAttribute('id')}`);
        await expect(sim.locator('.kb-sim__live')).toBeVisible();
      }
      expect(errors).toEqual([]);
    });
  });
}

test('two simulations of the same mode on one page keep their own moments', async ({ page }) => {
  await page.goto('/kb/q000001/');
  for (const id of ['scenario', 'second-scenario']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await waitForHydration(page, `#${id}`);
  }
  await page.locator('#scenario').getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#scenario .kb-player__position')).toContainText('Step 2 of 3');
  await expect(page.locator('#second-scenario .kb-player__position')).toContainText('Step 1 of 3');
  await expect(page).toHaveURL(/[?&]scenario=2(&|#|$)/);
  await expect(page).not.toHaveURL(/second-scenario=/);
});
