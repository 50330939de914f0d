import { getCollection } from 'astro:content';

/** Every knowledge-base article in the docs collection, newest review first. */
export async function getArticles() {
  const entries = await getCollection('docs', (entry) => entry.data.kb !== undefined);
  return entries
    .flatMap((entry) => (entry.data.kb ? [{ entry, kb: entry.data.kb }] : []))
    .sort((a, b) => b.kb.lastReviewed.getTime() - a.kb.lastReviewed.getTime());
}

/** The stable URL of an article: `/kb/q153066/`. */
export function articleHref(id: string): string {
  return `/kb/${id.toLowerCase()}/`;
}

export const formatDate = (date: Date) =>
  date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
