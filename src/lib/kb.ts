import { type CollectionEntry, getCollection } from 'astro:content';
import type { KbMeta } from '../content/kb-schema';

export type DocsEntry = CollectionEntry<'docs'>;
export interface Article {
  entry: DocsEntry;
  kb: KbMeta;
}

/**
 * Everything the site derives from the collection, computed once per build: every page that
 * lists or links articles (sidebar, browse pages, home page, related articles) reads it from
 * here, so no page walks the whole collection. In `astro dev` it is recomputed on every call,
 * so an edited article shows up without a restart.
 */
export interface KbIndex {
  /** Every article, newest review first. */
  articles: Article[];
  byId: Map<string, Article>;
  /** The IDs of the published articles, for "is this related article on LiveKB?". */
  ids: ReadonlySet<string>;
  products: Map<string, Product>;
  topics: Map<string, Topic>;
}
export interface Group {
  slug: string;
  label: string;
  /** Sorted by KB ID. */
  articles: Article[];
  /** Where each article sits in `articles`, by KB ID. */
  position: Map<string, number>;
}
export interface Product extends Group {
  versions: Map<string, Group>;
}
export type Topic = Group;

let cached: Promise<KbIndex> | undefined;

/** The knowledge base's index (see KbIndex). */
export function getKbIndex(): Promise<KbIndex> {
  if (import.meta.env.DEV) return buildIndex();
  cached ??= buildIndex();
  return cached;
}

/** Every knowledge-base article in the docs collection, newest review first. */
export async function getArticles(): Promise<Article[]> {
  return (await getKbIndex()).articles;
}

/** The IDs of the published articles (KB numbers in capitals, as in the front matter). */
export async function getPublishedIds(): Promise<ReadonlySet<string>> {
  return (await getKbIndex()).ids;
}

export { articleHref } from './links';

/** The URL Starlight gives an entry, whatever its file layout (`kb/q1.mdx`, `kb/q1/index.mdx`). */
export function entryHref(entry: DocsEntry): string {
  return entry.id === 'index' || entry.id === '' ? '/' : `/${entry.id}/`;
}

/** An article's topic: its `topic` field, else its first keyword, else "General". */
export function topicOf(kb: KbMeta): string {
  return kb.topic ?? kb.keywords[0] ?? 'General';
}

/** A URL segment for a label: lower case, letters and digits, words joined by hyphens. */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || 'other';
}

/** Product names without the vendor, for short labels: "Windows NT Server". */
export const shortProduct = (product: string) => product.replace(/^Microsoft\s+/, '');

export const browseHref = {
  home: '/browse/',
  product: (product: string) => `/browse/product/${slugify(product)}/`,
  version: (product: string, version: string) => `/browse/version/${slugify(product)}/${slugify(version)}/`,
  topic: (topic: string) => `/browse/topic/${slugify(topic)}/`,
};

async function buildIndex(): Promise<KbIndex> {
  const entries = await getCollection('docs', (entry) => entry.data.kb !== undefined);
  const articles = entries
    .flatMap((entry) => (entry.data.kb ? [{ entry, kb: entry.data.kb }] : []))
    .sort((a, b) => b.kb.lastReviewed.getTime() - a.kb.lastReviewed.getTime() || compareIds(a, b));
  const byId = new Map(articles.map((a) => [a.kb.id, a]));
  const products = new Map<string, Product>();
  const topics = new Map<string, Topic>();
  const group = <G extends Group>(map: Map<string, G>, label: string, make: (g: Group) => G): G => {
    const slug = slugify(label);
    let found = map.get(slug);
    if (!found) {
      found = make({ slug, label, articles: [], position: new Map() });
      map.set(slug, found);
    }
    return found;
  };
  for (const article of articles) {
    group(topics, topicOf(article.kb), (g) => g).articles.push(article);
    for (const { product, versions } of article.kb.appliesTo) {
      const p = group(products, product, (g) => ({ ...g, versions: new Map() }));
      if (!p.articles.includes(article)) p.articles.push(article);
      for (const version of versions) group(p.versions, version, (g) => g).articles.push(article);
    }
  }
  const finish = (g: Group) => {
    g.articles.sort(compareIds);
    g.articles.forEach((a, i) => {
      g.position.set(a.kb.id, i);
    });
  };
  for (const t of topics.values()) finish(t);
  for (const p of products.values()) {
    finish(p);
    for (const v of p.versions.values()) finish(v);
    p.versions = sortedMap(p.versions, (a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
  }
  return {
    articles,
    byId,
    ids: new Set(byId.keys()),
    products: sortedMap(products, (a, b) => a.label.localeCompare(b.label)),
    topics: sortedMap(topics, (a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' })),
  };
}

const compareIds = (a: Article, b: Article) => (a.kb.id < b.kb.id ? -1 : a.kb.id > b.kb.id ? 1 : 0);

const sortedMap = <G extends Group>(map: Map<string, G>, compare: (a: G, b: G) => number) =>
  new Map([...map].sort(([, a], [, b]) => compare(a, b)));

/** Up to `size` articles around `index` in `list`, the window kept inside the list. */
export function windowAround<T>(list: readonly T[], index: number, size: number): T[] {
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), list.length - size));
  return list.slice(start, start + size);
}

export const formatDate = (date: Date) =>
  date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
