import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/browser.mjs';
import { embedSnippet } from '../../src/components/embedSnippet';
import { encode } from '../../src/machines/nt-server/link';
import { axeViolations, publishedPaths, waitForHydration } from './helpers';

// The host page below is served by the test itself, which Chromium's Local Network Access checks
// treat as a public page reaching into localhost; a real host on the web framing a public LiveKB
// does not meet that check.
const { path: executablePath } = await resolveChromium();
test.use({
  launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'] },
});

const dist = new URL('../../dist/embed/', import.meta.url);
const embeds = readdirSync(dist).flatMap((article) =>
  readdirSync(new URL(`${article}/`, dist)).map((sim) => `/embed/${article}/${sim}/`),
);

test('every article simulation has an embed page, and none is in the sitemap', () => {
  expect(embeds).toEqual(expect.arrayContaining(['/embed/q153066/scenario/', '/embed/q153066/compare/']));
  expect(publishedPaths().filter((p) => p.startsWith('/embed/'))).toEqual([]);
});

// Embed pages are made by one route, one layout per mode (scenario, compare, free play); the
// simulations in them are the articles' own, which pages.spec.ts checks with axe on every article
// page in both themes. So every embed page hydrates here, and axe runs on the fullest of each mode.
const html = (path: string) => readFileSync(new URL(`../../dist${path}index.html`, import.meta.url), 'utf8');
const modeOf = (path: string) => html(path).match(/data-simulation="([a-z]+)"/)?.[1] ?? 'none';
const fullestOfMode = new Map<string, string>();
for (const path of embeds) {
  const held = fullestOfMode.get(modeOf(path));
  if (!held || html(path).length > html(held).length) fullestOfMode.set(modeOf(path), path);
}
const axed = new Set(fullestOfMode.values());

test('axe runs on an embed page of every mode', () => {
  expect([...fullestOfMode.keys()].sort()).toEqual(['compare', 'free', 'scenario']);
});

for (const path of embeds) {
  const withAxe = axed.has(path);
  test(`${path}: hydrates${withAxe ? ' and axe finds no violations' : ''}`, async ({ page }) => {
    await page.goto(path);
    await waitForHydration(page);
    await expect(page.locator('[data-simulation] .kb-sim__live')).toBeVisible();
    if (withAxe) expect(await axeViolations(page)).toEqual([]);
  });
}

// Q000002 (a fixture) has no data of its own: it shows Q000001's and Q153066's scenarios (`article=`).
test('an article showing another article’s scenario has its own embed pages, which load and hydrate', async ({
  page,
}) => {
  expect(embeds).toEqual(expect.arrayContaining(['/embed/q000002/borrowed/', '/embed/q000002/play/']));

  await page.goto('/embed/q000002/play/');
  await waitForHydration(page);
  const play = page.locator('#play[data-simulation="free"]');
  await expect(play.locator('.kb-sim__live')).toBeVisible();
  // Q153066's scenario, on Q000002's embed page, whose Embed action frames this page again.
  await expect(play.locator('summary')).toContainText('The user at the same computer cannot use');
  await expect(page.locator('.kb-embed__source a')).toHaveAttribute('href', '/kb/q000002/');
  await play.getByRole('button', { name: 'Embed' }).click();
  await expect(play.getByRole('textbox', { name: /Embed this moment/ })).toHaveValue(
    /<iframe src="http:\/\/localhost:\d+\/embed\/q000002\/play\/\?play=/,
  );

  // A borrowed narrated scenario: its steps point at the passages of the article that has them.
  await page.goto('/embed/q000002/borrowed/');
  await waitForHydration(page);
  const borrowed = page.locator('#borrowed[data-simulation="scenario"]');
  await expect(borrowed.locator('.kb-sim__live')).toBeVisible();
  await expect(borrowed.getByRole('link', { name: /In the article/ })).toHaveAttribute(
    'href',
    '/kb/q000001/#fixture-first',
  );
});

test('another site frames a simulation, drives it, and the frame reports its height', async ({
  page,
  baseURL,
}) => {
  // The host page lives on another origin (127.0.0.1 against the site's localhost).
  const site = new URL(baseURL ?? 'http://localhost:4329');
  const src = `${site.origin}/embed/q153066/compare/?theme=dark`;
  const host = `http://127.0.0.1:${site.port}/embed-host.html`;
  await page.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Someone else's page</h1>${embedSnippet(src, 'LiveKB simulation')}</body></html>`,
    }),
  );
  await page.goto(host);
  const iframe = page.locator('iframe[title="LiveKB simulation"]');
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  const frame = page.frameLocator('iframe[title="LiveKB simulation"]');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The frame loads lazily, then its simulation hydrates: two page loads before this holds, longer
  // than Playwright's 5 s on a busy machine.
  await expect(frame.locator('[data-simulation="compare"] astro-island[ssr]')).toHaveCount(0, {
    timeout: 15_000,
  });
  // The snippet sized the frame from the embed's message: taller than the default 720 px. The
  // message follows hydration and the host's resize observer, so it gets the same extra time.
  await expect
    .poll(async () => (await iframe.boundingBox())?.height ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(800);
  await frame.getByRole('button', { name: '+5 min' }).first().click();
  await expect(frame.getByText('00:05:00').first()).toBeVisible();
});

test('a message from any other window does not resize the frame', async ({ page, baseURL }) => {
  const site = new URL(baseURL ?? 'http://localhost:4329');
  const host = `http://127.0.0.1:${site.port}/embed-host.html`;
  const src = `${site.origin}/embed/q153066/scenario/`;
  await page.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>${embedSnippet(src, 'Scenario')}</body></html>`,
    }),
  );
  await page.goto(host);
  const iframe = page.locator('iframe[title="Scenario"]');
  await expect(iframe).toBeVisible();
  const before = (await iframe.boundingBox())?.height;
  await page.evaluate(() => window.postMessage({ type: 'livekb:height', height: 4321 }, '*'));
  await page.waitForTimeout(300);
  expect((await iframe.boundingBox())?.height).not.toBe(4321);
  expect(before).toBeGreaterThan(0);
});

test('an embed page opened at a moment link shows that moment', async ({ page }) => {
  const moment = encode({
    config: { version: '3.51', licenseLimit: 1 },
    tape: [{ at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } }],
    at: 5 * 60_000,
  });
  await page.goto(`/embed/q153066/compare/?compare=${moment}&controls=0`);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('data-embed-controls', 'off');
  await expect(page.getByText('00:05:00').first()).toBeVisible();
});
