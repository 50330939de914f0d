import { getCollection } from 'astro:content';

/** Every knowledge-base article in the docs collection, newest review first. */
export async function getArticles() {
  const entries = await getCollection('docs', (entry) => entry.data.kb !== undefined);
  return entries
    .flatMap((entry) => (entry.data.kb ? [{ entry, kb: entry.data.kb }] : []))
    .sort((a, b) => b.kb.lastReviewed.getTime() - a.kb.lastReviewed.getTime());
}

export { articleHref } from './links';

export const formatDate = (date: Date) =>
  date.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
