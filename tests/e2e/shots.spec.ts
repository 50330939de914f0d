import { expect, type Page, test } from '@playwright/test';
import { gotoThemed, waitForHydration } from './helpers';

/*
 * Screenshots for a closing note (issue "The picture is the simulation"): desktop light and phone
 * dark, each with its page height printed. Tagged @review, so outside `npm test`; run with
 * `SHOTS_DIR=dir npx playwright test tests/e2e/shots.spec.ts --grep @review` after a build.
 */

const VIEWS = [
  ['desktop-light', { width: 1280, height: 800 }, 'light'],
  ['phone-dark', { width: 390, height: 844 }, 'dark'],
] as const;

async function shoot(page: Page, name: string, target: string, file: string) {
  const dir = process.env.SHOTS_DIR ?? test.info().outputPath();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page
    .locator(target)
    .first()
    .screenshot({ path: `${dir}/${file}.png` });
  console.log(`shot ${file}.png: ${name}; page height ${height} px`);
  await test.info().attach(file, { path: `${dir}/${file}.png`, contentType: 'image/png' });
}

async function openSim(page: Page, path: string, id: string, theme: 'light' | 'dark') {
  await gotoThemed(page, path, theme);
  await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
  await waitForHydration(page, `#${id}`);
  return page.locator(`#${id}`);
}

for (const [view, viewport, theme] of VIEWS) {
  test.describe(`shots, ${view}`, { tag: '@review' }, () => {
    test.use({ viewport });

    test('Q153066 side by side at 00:02:00 and 00:17:00', async ({ page }) => {
      const root = await openSim(page, '/kb/q153066/', 'compare', theme);
      for (let i = 0; i < 2; i++) await root.getByRole('button', { name: '+1 min' }).click();
      await expect(root.locator('.kb-clock__value')).toHaveText('00:02:00');
      await shoot(
        page,
        'Q153066 side by side at 00:02:00',
        '#compare .kb-sim__live',
        `q153066-compare-0002-${view}`,
      );
      for (let i = 0; i < 3; i++) await root.getByRole('button', { name: '+5 min' }).click();
      await expect(root.locator('.kb-clock__value')).toHaveText('00:17:00');
      await shoot(
        page,
        'Q153066 side by side at 00:17:00',
        '#compare .kb-sim__live',
        `q153066-compare-0017-${view}`,
      );
    });

    test('free play right after an error 71', async ({ page }) => {
      const root = await openSim(page, '/kb/q153066/', 'play', theme);
      await root.getByRole('combobox', { name: 'Per-server licences (from the start)' }).selectOption('1');
      await root.getByRole('button', { name: 'Connect', exact: true }).click();
      await root.getByRole('combobox', { name: 'Computer' }).selectOption('WKS2');
      await root.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(root.locator('.kb-sim__live .kb-pic__refused')).toHaveCount(1);
      await shoot(page, 'free play after error 71', '#play .kb-sim__live', `free-play-error-71-${view}`);
    });

    test('Q159600 when its counters differ', async ({ page }) => {
      const root = await openSim(page, '/kb/q159600/', 'compare', theme);
      // The scenario's autodisconnect: the counters the article turns on move from 0.
      await root.getByRole('button', { name: 'To the next autodisconnect' }).click();
      await expect(root.locator('.kb-evidence__figure', { hasText: 'Sessions Timed Out' })).toContainText(
        /[1-9]/,
      );
      await shoot(
        page,
        'Q159600 when its counters differ',
        '#compare .kb-sim__live',
        `q159600-counters-${view}`,
      );
    });

    test('a troubleshooter landing', async ({ page }) => {
      await gotoThemed(page, '/troubleshooter/?see=errored&v=4.0&users=no&ad=10', theme);
      await waitForHydration(page);
      const href =
        (await page.locator('.kb-ts__island [data-result] a[data-link="simulation"]').getAttribute('href')) ??
        '';
      const root = await openSim(page, href, 'compare', theme);
      await expect(root.locator('.kb-landing')).toBeVisible();
      await shoot(page, 'troubleshooter landing', '#compare', `troubleshooter-landing-${view}`);
    });

    test('a printed page', async ({ page }) => {
      await gotoThemed(page, '/kb/q153066/', theme);
      await page.emulateMedia({ media: 'print', colorScheme: theme });
      await shoot(page, 'printed page (print media)', 'main', `printed-q153066-${view}`);
    });
  });
}
