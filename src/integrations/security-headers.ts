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
        for await (const file of htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
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
        await writeFile(join(root, '_headers'), `${blocks.join('\n\n')}\n`);
        logger.info(
          `_headers written: security headers for every path, a content security policy for ${pages} pages`,
        );
      },
    },
  };
}
