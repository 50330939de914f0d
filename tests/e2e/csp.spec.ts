import { expect, type Page, test } from '@playwright/test';
import { PER_PAGE } from '../../src/integrations/security-headers';
import { headersFor, parsePolicy, readHeaderRules } from './headers';
import { publishedPaths, waitForHydration, watchConsole } from './helpers';

const rules = readHeaderRules();

/** The headers a host serves at `path` from `_headers` (every matching rule, as Cloudflare Pages applies them). */
const servedAt = (path: string) => headersFor(rules, path);

/**
 * Serves the page with the header policy of its `_headers` rule, as Netlify or Cloudflare would:
 * the browser then enforces the header and the page's `<meta>` policy together.
 */
async function serveWithHeaderPolicy(page: Page, path: string, policy: string) {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': policy },
      });
    },
  );
}

/** Records every Content Security Policy violation the page reports, from its first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

for (const path of publishedPaths()) {
  test(`${path}: a strict policy, enforced in the <meta> and the _headers rule, and nothing violates it`, async ({
    page,
  }) => {
    const served = servedAt(path);
    const headerPolicy = served['content-security-policy'] ?? '';
    await recordViolations(page);
    await serveWithHeaderPolicy(page, path, headerPolicy);
    const errors = watchConsole(page);

    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Search' }).click();
    // Select Pagefind's box as a reader would before typing (it is built after the dialog opens).
    const box = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
    await box.click();
    await box.fill('licence');
    await expect(page.getByRole('dialog').getByRole('link').first()).toBeVisible({ timeout: 15_000 });

    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // The header leaves scripts and styles to the page's own hashed policy, allows everything else
    // the page's policy allows, forbids framing, and fits a host's header line.
    const header = parsePolicy(headerPolicy);
    for (const [directive, sources] of parsePolicy(policy ?? '')) {
      if (PER_PAGE.includes(directive)) expect(header.has(directive), directive).toBe(false);
      else
        for (const source of sources)
          expect(header.get(directive), `${directive} ${source}`).toContain(source);
    }
    expect(header.get('frame-ancestors')).toEqual(new Set(["'none'"]));
    expect(headerPolicy.length).toBeLessThan(2000);
    expect(served['x-frame-options']).toBe('DENY');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('every simulation works under the policy', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/kb/q153066/');
  for (const id of ['scenario', 'compare', 'play'])
    await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
  await waitForHydration(page);

  await page.locator('#scenario').getByRole('button', { name: 'Next' }).click();
  await page.locator('#compare').getByRole('button', { name: 'To the next autodisconnect' }).click();
  await page.locator('#play').getByRole('button', { name: 'Connect', exact: true }).click();
  await page.locator('#compare').getByRole('slider', { name: 'Time' }).press('Home');

  await expect(page.locator('#scenario .kb-player__position')).toContainText('Step 2 of');
  await expect(page.locator('#play .kb-sm__table tbody tr')).toHaveCount(2);
  await expect(page.locator('#compare .kb-clock__value')).toHaveText('00:00:00');
  expect(await violations(page)).toEqual([]);
});

test('the security headers apply to every path, and /embed/* may be framed by other sites', () => {
  for (const path of ['/', '/nope', '/embed/q153066/compare/']) {
    const served = servedAt(path);
    for (const header of [
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'strict-transport-security',
    ]) {
      expect(served[header], `${path} ${header}`).toBeTruthy();
    }
  }
  const embed = servedAt('/embed/q153066/compare/');
  expect(parsePolicy(embed['content-security-policy'] ?? '').get('frame-ancestors')).toEqual(new Set(['*']));
  expect(embed['x-frame-options']).toBeUndefined();
});

// Issue 23 #9: addresses with no page of their own (served the 404 page) and the index.html form
// of every page carry the policy with frame-ancestors 'none' and X-Frame-Options, like the pages.
test('_headers covers every address: each page in every form, missing ones, in two rules', () => {
  expect(rules.map((r) => r.pattern)).toEqual(['/*', '/embed/*']);
  const forms = (path: string) =>
    path.endsWith('/') ? [path, `${path}index.html`, path === '/' ? '/' : path.slice(0, -1)] : [path];
  const paths = [
    ...publishedPaths().flatMap(forms),
    '/nope',
    '/KB/Q153066/',
    '/kb/Q153066/',
    '/nope/deeper/index.html',
    '/404.html',
  ];
  for (const path of paths) {
    const served = servedAt(path);
    expect(served['x-frame-options'], path).toBe('DENY');
    const policy = served['content-security-policy'] ?? '';
    expect(policy, path).not.toContain(', ');
    expect(parsePolicy(policy).get('frame-ancestors'), path).toEqual(new Set(["'none'"]));
  }
});

test('the 404 page forwards an upper-case article address under the header policy', async ({ page }) => {
  await recordViolations(page);
  const policy = servedAt('/kb/Q153066/')['content-security-policy'] ?? '';
  await serveWithHeaderPolicy(page, '/kb/Q153066/', policy);

  await page.goto('/kb/Q153066/?from=csp#symptoms');

  await expect(page).toHaveURL(/\/kb\/q153066\/\?from=csp#symptoms$/);
  expect(await violations(page)).toEqual([]);
});
