import { expect, test } from '@playwright/test';
import { encode } from '../../src/machines/nt-server/link';
import { publishedPaths, waitForHydration } from './helpers';

const paths = publishedPaths();

test('the sitemap lists the home page, the glossary and the article', () => {
  expect(paths).toEqual(expect.arrayContaining(['/', '/glossary/', '/kb/q153066/']));
});

// Each page in each theme, with axe, overflow at every width and console errors: pages.spec.ts.

test('at 1920 px the side-by-side simulation is wider than the prose, between sidebar and contents', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/kb/q153066/#compare');
  await waitForHydration(page, '#compare');

  const box = async (selector: string) => {
    const found = await page.locator(selector).first().boundingBox();
    if (!found) throw new Error(`${selector} has no box`);
    return { left: found.x, right: found.x + found.width, width: found.width };
  };
  const sim = await box('#compare');
  const prose = await box('.sl-markdown-content');
  const sidebar = await box('#starlight__sidebar');
  const toc = await box('.right-sidebar');

  // Prose keeps Starlight's measure (--sl-content-width, 45rem); the simulation grows to its start side.
  expect(prose.width).toBeLessThanOrEqual(720);
  expect(sim.width).toBeGreaterThan(prose.width + 100);
  expect(sim.right).toBeCloseTo(prose.right, 0);
  expect(sim.left).toBeGreaterThan(sidebar.right);
  expect(sim.right).toBeLessThan(toc.left);
  // The live view inside uses the extra width.
  expect((await box('#compare .kb-sim__live')).width).toBeGreaterThan(prose.width);
});

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
    // Q153066's front matter names eight (Q231795 and Q258837 among them since they were published).
    await expect(items).toHaveCount(8);
    // Articles LiveKB publishes link inside the site; the others are marked.
    const sibling = items.filter({ hasText: 'Q153070' });
    await expect(sibling.getByRole('link')).toHaveAttribute('href', '/kb/q153070/');
    await expect(sibling).not.toContainText('not yet on LiveKB');
    const elsewhere = items.filter({ hasText: 'Q138365' });
    await expect(elsewhere).toContainText('Q138365, on how autodisconnect works in Windows NT');
    await expect(elsewhere).toContainText('(not yet on LiveKB)');
  });

  test('the home page lists the article from the collection, its topics and the troubleshooter and onboarding', async ({
    page,
  }) => {
    await page.goto('/');
    const main = page.getByRole('main');

    const link = main.getByRole('link', { name: /Q153066/ }).last();
    await expect(link).toHaveAttribute('href', '/kb/q153066/');
    await expect(main.getByRole('heading', { name: 'By topic' })).toBeVisible();
    await expect(main.locator('a[href^="/browse/topic/"]').first()).toBeVisible();
    await expect(main.locator('a[href="/troubleshooter/"]').first()).toBeVisible();
    await expect(main.locator('a[href="/onboarding/"]').first()).toBeVisible();
  });
});

// A real moment: the compare island, which hydrates at once here, keeps a link it can read (an
// unreadable one leaves the address by design, so it cannot stand in for a shared link).
const moment = encode({
  config: { version: '3.51', licenseLimit: 1 },
  tape: [{ at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } }],
  at: 5 * 60_000,
});
for (const [from, to] of [
  [`/kb/Q153066/?compare=${moment}&ref=mail#compare`, `/kb/q153066/?compare=${moment}&ref=mail#compare`],
  ['/kb/Q153066', '/kb/q153066'],
  ['/KB/Q153066/#resolution', '/kb/q153066/#resolution'],
] as const) {
  test(`${from.replace(moment, '<moment>')} forwards to ${to.replace(moment, '<moment>')}, keeping the query and the fragment`, async ({
    page,
  }) => {
    await page.goto(from);

    await expect(page).toHaveURL((url) => url.pathname + url.search + url.hash === to);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/IPC\$ connections do not disconnect/i);
    if (to.includes('#compare')) {
      // The moment arrived: the island shows it, and the address still carries it after hydration.
      await waitForHydration(page, '#compare');
      await expect(page.locator('#compare .kb-clock__value')).toHaveText('00:05:00');
      expect(new URL(page.url()).search).toBe(new URL(to, 'http://x').search);
    }
  });
}

test('an address that is already lower case and missing stays on the 404 page', async ({ page }) => {
  const response = await page.goto('/kb/q999999/?x=1');

  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL(/\/kb\/q999999\/\?x=1$/);
  await expect(page.getByText('Article addresses are lower case')).toBeVisible();
});

test("an article's sidebar shows the site's sections and its neighbourhood, not every article", async ({
  page,
}) => {
  await page.goto('/kb/q153066/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });

  for (const [name, href] of [
    ['Home', '/'],
    ['Browse all articles', '/browse/'],
    [/Troubleshooter/, '/troubleshooter/'],
    [/Onboarding/, '/onboarding/'],
    ['Glossary', '/glossary/'],
  ] as const) {
    await expect(sidebar.getByRole('link', { name, exact: typeof name === 'string' })).toHaveAttribute(
      'href',
      href,
    );
  }
  const current = sidebar.locator('a[aria-current="page"]');
  await expect(current).toHaveText(/Q153066/);
  await expect(current).toHaveAttribute('href', '/kb/q153066/');
  // Its topic (from the metadata) and its product's versions, each linking to a browse page.
  await expect(sidebar.getByText(/^Topic: /)).toBeVisible();
  await expect(sidebar.getByRole('link', { name: /^All articles on / })).toHaveAttribute(
    'href',
    /^\/browse\/topic\/[a-z0-9.-]+\/$/,
  );
  await expect(sidebar.getByRole('link', { name: 'Version 3.51', exact: true })).toHaveAttribute(
    'href',
    '/browse/version/microsoft-windows-nt-server/3.51/',
  );
  // At most the neighbours around the article, plus the sections and the browse links.
  expect(await sidebar.getByRole('link').count()).toBeLessThanOrEqual(5 + 8 + 10);

  await page.goto('/glossary/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText(/^Topic: /)).toHaveCount(0);
});

test('browse pages list the articles of a topic, a product and a version, with a pager when they need one', async ({
  page,
}) => {
  await page.goto('/browse/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Browse all articles');

  for (const name of [/^Windows NT Server$/, /^3\.51$/]) {
    await page.goto('/browse/');
    await page.getByRole('main').getByRole('link', { name }).first().click();
    const list = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Applies to' });
    await expect(list.getByRole('link', { name: /Q153066/ })).toHaveAttribute('href', '/kb/q153066/');
    const pager = page.getByRole('navigation', { name: 'Pages of this list' });
    const count = await list.count();
    // 50 articles a page: a pager appears only when a listing has more.
    if (count < 50) await expect(pager).toHaveCount(0);
    else await expect(pager.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  }
});

test('robots.txt allows crawling and names the sitemap at the site address', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.ok()).toBe(true);
  const text = await response.text();

  expect(text).toMatch(/^User-agent: \*$/m);
  const sitemap = text.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemap).toMatch(/^https?:\/\/[^/]+\/sitemap-index\.xml$/);
  // The same origin the sitemap and canonical links use (astro.config.mjs `site`).
  const canonical = await (await request.get('/kb/q153066/')).text();
  expect(canonical).toContain(`<link rel="canonical" href="${new URL('/kb/q153066/', sitemap).href}"`);
  expect((await request.get(new URL(sitemap as string).pathname)).ok()).toBe(true);
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
