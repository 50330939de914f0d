import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { publishedPaths, waitForHydration, watchConsole } from './helpers';

const headers = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');

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
  test(`${path}: a strict policy, enforced, and nothing violates it`, async ({ page }) => {
    await recordViolations(page);
    const errors = watchConsole(page);

    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill('licence');
    await expect(page.getByRole('dialog').getByRole('link').first()).toBeVisible();

    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(headers).toContain(`\n${path}\n  Content-Security-Policy: ${policy}`);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('every simulation works under the policy', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/kb/q153066/');
  for (const id of ['scenario', 'compare', 'play']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
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

test('the security headers apply to every path', () => {
  const all = headers.slice(0, headers.indexOf('\n\n'));
  expect(all.split('\n')[0]).toBe('/*');
  for (const header of [
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy:',
    'X-Frame-Options: DENY',
    'Permissions-Policy:',
  ]) {
    expect(all).toContain(header);
  }
  expect(headers).toContain("frame-ancestors 'none'");
});
