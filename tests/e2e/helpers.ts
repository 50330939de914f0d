import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Every page the build published, read from its sitemap, as paths. */
export function publishedPaths(): string[] {
  const xml = readFileSync(new URL('../../dist/sitemap-0.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc as string).pathname);
}

/** Collects console errors and uncaught exceptions for the life of the page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export type Theme = 'light' | 'dark';

/** Opens a page in the given theme, the way a reader's system preference would choose it. */
export async function gotoThemed(page: Page, path: string, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Resolves once every island on the page, or under `within`, has hydrated (Astro drops `ssr` when it has). */
export async function waitForHydration(page: Page, within = 'html') {
  await expect(page.locator(`${within} astro-island[ssr]`)).toHaveCount(0);
}

export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Opens a simulation's panel (a tab below the picture: Server Manager, Performance Monitor, net use,
 * Event log) the way a keyboard user does, unless it is open, and waits until its code has loaded.
 */
export async function openPanel(root: Locator, name: string) {
  const tab = root.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') {
    await tab.focus();
    await tab.press('Enter');
  }
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(root.getByRole('tabpanel', { name })).not.toHaveAttribute('aria-busy', 'true');
}
