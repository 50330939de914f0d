import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ArticleData, articleDataSchema } from '../../src/content/article-schema';

/** Every article folder the site or the test build carries, fixtures included. */
export const ROOTS = ['src/content/docs', 'tests/fixtures/content/docs'];

export interface ArticleFolder {
  folder: string;
  dir: string;
  mdx: string;
  data: ArticleData | null;
}

let parsed: ArticleFolder[] | undefined;

/** Read and schema-checked once per test file (the schema replays every quiz answer): callers share it. */
export function articleFolders(): ArticleFolder[] {
  parsed ??= readFolders();
  return parsed;
}

function readFolders(): ArticleFolder[] {
  const out: ArticleFolder[] = [];
  for (const root of ROOTS) {
    const kb = join(root, 'kb');
    if (!existsSync(kb)) continue;
    for (const entry of readdirSync(kb, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(kb, entry.name);
      const yamlFile = join(dir, 'article.yaml');
      out.push({
        folder: entry.name,
        dir,
        mdx: readFileSync(join(dir, 'index.mdx'), 'utf8'),
        data: existsSync(yamlFile) ? articleDataSchema.parse(parse(readFileSync(yamlFile, 'utf8'))) : null,
      });
    }
  }
  return out;
}

export function article(folder: string): ArticleFolder & { data: ArticleData } {
  const found = articleFolders().find((a) => a.folder === folder);
  if (!found?.data) throw new Error(`No article data for ${folder}`);
  return found as ArticleFolder & { data: ArticleData };
}
