import { expect, test } from '@playwright/test';
import { findTags } from '../../scripts/dist-parse.mjs';
import { PER_PAGE } from '../../src/integrations/security-headers';
import {
  parsePolicy,
  readHeaderRules,
  recordViolations,
  policyRuleFor as ruleFor,
  serveWithHeaderPolicy,
  cspViolations as violations,
} from './headers';
import { publishedPaths, waitForHydration } from './helpers';

const rules = readHeaderRules();
const policyRuleFor = (path: string) => ruleFor(rules, path);

// Each page in the browser, with its header policy enforced and a search run under it, with no
// violation and no console error: pages.spec.ts (one visit per page and theme). Here, what the
// policies say, for every page of the sitemap, read from the served HTML.
test('every page: a strict policy in the <meta>, and the _headers rule allows what it allows and forbids framing', async ({
  request,
}) => {
  for (const path of publishedPaths()) {
    const rule = policyRuleFor(path);
    const headerPolicy = rule.headers['Content-Security-Policy'] ?? '';
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
    expect(rule.headers['X-Frame-Options'], path).toBe('DENY');
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
  await expect(page.locator('#play .kb-sm__table tbody tr')).toHaveCount(2);
  await expect(page.locator('#compare .kb-clock__value')).toHaveText('00:00:00');
  expect(await violations(page)).toEqual([]);
});

test('the security headers apply to every path, and /embed/* may be framed by other sites', () => {
  const all = rules[0];
  expect(all?.pattern).toBe('/*');
  for (const header of [
    'X-Content-Type-Options',
    'Referrer-Policy',
    'Permissions-Policy',
    'Strict-Transport-Security',
  ]) {
    expect(all?.headers[header], header).toBeTruthy();
  }
  // X-Frame-Options is per rule, so /embed/* can do without it.
  expect(all?.headers['X-Frame-Options']).toBeUndefined();

  const embed = policyRuleFor('/embed/q153066/');
  expect(embed.pattern).toBe('/embed/*');
  expect(parsePolicy(embed.headers['Content-Security-Policy'] ?? '').get('frame-ancestors')).toEqual(
    new Set(['*']),
  );
  expect(embed.headers['X-Frame-Options']).toBeUndefined();
});

test('_headers has a few pattern rules, not one per page: articles share /kb/*', () => {
  expect(policyRuleFor('/kb/q153066/').pattern).toBe('/kb/*');
  // An upper-case address is served the 404 page, which forwards it: its script must be allowed there.
  expect(policyRuleFor('/kb/Q153066/').pattern).toBe('/kb/*');
  expect(rules.length).toBeLessThanOrEqual(30);
  for (const rule of rules) {
    if (rule.headers['Content-Security-Policy'] && rule.pattern !== '/embed/*') {
      expect(rule.headers['X-Frame-Options'], rule.pattern).toBe('DENY');
      expect(rule.headers['Content-Security-Policy'], rule.pattern).toContain("frame-ancestors 'none'");
    }
  }
});

test('the 404 page forwards an upper-case article address under the /kb/* header policy', async ({
  page,
}) => {
  await recordViolations(page);
  const policy = policyRuleFor('/kb/Q153066/').headers['Content-Security-Policy'] ?? '';
  await serveWithHeaderPolicy(page, '/kb/Q153066/', policy);

  await page.goto('/kb/Q153066/?from=csp#symptoms');

  await expect(page).toHaveURL(/\/kb\/q153066\/\?from=csp#symptoms$/);
  expect(await violations(page)).toEqual([]);
});
