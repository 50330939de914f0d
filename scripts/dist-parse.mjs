// Small parsers over Astro's built output, shared by `npm run size` and `npm run links`.
// Regular expressions are enough here: the input is the minified HTML and JS that Astro and
// Rolldown emit, not arbitrary markup, and the unit tests run them on the real dist/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

export function decodeEntities(text) {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return whole;
  });
}

/**
 * Attributes of one start tag's inner text (`a href="/x" hidden`), names lower-cased.
 * @returns {Record<string, string>}
 */
export function parseAttributes(text) {
  /** @type {Record<string, string>} */
  const attrs = {};
  for (const m of text.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Every start tag named `name` (lower case) with its attributes. @returns {Record<string, string>[]} */
export function findTags(html, name) {
  const re = new RegExp(`<${name}(?=[\\s/>])((?:"[^"]*"|'[^']*'|[^'">])*)>`, 'gi');
  return [...html.matchAll(re)].map((m) => parseAttributes(m[1]));
}

/**
 * `<script>` elements: attributes and inline body (empty for `src` scripts).
 * @returns {{ attrs: Record<string, string>, body: string }[]}
 */
export function findScripts(html) {
  const re = /<script(?=[\s>])((?:"[^"]*"|'[^']*'|[^'">])*)>([\s\S]*?)<\/script\s*>/gi;
  return [...html.matchAll(re)].map((m) => ({ attrs: parseAttributes(m[1]), body: m[2] }));
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
export const isJsScript = (attrs) => JS_TYPES.has((attrs.type ?? '').toLowerCase());

export const isRedirectPage = (html) => /<meta\s[^>]*http-equiv\s*=\s*["']?refresh/i.test(html);

/**
 * Module specifiers a minified ES module loads: `import x from"./a.js"`, `export*from"./a.js"`,
 * `import"./a.js"` (static) and `import("./a.js")` (dynamic). Rolldown quotes with backticks, so
 * all three quote kinds count; template literals with `${}` are skipped (not resolvable here).
 * Vite's `__vite__mapDeps` list names the chunks a dynamic import preloads: they load with it.
 * A chunk's address held as a string (`"/_astro/name.hash.js"`) is one a module imports by address,
 * `import(/* @vite-ignore *\/ url)`, as the Search override does Pagefind's UI: counted as dynamic.
 */
export function findImports(code) {
  const q = '(["\'`])([\\w@~+./:-]+)\\1'; // a path-like specifier, not any quoted text
  const found = { static: new Set(), dynamic: new Set() };
  for (const m of code.matchAll(new RegExp(`(?<![.\\w$])(?:from|import)\\s*${q}`, 'g')))
    found.static.add(m[2]);
  for (const m of code.matchAll(new RegExp(`(?<![.\\w$])import\\s*\\(\\s*${q}\\s*\\)`, 'g')))
    found.dynamic.add(m[2]);
  for (const m of code.matchAll(/(["'`])(\/_astro\/[\w.-]+\.js)\1/g)) found.dynamic.add(m[2]);
  const deps = code.match(/__vite__mapDeps\s*=.*?m\.f\s*\|\|\s*\(m\.f\s*=\s*\[([^\]]*)\]/);
  if (deps) {
    // Listed relative to the site root, not to the importing file.
    for (const m of deps[1].matchAll(/(["'`])([^"'`]+)\1/g)) found.dynamic.add(`/${m[2].replace(/^\//, '')}`);
  }
  return { static: [...found.static], dynamic: [...found.dynamic] };
}

/** Every `.html` file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listHtml(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built file is served at: `kb/x/index.html` → `/kb/x/`, `404.html` → `/404.html`. */
export const pageUrl = (file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * The file `astro preview` (and static hosts) serve for a URL path, or undefined. A directory
 * serves its index.html; `/x` without a slash also finds `x/index.html` or `x.html`.
 */
export function resolveUrlPath(dist, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidates = path.endsWith('/')
    ? [join(dist, path, 'index.html')]
    : [join(dist, path), join(dist, path, 'index.html'), join(dist, `${path}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}
