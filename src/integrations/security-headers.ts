import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Headers every response gets (the `/*` rule). X-Frame-Options is not among them: it goes on each
 * page rule with the page's policy, so that `/embed/*` can leave it out (hosts merge or join the
 * values of a header set by two matching rules, and not all of them can remove one).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** Headers of every page that may not be framed: all pages but those under /embed/. */
export const NO_FRAMING: Record<string, string> = { 'X-Frame-Options': 'DENY' };

/** Where pages meant for other sites' iframes live; their rule lets any site frame them. */
export const EMBED_PREFIX = '/embed/';

export const sha256 = (value: string): string =>
  `sha256-${createHash('sha256').update(value).digest('base64')}`;

/**
 * The `style-src` settings for Astro's CSP. Starlight and Expressive Code write style attributes
 * (sidebar depth, icon sizes, code token colours); a strict policy blocks every one of them
 * unless its exact value is hashed under 'unsafe-hashes', which the build does page by page below.
 */
export const styleDirective = {
  resources: ["'self'", { resource: "'unsafe-hashes'", kind: 'attribute' as const }],
};

const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** Browsers hash an attribute's value after decoding its character references. */
const decodeEntities = (value: string) =>
  value.replace(
    /&(quot|amp|lt|gt|#39|#x27);/g,
    (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[name] ?? '',
  );

/**
 * Astro hashes the scripts and styles it bundles, but not the `is:inline` ones Starlight writes
 * (theme provider, search shortcut, sidebar restore). Hash every inline element of the page into
 * its policy, so nothing inline runs unless it is exactly what the build wrote.
 */
function completePolicy(html: string, csp: string): string {
  const hashesOf = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map(([, body]) => `'${sha256(body ?? '')}'`);
  const add = (policy: string, directive: string, hashes: string[]) =>
    policy.replace(new RegExp(`(${directive} [^;]*)`), (found) => {
      const missing = [...new Set(hashes)].filter((h) => !found.includes(h));
      return missing.length ? `${found} ${missing.join(' ')}` : found;
    });
  const attributes = [...html.matchAll(STYLE_ATTRIBUTE)].map(
    ([, value]) => `'${sha256(decodeEntities(value ?? ''))}'`,
  );
  if (attributes.length > 0 && !/style-src-attr /.test(csp)) {
    throw new Error(
      'A page has style attributes but the policy has no style-src-attr directive to hash them into.',
    );
  }
  const withElements = add(
    add(csp, 'script-src', hashesOf(INLINE_SCRIPT)),
    'style-src',
    hashesOf(INLINE_STYLE),
  );
  return add(withElements, 'style-src-attr', attributes);
}
const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

function routeOf(file: string, root: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** A policy as directive name → sources, in the order they were written. */
type Policy = Map<string, string[]>;

export function parsePolicy(csp: string): Policy {
  const policy: Policy = new Map();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export const formatPolicy = (policy: Policy): string =>
  [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** The policy that allows what any of `policies` allows: each directive's sources, merged. */
function unionOf(policies: Policy[]): Policy {
  const union: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const merged = union.get(name) ?? [];
      for (const source of sources) if (!merged.includes(source)) merged.push(source);
      union.set(name, merged);
    }
  }
  return union;
}

/**
 * The `_headers` pattern a page's header policy is written under: pages below a top-level folder
 * share one splat rule (`/kb/*`, `/browse/*`, `/embed/*`); top-level pages (`/`, `/glossary/`,
 * `/404.html`) each get their own. The number of rules follows the site's sections, not its
 * number of articles.
 */
export function patternOf(route: string): string {
  const segments = route.split('/').filter(Boolean);
  return segments.length >= 2 ? `/${segments[0]}/*` : route;
}

/**
 * Directives only a page's own `<meta>` states: their hash lists differ from page to page, and a
 * header with `default-src` but no hashes would block the inline scripts the `<meta>` allows.
 */
export const PER_PAGE = ['default-src', 'script-src', 'style-src', 'style-src-attr'];

/** Cloudflare Pages reads at most 100 rules and 2,000 characters a line from `_headers`. */
const MAX_RULES = 100;
const MAX_LINE = 2000;

export interface SecurityHeadersOptions {
  /**
   * `frame-ancestors` sources for pages under /embed/: who may put them in an iframe. Default `*`
   * (any site); set a space-separated allow-list (e.g. `https://a.example https://b.example`)
   * with LIVEKB_EMBED_ANCESTORS or this option.
   */
  embedAncestors?: string;
}

/**
 * Writes `dist/_headers` (the format Netlify and Cloudflare Pages read) in a few pattern rules:
 *
 * - `/*`: the headers every response gets (SECURITY_HEADERS);
 * - one rule per top-level page and one per folder (`/kb/*`, `/browse/*`): the content security
 *   policy with `frame-ancestors 'none'`, and X-Frame-Options DENY;
 * - `/embed/*`, always, whether or not such pages exist yet: the policy with
 *   `frame-ancestors` from `embedAncestors` (default `*`), and no X-Frame-Options.
 *
 * Each page's `<meta>` keeps its own exact policy, with the hashes of the scripts and styles that
 * page runs. The header carries the rest (PER_PAGE directives left out): the same for every page
 * of a folder and for the 404 page, which hosts serve at any missing address in it, plus
 * `frame-ancestors`, which a `<meta>` cannot carry. Browsers enforce the header and the `<meta>`
 * together, so a page still runs only what its own policy allows, and no header line grows with
 * the number of inline scripts (hosts cap a line: Cloudflare Pages at 2,000 characters).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): AstroIntegration {
  const embedAncestors = options.embedAncestors ?? process.env.LIVEKB_EMBED_ANCESTORS ?? '*';
  return {
    name: 'livekb:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const byPattern = new Map<string, Map<string, Policy>>();
        let notFound: Policy | undefined;
        let pages = 0;
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const astroPolicy = html.match(CSP_META)?.[1];
          if (!astroPolicy) continue;
          const csp = completePolicy(html, astroPolicy);
          if (csp !== astroPolicy) await writeFile(file, html.replace(astroPolicy, csp));
          const route = routeOf(file, root);
          const policy = parsePolicy(csp);
          if (route === '/404.html') notFound = policy;
          const pattern = patternOf(route);
          const policies = byPattern.get(pattern) ?? new Map<string, Policy>();
          policies.set(formatPolicy(policy), policy);
          byPattern.set(pattern, policies);
          pages++;
        }
        const embedRule = `${EMBED_PREFIX}*`;
        if (!byPattern.has(embedRule)) byPattern.set(embedRule, new Map());
        // A folder's own index page (/browse/) also matches its splat rule (/browse/*): rules must
        // not overlap, or hosts would join the two policies, so it joins the folder's rule.
        for (const [pattern, policies] of byPattern) {
          const splat = byPattern.get(`${pattern}*`);
          if (pattern.endsWith('/') && pattern !== '/' && splat) {
            for (const [key, policy] of policies) splat.set(key, policy);
            byPattern.delete(pattern);
          }
        }

        const block = (path: string, headers: Record<string, string>) =>
          `${path}\n${Object.entries(headers)
            .map(([k, v]) => `  ${k}: ${v}`)
            .join('\n')}`;
        const blocks = [
          '# Written by src/integrations/security-headers.ts at build time: one rule per top-level page\n' +
            '# and one per folder; each page also carries its own exact policy in a <meta> element.',
          block('/*', SECURITY_HEADERS),
        ];
        let merged = 0;
        for (const [pattern, policies] of [...byPattern].sort(([a], [b]) => a.localeCompare(b))) {
          const splat = pattern.endsWith('/*');
          const all = [...policies.values()];
          if (splat && notFound) all.push(notFound);
          if (all.length === 0) continue;
          if (policies.size > 1) merged += policies.size;
          const embed = pattern === embedRule;
          const policy = unionOf(all);
          for (const directive of PER_PAGE) policy.delete(directive);
          policy.set('frame-ancestors', embed ? embedAncestors.split(/\s+/) : ["'none'"]);
          const headers = { 'Content-Security-Policy': formatPolicy(policy), ...(embed ? {} : NO_FRAMING) };
          blocks.push(block(pattern, headers));
          // Hosts may serve a top-level page with or without its trailing slash.
          if (!splat && pattern.endsWith('/') && pattern !== '/')
            blocks.push(block(pattern.slice(0, -1), headers));
        }
        const text = `${blocks.join('\n\n')}\n`;
        await writeFile(join(root, '_headers'), text);
        const rules = blocks.length - 2;
        logger.info(
          `_headers written: ${rules} rules for ${pages} pages (${Buffer.byteLength(text).toLocaleString('en-GB')} bytes; ` +
            `${merged} page policies merged into folder rules)`,
        );
        const longest = Math.max(...text.split('\n').map((line) => line.length));
        if (rules > MAX_RULES || longest > MAX_LINE) {
          logger.warn(
            `_headers has ${rules} rules and a line of ${longest} characters; Cloudflare Pages reads at most ${MAX_RULES} rules of ${MAX_LINE} characters a line.`,
          );
        }
      },
    },
  };
}
