import { expect, test } from '@playwright/test';
import { findTags } from '../../scripts/dist-parse.mjs';
import { PER_PAGE } from '../../src/integrations/security-headers';
import {
  headersFor,
  parsePolicy,
  readHeaderRules,
  recordViolations,
  serveWithHeaderPolicy,
  cspViolations as violations,
} from './headers';
import { openPanel, publishedPaths, waitForHydration } from './helpers';

const rules = readHeaderRules();
/** The headers a host serves at `path` from `_headers` (every matching rule, as Cloudflare Pages applies them). */
const servedAt = (path: string) => headersFor(rules, path);

// Each page in the browser, with its header policy enforced and a search run under it, with no
// violation and no console error: pages.spec.ts (one visit per page and theme). Here, what the
// policies say, for every page of the sitemap, read from the served HTML.
test('every page: a strict policy in the <meta>, and the _headers rule allows what it allows and forbids framing', async ({
  request,
}) => {
  for (const path of publishedPaths()) {
    const served = servedAt(path);
    const headerPolicy = served['content-security-policy'] ?? '';
    const html = await (await request.get(path)).text();
    const policy = findTags(html, 'meta').find(
      (m) => (m['http-equiv'] ?? '').toLowerCase() === 'content-security-policy',
    )?.content;

    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toMatch(/script-src 'self'/);
    expect(policy, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // The header leaves scripts and styles to the page's own hashed policy, allows everything else
    // the page's policy allows, forbids framing, and fits a host's header line.
    const header = parsePolicy(headerPolicy);
    for (const [directive, sources] of parsePolicy(policy ?? '')) {
      if (PER_PAGE.includes(directive)) expect(header.has(directive), `${path} ${directive}`).toBe(false);
      else
        for (const source of sources)
          expect(header.get(directive), `${path} ${directive} ${source}`).toContain(source);
    }
    expect(header.get('frame-ancestors'), path).toEqual(new Set(["'none'"]));
    expect(headerPolicy.length, path).toBeLessThan(2000);
    expect(served['x-frame-options'], path).toBe('DENY');
  }
});

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
  // A panel's code loads by its chunk's address when opened: under the policy too.
  await openPanel(page.locator('#play'), 'Server Manager');
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
