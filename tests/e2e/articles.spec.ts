import { expect, test } from '@playwright/test';
import { publishedPaths, waitForHydration } from './helpers';

// Every article the build published (fixtures included in the test build): a new article is
// covered by these tests without editing them.
const articles = publishedPaths().filter((p) => /^\/kb\/q\d{6}\/$/.test(p));

test('the test build carries the fixture article and at least one real one', () => {
  expect(articles).toContain('/kb/q000001/');
  expect(articles.length).toBeGreaterThanOrEqual(2);
});

// Each article's transcripts without JavaScript, and its simulations hydrating without console
// errors: pages.spec.ts, in its visit to the article.

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
