import { expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/browser.mjs';
import { embedSnippet } from '../../src/components/embedSnippet';

// Issue 23 #7: an embed on another site, in a browser that blocks third-party storage. The host
// page is served from another origin (127.0.0.1 against the site's localhost); in the frame, every
// touch of localStorage or sessionStorage throws, as Chromium does when third-party storage is
// blocked. (See embed.spec.ts for why Local Network Access checks are off.)
const { path: executablePath } = await resolveChromium();
test.use({
  launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'] },
});

async function blockStorageInFrames(page: Page) {
  await page.addInitScript(() => {
    if (window.top === window) return;
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(
            `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
            'SecurityError',
          );
        },
      });
    }
  });
}

/** Every console error and uncaught exception of the page and of its frames. */
function watchAllFrames(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function hostEmbed(page: Page, baseURL: string | undefined, query: string) {
  const site = new URL(baseURL ?? 'http://localhost:4329');
  const src = `${site.origin}/embed/q153066/compare/${query}`;
  const host = `http://127.0.0.1:${site.port}/embed-host.html`;
  await page.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Someone else's page</h1>${embedSnippet(src, 'LiveKB simulation')}</body></html>`,
    }),
  );
  await page.goto(host);
  return page.frameLocator('iframe[title="LiveKB simulation"]');
}

for (const [scheme, query, theme] of [
  ['light', '', 'light'],
  ['dark', '', 'dark'],
  ['light', '?theme=dark', 'dark'],
  ['dark', '?theme=light', 'light'],
] as const) {
  test(`a cross-site embed with storage blocked, reader in ${scheme}${query ? `, ${query}` : ''}: no error, ${theme} theme`, async ({
    page,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await blockStorageInFrames(page);
    const errors = watchAllFrames(page);
    const frame = await hostEmbed(page, baseURL, query);

    await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
    await frame.locator('[data-simulation="compare"]').scrollIntoViewIfNeeded();
    // The frame loads, then its simulation hydrates once in view: two page loads before this holds,
    // longer than Playwright's 5 s on a busy machine (as in embed.spec.ts).
    await expect(frame.locator('[data-simulation="compare"] astro-island[ssr]')).toHaveCount(0, {
      timeout: 15_000,
    });
    await frame.getByRole('button', { name: '+5 min' }).first().click();
    await expect(frame.getByText('00:05:00').first()).toBeVisible();
    // The storage really was blocked in the frame.
    expect(
      await page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.evaluate(() => {
          try {
            return typeof localStorage;
          } catch (e) {
            return (e as Error).name;
          }
        }),
    ).toBe('SecurityError');
    expect(errors).toEqual([]);
  });
}

test('a cross-site embed without ?theme= follows the reader when the system theme changes', async ({
  page,
  baseURL,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await blockStorageInFrames(page);
  const errors = watchAllFrames(page);
  const frame = await hostEmbed(page, baseURL, '');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(errors).toEqual([]);
});

test('the site’s theme picker works, and remembers, with storage allowed; works for the page with it blocked', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const errors = watchAllFrames(page);
  await page.goto('/glossary/');
  await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('combobox', { name: 'Select theme' }).first()).toHaveValue('light');

  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(errors).toEqual([]);
});
