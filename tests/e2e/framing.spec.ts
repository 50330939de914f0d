import { expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/browser.mjs';
import { headersFor, readHeaderRules } from './headers';

// Issue 23 #9: another site (127.0.0.1 against the site's localhost) frames LiveKB addresses, each
// served with the headers `_headers` gives it. Only embeds show. (See embed.spec.ts for why Local
// Network Access checks are off.)
const { path: executablePath } = await resolveChromium();
test.use({
  launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'] },
});

const rules = readHeaderRules();
const servedAt = (path: string) => headersFor(rules, path);

/** Serves `path` with the headers `_headers` gives it, as a host would. */
async function serveWithHeaders(page: Page, path: string) {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...servedAt(path) } });
    },
  );
}

for (const [path, framed] of [
  ['/nope', false],
  ['/KB/Q153066/', false],
  ['/glossary/index.html', false],
  ['/embed/q153066/scenario/', true],
] as const) {
  test(`${path}: ${framed ? 'shows in' : 'refuses'} another site’s frame`, async ({ page, baseURL }) => {
    const site = new URL(baseURL ?? 'http://localhost:4329');
    const host = `http://127.0.0.1:${site.port}/host.html`;
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe title="framed" src="${site.origin}${path}"></iframe></body></html>`,
      }),
    );
    await serveWithHeaders(page, path);
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === path);
    await page.goto(host);
    await loaded;
    const frame = page.frameLocator('iframe[title="framed"]');
    if (framed) await expect(frame.locator('main')).toBeVisible();
    else {
      await expect
        .poll(
          () =>
            page
              .frames()
              .find((f) => f !== page.mainFrame())
              ?.url() ?? '',
        )
        .toMatch(/^chrome-error:/);
      await expect(frame.locator('main')).toHaveCount(0);
    }
  });
}
