import { expect, test } from '@playwright/test';
import { axeViolations, gotoThemed, publishedPaths, waitForHydration, watchConsole } from './helpers';

const paths = publishedPaths();

test('the sitemap lists the home page, the glossary and the article', () => {
  expect(paths).toEqual(expect.arrayContaining(['/', '/glossary/', '/kb/q153066/']));
});

for (const path of [...paths, '/kb/Q153066/', '/404.html']) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} in ${theme}: loads without console errors and axe finds no violations`, async ({
      page,
    }) => {
      const errors = watchConsole(page);

      await gotoThemed(page, path, theme);
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);

      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}

for (const path of paths) {
  test(`${path} at phone width: axe finds no violations`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');

    expect(await axeViolations(page)).toEqual([]);
  });
}

// WCAG 1.4.10: at 320 CSS pixels nothing may make the page scroll sideways. Wide tables scroll
// inside their own region; everything else has to wrap.
for (const path of paths) {
  test(`${path} at 320 px wide: nothing overflows sideways once every island has hydrated`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(path);

    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

    expect(overflow).toBe(0);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article shows its Applies to block and its three sections', async ({ page }) => {
    await page.goto('/kb/q153066/');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/IPC\$ connections do not disconnect/i);
    const applies = page.getByRole('complementary', { name: 'Applies to' });
    await expect(applies).toContainText('Q153066');
    await expect(applies).toContainText('Windows NT Server');
    await expect(applies).toContainText('3.51');
    for (const [id, name] of [
      ['symptoms', 'Symptoms'],
      ['resolution', 'Resolution'],
      ['more-information', 'More information'],
    ]) {
      const heading = page.locator(`h2#${id}`);
      await expect(heading).toHaveText(name);
      await expect(heading).toBeVisible();
    }
  });

  test('the article lists its related articles from the metadata, marking those not yet published', async ({
    page,
  }) => {
    await page.goto('/kb/q153066/');

    const related = page.getByRole('region', { name: 'Related articles' });
    const items = related.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.first()).toContainText('Q138365, on how autodisconnect works in Windows NT');
    await expect(items.first()).toContainText('(not yet on LiveKB)');
  });

  test('the home page lists the article from the collection', async ({ page }) => {
    await page.goto('/');

    const link = page.getByRole('link', { name: /Q153066/ }).last();
    await expect(link).toHaveAttribute('href', '/kb/q153066/');
  });
});

test('/kb/Q153066 reaches the article', async ({ page }) => {
  await page.goto('/kb/Q153066');

  await expect(page).toHaveURL(/\/kb\/q153066\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/IPC\$ connections do not disconnect/i);
});

test('site search finds the article by "autodisconnect"', async ({ page }) => {
  await page.goto('/');

  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  // Pagefind builds its box after the dialog opens, and on a busy machine after Starlight has
  // tried to focus it: select the box as a reader would, then type.
  const box = dialog.getByRole('textbox', { name: 'Search' });
  await box.click();
  await page.keyboard.type('autodisconnect');
  await expect(box).toHaveValue('autodisconnect');

  const result = dialog.getByRole('link', { name: /IPC\$ connections do not disconnect/i }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/kb\/q153066\//);
});

test('site search finds words that only the static transcript contains', async ({ page }) => {
  await page.goto('/');

  await page.getByRole('button', { name: 'Search' }).click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Search' })
    .fill('Eight minutes later nothing has happened');

  await expect(
    page
      .getByRole('dialog')
      .getByRole('link', { name: /IPC\$ connections do not disconnect/i })
      .first(),
  ).toBeVisible();
});

test('glossary terms are linked from the article where they first appear', async ({ page }) => {
  await page.goto('/kb/q153066/');

  for (const term of ['ipc', 'session', 'autodisconnect', 'license-logging-service', 'per-server']) {
    const links = page.locator(`.sl-markdown-content a[href="/glossary/#${term}"]`);
    await expect(links, `link to glossary term #${term}`).toHaveCount(1);
  }
  await page.goto('/glossary/');
  for (const term of [
    'ipc',
    'session',
    'connection',
    'share',
    'connect-as',
    'autodisconnect',
    'license-manager',
    'license-logging-service',
    'per-server',
    'per-seat',
    'null-session',
  ]) {
    await expect(page.locator(`[id="${term}"]`), `glossary anchor #${term}`).toHaveCount(1);
  }
});
