import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Headers every response gets (the `/*` rule), the embeds included. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** Headers of every address that may not be framed: all but those under /embed/ (which detach them). */
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
 * Directives only a page's own `<meta>` states: their hash lists differ from page to page, and a
 * header with `default-src` but no hashes would block the inline scripts the `<meta>` allows.
 */
export const PER_PAGE = ['default-src', 'script-src', 'style-src', 'style-src-attr'];

/** Cloudflare Pages reads at most 2,000 characters a line (and 100 rules) from `_headers`. */
const MAX_LINE = 2000;

export interface SecurityHeadersOptions {
  /**
   * `frame-ancestors` sources for pages under /embed/: who may put them in an iframe. Default `*`
   * (any site); set a space-separated allow-list (e.g. `https://a.example https://b.example`)
   * with LIVEKB_EMBED_ANCESTORS or this option.
   */
  embedAncestors?: string;
}

/** One built page: its route (`/kb/q153066/`, `/404.html`) and its complete `<meta>` policy. */
export interface PagePolicy {
  route: string;
  csp: string;
}

/** The header policy of a set of pages: what any of them allows, PER_PAGE directives left out. */
function headerPolicy(policies: Policy[], ancestors: string[]): string {
  const policy = unionOf(policies);
  for (const directive of PER_PAGE) policy.delete(directive);
  policy.set('frame-ancestors', ancestors);
  return formatPolicy(policy);
}

/**
 * The text of `dist/_headers` for the built pages, in two rules that between them cover every
 * address the host serves, whether a page exists there or not (the 404 page), in any form
 * (`/glossary`, `/glossary/`, `/glossary/index.html`):
 *
 * - `/*`: the headers every response gets (SECURITY_HEADERS), the policy of every page but the
 *   embeds (and of the 404 page) with `frame-ancestors 'none'`, and X-Frame-Options DENY;
 * - `/embed/*`, after it: detaches (`! Name`) the policy and X-Frame-Options of `/*`, and sets the
 *   embeds' policy (with the 404 page's, served at a missing embed address) with
 *   `frame-ancestors` from `embedAncestors`, so other sites may frame them.
 *
 * Hosts apply every matching rule in file order; Cloudflare Pages joins the values of a header
 * two rules set (two policies, both enforced) and removes a header at a `! Name` line, which is
 * why the embed rule detaches before it sets. Each page's `<meta>` keeps its own exact policy
 * with the hashes of what that page runs; the header carries the rest (PER_PAGE directives left
 * out, so no line grows with the number of inline scripts) and `frame-ancestors`, which a
 * `<meta>` cannot carry. Browsers enforce the header and the `<meta>` together.
 */
export function headersFile(pages: PagePolicy[], embedAncestors = '*'): string {
  const notFound = pages.find((p) => p.route === '/404.html');
  const isEmbed = (p: PagePolicy) => p.route.startsWith(EMBED_PREFIX);
  const site = pages.filter((p) => !isEmbed(p)).map((p) => parsePolicy(p.csp));
  const embeds = [...pages.filter(isEmbed), ...(notFound ? [notFound] : [])].map((p) => parsePolicy(p.csp));
  const block = (path: string, lines: string[]) => `${path}\n${lines.map((l) => `  ${l}`).join('\n')}`;
  const header = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `${[
    '# Written by src/integrations/security-headers.ts at build time. Every address matches /*; those\n' +
      '# under /embed/ also match /embed/*, which replaces the policy so other sites may frame them.\n' +
      '# Each page also carries its own exact policy in a <meta> element.',
    block('/*', [
      ...header(SECURITY_HEADERS),
      ...header({ 'Content-Security-Policy': headerPolicy(site, ["'none'"]), ...NO_FRAMING }),
    ]),
    block(`${EMBED_PREFIX}*`, [
      '! Content-Security-Policy',
      ...Object.keys(NO_FRAMING).map((name) => `! ${name}`),
      ...header({ 'Content-Security-Policy': headerPolicy(embeds, embedAncestors.split(/\s+/)) }),
    ]),
  ].join('\n\n')}\n`;
}

/**
 * Writes `dist/_headers` (the format Cloudflare Pages and Netlify read; see headersFile) and
 * completes each page's `<meta>` policy with the hashes of its inline scripts and styles.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): AstroIntegration {
  const embedAncestors = options.embedAncestors ?? process.env.LIVEKB_EMBED_ANCESTORS ?? '*';
  return {
    name: 'livekb:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages: PagePolicy[] = [];
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const astroPolicy = html.match(CSP_META)?.[1];
          if (!astroPolicy) continue;
          const csp = completePolicy(html, astroPolicy);
          if (csp !== astroPolicy) await writeFile(file, html.replace(astroPolicy, csp));
          pages.push({ route: routeOf(file, root), csp });
        }
        const text = headersFile(pages, embedAncestors);
        await writeFile(join(root, '_headers'), text);
        logger.info(
          `_headers written: 2 rules for ${pages.length} pages (${Buffer.byteLength(text).toLocaleString('en-GB')} bytes)`,
        );
        const longest = Math.max(...text.split('\n').map((line) => line.length));
        if (longest > MAX_LINE) {
          logger.warn(
            `_headers has a line of ${longest} characters; Cloudflare Pages reads at most ${MAX_LINE} characters a line.`,
          );
        }
      },
    },
  };
}
