import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Headers every response gets. Policies a `<meta>` cannot carry (frame-ancestors) live here. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/**
 * Style attributes Starlight writes into its HTML (sidebar depth, icon sizes, the search dialog).
 * A strict policy blocks style attributes unless each one's hash is listed with 'unsafe-hashes';
 * the build fails when a page has one that is not listed here, so the list cannot go stale.
 */
export const ALLOWED_STYLE_ATTRIBUTES = [
  ...[0, 1, 2, 3, 4, 5].map((depth) => `--depth: ${depth};`),
  ...['1em', '1rem', '1.25rem', '1.5rem', '2rem'].map((size) => `--sl-icon-size: ${size};`),
  '--sl-select-width: 6.25em',
  'display: none;',
  'padding:0',
];

export const sha256 = (value: string): string =>
  `sha256-${createHash('sha256').update(value).digest('base64')}`;

/** The `style-src` settings for Astro's CSP: our own files and hashed styles, Starlight's listed attributes. */
export const styleDirective = {
  resources: ["'self'", { resource: "'unsafe-hashes'", kind: 'attribute' as const }],
  hashes: ALLOWED_STYLE_ATTRIBUTES.map((value) => ({
    hash: sha256(value) as `sha256-${string}`,
    kind: 'attribute' as const,
  })),
};

const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

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
  return add(add(csp, 'script-src', hashesOf(INLINE_SCRIPT)), 'style-src', hashesOf(INLINE_STYLE));
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

/**
 * Writes `dist/_headers` (the format Netlify and Cloudflare Pages read): the security headers for
 * every path, and each page's content security policy as Astro computed it for its `<meta>`,
 * with `frame-ancestors`, which only a header can enforce.
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'livekb:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const blocks = [
          `/*\n${Object.entries(SECURITY_HEADERS)
            .map(([k, v]) => `  ${k}: ${v}`)
            .join('\n')}`,
        ];
        let pages = 0;
        const unlisted = new Set<string>();
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          for (const [, value] of html.matchAll(STYLE_ATTRIBUTE)) {
            if (value !== undefined && !ALLOWED_STYLE_ATTRIBUTES.includes(value))
              unlisted.add(`${routeOf(file, root)}: style="${value}"`);
          }
          const astroPolicy = html.match(CSP_META)?.[1];
          if (!astroPolicy) continue;
          const csp = completePolicy(html, astroPolicy);
          if (csp !== astroPolicy) await writeFile(file, html.replace(astroPolicy, csp));
          const policy = `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
          const route = routeOf(file, root);
          blocks.push(`${route}\n  Content-Security-Policy: ${policy}`);
          if (route.endsWith('/') && route !== '/')
            blocks.push(`${route.slice(0, -1)}\n  Content-Security-Policy: ${policy}`);
          pages++;
        }
        if (unlisted.size > 0) {
          throw new Error(
            `These style attributes would be blocked by the content security policy. Move them to CSS, or list them in ALLOWED_STYLE_ATTRIBUTES (src/integrations/security-headers.ts):\n${[...unlisted].join('\n')}`,
          );
        }
        await writeFile(join(root, '_headers'), `${blocks.join('\n\n')}\n`);
        logger.info(
          `_headers written: security headers for every path, a content security policy for ${pages} pages`,
        );
      },
    },
  };
}
