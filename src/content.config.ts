import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleDataSchema } from './content/article-schema';
import { kbSchema } from './content/kb-schema';
import { resultsFileSchema, treeSchema } from './content/troubleshooter-schema';
import { withFixtures as fixtures, contentRoots as roots } from './lib/content-roots';

export type { ArticleData } from './content/article-schema';
export type { KbMeta } from './content/kb-schema';

/** `kb/q153066/index.mdx` → `kb/q153066`, from whichever root it comes. */
function docId({ entry }: { entry: string }): string {
  const path = roots.reduce((p, root) => (p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p), entry);
  return path
    .replace(/\.mdx?$/, '')
    .replace(/\/index$/, '')
    .toLowerCase();
}

export const collections = {
  docs: defineCollection({
    loader: fixtures
      ? glob({ base: '.', pattern: roots.map((r) => `${r}/**/[^_]*.{md,mdx}`), generateId: docId })
      : docsLoader(),
    schema: docsSchema({ extend: z.object({ kb: kbSchema.optional() }) }),
  }),
  /** Each article's data, `article.yaml` in its folder; its id is the folder (`q153066`). */
  articles: defineCollection({
    loader: glob({
      base: '.',
      pattern: roots.map((r) => `${r}/kb/*/article.yaml`),
      generateId: ({ entry }) => entry.split('/').at(-2) as string,
    }),
    schema: articleDataSchema,
  }),
  /** The KB articles behind the kernel's source keys (src/machines/nt-server/world.ts, SOURCE_KEYS); id: the key. */
  sources: defineCollection({
    loader: file('src/content/sources.yaml'),
    schema: z.object({ kb: z.string().regex(/^Q\d{6}$/), about: z.string().min(1) }),
  }),
  /** The troubleshooter's questions and routes: one tree for the whole KB. */
  troubleshooterTree: defineCollection({
    loader: glob({ base: '.', pattern: 'src/content/troubleshooter.yaml', generateId: () => 'tree' }),
    schema: treeSchema,
  }),
  /** Each article's troubleshooter results, `troubleshooter.yaml` in its folder; its id is the file's path. */
  troubleshooter: defineCollection({
    loader: glob({
      base: '.',
      pattern: roots.map((r) => `${r}/kb/*/troubleshooter.yaml`),
      generateId: ({ entry }) => entry,
    }),
    schema: resultsFileSchema,
  }),
};
