import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** One rule of dist/_headers: a path pattern, the headers it sets, and those it detaches (`! Name`). */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
  detach: string[];
}

/** Parses a `_headers` text the way Cloudflare Pages and Netlify do (comments and blank lines skipped). */
export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {}, detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    const detached = line.trim().match(/^!\s*(\S+)$/)?.[1];
    if (rule && detached) {
      rule.detach.push(detached);
      continue;
    }
    const at = line.indexOf(':');
    if (rule && at > 0) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}

/** Reads dist/_headers. */
export const readHeaderRules = (): HeaderRule[] =>
  parseHeaderRules(readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8'));

/** Whether a rule's pattern matches a path: exactly, or below a `*` splat. */
export const patternMatches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

export const rulesFor = (rules: HeaderRule[], path: string) =>
  rules.filter((r) => patternMatches(r.pattern, path));

/**
 * The headers a host serves at `path`, the way Cloudflare Pages applies `_headers`: every matching
 * rule in file order; a `! Name` line removes the header so far; a header set by two rules gets
 * both values, joined with ", " (for a policy: two policies, both enforced). Names are lower case.
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const served = new Map<string, string>();
  const set = new Set<string>();
  for (const rule of rulesFor(rules, path)) {
    for (const name of rule.detach) served.delete(name.toLowerCase());
    for (const [name, value] of Object.entries(rule.headers)) {
      const key = name.toLowerCase();
      const before = served.get(key);
      served.set(key, set.has(key) && before !== undefined ? `${before}, ${value}` : value);
      set.add(key);
    }
  }
  return Object.fromEntries(served);
}

/** A policy as directive name → set of sources. */
export function parsePolicy(csp: string): Map<string, Set<string>> {
  const policy = new Map<string, Set<string>>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), new Set(sources));
  }
  return policy;
}

/**
 * Serves the page with the header policy of its `_headers` rule, as Netlify or Cloudflare would:
 * the browser then enforces the header and the page's `<meta>` policy together.
 */
export async function serveWithHeaderPolicy(page: Page, path: string, policy: string) {
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
export async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
