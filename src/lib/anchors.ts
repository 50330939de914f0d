/**
 * The element ids an article's MDX defines: explicit `id="…"` attributes and the ids Starlight
 * gives its headings (github-slugger's rules, enough for the plain headings our articles use).
 */
export function definedAnchors(mdx: string): Set<string> {
  const ids = new Set<string>();
  for (const [, id] of mdx.matchAll(/\bid=["']([^"']+)["']/g)) ids.add(id as string);
  for (const [, text] of mdx.matchAll(/^#{2,6}\s+(.+?)\s*$/gm)) ids.add(slug(text as string));
  return ids;
}

export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Anchors named by `where` that the article does not define, as messages naming both. */
export function missingAnchors(
  file: string,
  mdx: string,
  named: { anchor: string; where: string }[],
): string[] {
  const defined = definedAnchors(mdx);
  return named
    .filter(({ anchor }) => !defined.has(anchor))
    .map(({ anchor, where }) => `${where} names the anchor #${anchor}, which ${file} does not define.`);
}
