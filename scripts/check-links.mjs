// `npm run links`: every internal link and asset reference in the built site points at a file
// that exists, and every #fragment at an element with that id (or an <a name>) on the target.
//
//   node scripts/check-links.mjs [--dist dir]
//
// Absolute links to the site's own origin (canonical URLs) count as internal; other hosts,
// mailto:, tel:, javascript: and data: are not checked.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { recordBenchmark } from './benchmarks.mjs';
import { findTags, isJsScript, listHtml, pageUrl, parseAttributes, resolveUrlPath } from './dist-parse.mjs';

const args = process.argv.slice(2);
const DIST = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`No built site in ${DIST}: run \`npx astro build\` first.`);
  process.exit(1);
}

// The site's origin, from the sitemap Astro wrote with `site` from astro.config.mjs.
const sitemap = ['sitemap-0.xml', 'sitemap-index.xml'].map((f) => join(DIST, f)).find(existsSync);
const siteOrigin = sitemap
  ? new URL(readFileSync(sitemap, 'utf8').match(/<loc>([^<]+)<\/loc>/)[1]).origin
  : undefined;
const LOCAL = 'http://local.invalid';

// Script and style bodies may hold `<` and `href=` text that is not markup.
const markupOnly = (html) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)(\s[^>]*)?>[\s\S]*?<\/\1\s*>/gi, (_m, tag, attrs) => `<${tag}${attrs ?? ''}>`);

function referencesIn(html) {
  const refs = [];
  const add = (kind, value) => value && refs.push({ kind, value: value.trim() });
  const markup = markupOnly(html);
  for (const a of findTags(markup, 'a')) add('a href', a.href);
  for (const l of findTags(markup, 'link')) add(`link rel=${l.rel ?? ''}`, l.href);
  for (const s of findTags(markup, 'script')) if (isJsScript(s)) add('script src', s.src);
  for (const tag of ['img', 'source', 'iframe', 'video', 'audio', 'track', 'embed']) {
    for (const t of findTags(markup, tag)) {
      add(`${tag} src`, t.src);
      for (const candidate of (t.srcset ?? '').split(','))
        add(`${tag} srcset`, candidate.trim().split(/\s+/)[0]);
    }
  }
  for (const f of findTags(markup, 'form')) add('form action', f.action);
  for (const i of findTags(markup, 'astro-island')) {
    add('astro-island component-url', i['component-url']);
    add('astro-island renderer-url', i['renderer-url']);
  }
  for (const m of findTags(markup, 'meta')) {
    if ((m['http-equiv'] ?? '').toLowerCase() === 'refresh')
      add('meta refresh', m.content?.match(/url\s*=\s*(.+)$/i)?.[1]);
  }
  return refs;
}

const anchorCache = new Map();
function anchorsOf(file) {
  if (!anchorCache.has(file)) {
    const ids = new Set();
    for (const m of markupOnly(readFileSync(file, 'utf8')).matchAll(
      /<([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g,
    )) {
      const attrs = parseAttributes(m[2]);
      if (attrs.id) ids.add(attrs.id);
      if (m[1].toLowerCase() === 'a' && attrs.name) ids.add(attrs.name);
    }
    anchorCache.set(file, ids);
  }
  return anchorCache.get(file);
}

/** The link as a URL on this site, or undefined when it leads elsewhere. */
function internalUrl(value, from) {
  if (/^(mailto|tel|javascript|data|blob):/i.test(value)) return undefined;
  try {
    const url = new URL(value, LOCAL + from);
    return url.origin === LOCAL || url.origin === siteOrigin ? url : undefined;
  } catch {
    return null; // unparseable: reported as broken
  }
}

/** Why the internal `url` is broken, or undefined. */
function problem(url) {
  if (url === null) return 'not a valid URL';
  const target = resolveUrlPath(DIST, url.pathname);
  if (!target) return `no file for ${url.pathname}`;
  const fragment = url.hash.slice(1);
  if (!fragment || !target.endsWith('.html')) return undefined;
  let id;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return `fragment #${fragment} is not valid percent-encoding`;
  }
  // HTML's "top of the document" fragment needs no element.
  if (anchorsOf(target).has(id) || id.toLowerCase() === 'top') return undefined;
  return `no id="${id}" in ${relative(DIST, target)}`;
}

const pages = listHtml(DIST);
const broken = [];
let checked = 0;
for (const file of pages) {
  const from = pageUrl(file);
  for (const ref of referencesIn(readFileSync(join(DIST, file), 'utf8'))) {
    const url = internalUrl(ref.value, from);
    if (url === undefined) continue;
    checked++;
    const why = problem(url);
    if (why) broken.push({ page: from, ...ref, why });
  }
}

const record = recordBenchmark('npm run links');
for (const b of broken) console.log(`✖ ${b.page}: ${b.kind} "${b.value}" → ${b.why}`);
console.log(`checked ${checked} links on ${pages.length} pages, ${broken.length} broken`);
record.save();
process.exit(broken.length ? 1 : 0);
