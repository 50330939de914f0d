import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { missingAnchors } from '../lib/anchors';

/** Every `anchor:` value anywhere in a parsed data file, with where it sits. */
function namedAnchors(value: unknown, path: string, out: { anchor: string; where: string }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      namedAnchors(v, `${path}[${i}]`, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'anchor' && typeof v === 'string') out.push({ anchor: v, where: `${path}.anchor` });
      else namedAnchors(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Problems in one article folder: anchors its data files name that its MDX does not define. */
export function checkArticleFolder(dir: string): string[] {
  const mdxFile = join(dir, 'index.mdx');
  if (!existsSync(mdxFile)) return [];
  const mdx = readFileSync(mdxFile, 'utf8');
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const where = join(dir, file);
    const named = namedAnchors(parse(readFileSync(where, 'utf8')), where);
    problems.push(...missingAnchors(mdxFile, mdx, named));
  }
  return problems;
}

export function checkArticles(roots: string[]): string[] {
  const problems: string[] = [];
  for (const root of roots) {
    const kb = join(root, 'kb');
    if (!existsSync(kb)) continue;
    for (const folder of readdirSync(kb, { withFileTypes: true })) {
      if (folder.isDirectory()) problems.push(...checkArticleFolder(join(kb, folder.name)));
    }
  }
  return problems;
}

/** Fails the build when an article's data points at a passage its MDX does not have. */
export function articleCheck(roots: string[]): AstroIntegration {
  return {
    name: 'livekb:article-check',
    hooks: {
      'astro:config:setup': () => {
        const problems = checkArticles(roots);
        if (problems.length)
          throw new Error(`Article data points at missing anchors:\n- ${problems.join('\n- ')}`);
      },
    },
  };
}
