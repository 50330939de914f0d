import { z } from 'astro/zod';

const kbId = z
  .string()
  .regex(/^Q\d{6}$/, 'must be a KB article ID: the letter Q and six digits, e.g. Q153066');

/** Metadata every knowledge-base article carries; pages without `kb` are site pages. */
export const kbSchema = z.strictObject({
  id: kbId,
  appliesTo: z
    .array(
      z.strictObject({
        product: z.string().min(1),
        versions: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1, 'must name at least one product and version'),
  lastReviewed: z.coerce.date({ error: 'must be a date written as YYYY-MM-DD' }),
  keywords: z.array(z.string().min(1)).default([]),
  /**
   * The topic the article is listed under in the sidebar and on /browse/topic/…; optional, the
   * first keyword stands in when it is missing.
   */
  topic: z.string().min(1).optional(),
  related: z
    .array(
      z.strictObject({
        id: kbId,
        /** What that article is about, in our words: not its title, which we may not have verified. */
        topic: z.string().min(1),
        why: z.string().min(1),
      }),
    )
    .default([]),
  source: z.strictObject({
    title: z.string().min(1),
    document: kbId,
    revised: z.coerce.date({ error: 'must be a date written as YYYY-MM-DD' }),
    note: z.string().min(1),
  }),
});

export type KbMeta = z.infer<typeof kbSchema>;
