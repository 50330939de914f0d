import { type CollectionEntry, getCollection, getEntry } from 'astro:content';

/** The folder an article lives in, from its docs entry id (`kb/q153066` → `q153066`). */
export function articleFolder(docId: string): string {
  return docId.split('/').at(-1) as string;
}

/** An article's own data (anchors, scenarios, quiz), or undefined for an article with none. */
export async function getArticleData(folder: string) {
  return (await getEntry('articles', folder))?.data;
}

export async function getAllArticleData(): Promise<CollectionEntry<'articles'>[]> {
  return getCollection('articles');
}

export { quizMoment, toScenario } from './article-data';
