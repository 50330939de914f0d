import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** One rule of dist/_headers: a path pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Reads dist/_headers the way Netlify and Cloudflare Pages do (comments and blank lines skipped). */
export function readHeaderRules(): HeaderRule[] {
  const text = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const at = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && at > 0) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}

/** Whether a rule's pattern matches a path: exactly, or below a `*` splat. */
export const patternMatches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

export const rulesFor = (rules: HeaderRule[], path: string) =>
  rules.filter((r) => patternMatches(r.pattern, path));

/** A policy as directive name → set of sources. */
export function parsePolicy(csp: string): Map<string, Set<string>> {
  const policy = new Map<string, Set<string>>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), new Set(sources));
  }
  return policy;
}

/** The one `_headers` rule with a policy that applies to `path` (rules must not overlap). */
export function policyRuleFor(rules: HeaderRule[], path: string) {
  const matching = rulesFor(rules, path).filter((r) => r.headers['Content-Security-Policy']);
  expect(
    matching.map((r) => r.pattern),
    `rules with a policy for ${path}`,
  ).toHaveLength(1);
  return matching[0] as (typeof matching)[number];
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
