import { readFileSync } from 'node:fs';

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
