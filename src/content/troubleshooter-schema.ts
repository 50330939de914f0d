import { z } from 'astro/zod';
import { MODELLING_CHOICES, NT_VERSIONS, type NtVersion, SOURCE_KEYS } from '../machines';
import type { Flow, Para, Rule, Tree } from '../machines/troubleshooter';
import { event, time } from './article-schema';

/**
 * The troubleshooter's data. The tree, `src/content/troubleshooter.yaml`, asks the questions and
 * routes the answers; each article's `troubleshooter.yaml` gives the results that lead to it.
 * Checked when the site builds; `src/lib/troubleshooter.ts` then checks the two against each other.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower case letters, digits and hyphens');
const kbId = z.string().regex(/^Q\d{6}$/, 'must be a KB article ID such as Q153066');
const version = z.enum(NT_VERSIONS as [NtVersion, ...NtVersion[]]);

/** `{ licences: [yes] }`, `{ version: ['3.5', '3.51'] }`, `{ autodisconnect: { min: 1, max: 1 } }`: all must hold. */
export const condition = z.record(
  id,
  z.union([
    z.array(z.string()).min(1),
    z
      .strictObject({ min: z.number().int().optional(), max: z.number().int().optional() })
      .refine((r) => r.min !== undefined || r.max !== undefined, 'needs min or max'),
  ]),
);

const rule = z.union([
  z.strictObject({ when: condition.optional(), ask: id }),
  z.strictObject({ when: condition.optional(), result: id }),
]);

/** `next: files` (ask that question), `next: { result: share-in-use }`, or a list of rules, first match wins. */
const route = z.union([
  id.transform((ask): Rule[] => [{ ask }]),
  rule.transform((r): Rule[] => [r]),
  z.array(rule).min(1),
]);

const choice = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1),
  text: z.string().min(1).optional(),
  next: route.optional(),
  needs: kbId.optional(),
});

const question = z
  .strictObject({
    param: z.string().regex(/^[a-z][a-z0-9]*$/, 'must be a short lower-case query parameter name'),
    title: z.string().min(1),
    hint: z.string().min(1).optional(),
    label: z.string().min(1),
    choices: z.array(choice).min(1).optional(),
    number: z.literal('autodisconnect').optional(),
    field: z.string().min(1).optional(),
    unit: z.string().min(1).optional(),
    texts: z.record(z.string(), z.string()).optional(),
    default: z.union([z.string(), z.number()]).optional(),
    placeholder: id.optional(),
    implied: z.strictObject({ value: z.string(), whenParams: z.array(z.string()).min(1) }).optional(),
    next: route.optional(),
  })
  .refine((q) => (q.choices === undefined) !== (q.number === undefined), 'needs either choices or number');

export const treeSchema = z.strictObject({
  start: id,
  questions: z.record(id, question),
  notes: z
    .array(z.strictObject({ when: condition, mentions: z.string().optional(), text: z.string().min(1) }))
    .optional(),
});

const text = z.strictObject({ when: condition.optional(), text: z.string() });
const para = z.union([
  z.string().min(1),
  z.strictObject({ when: condition, text: z.string().min(1) }),
  z.strictObject({ oneOf: z.array(text).min(1) }),
]);

const serverConfig = z.strictObject({
  autodisconnectMinutes: z.number().int().min(-1).max(65535).optional(),
  licenseLimit: z.number().int().min(1).max(9999).optional(),
  licenseLogging: z.boolean().optional(),
});

const moment = z.strictObject({
  /**
   * The simulation on the article page, by its default id there. `play` and `compare` open at an
   * encoded moment; `scenario` (the step-by-step player) reads a step number, so a moment link to it
   * works only once that player accepts moments.
   */
  simulation: z.enum(['scenario', 'compare', 'play']),
  label: z.string().min(1).default('Open the simulation at this state'),
  version,
  versionFrom: id.optional(),
  config: serverConfig.optional(),
  tape: z.array(z.strictObject({ at: time, do: event, when: condition.optional() })).default([]),
  at: time,
  plusAutodisconnect: z.boolean().optional(),
  cases: z
    .array(z.strictObject({ when: condition, config: serverConfig.optional(), at: time.optional() }))
    .optional(),
});

const result = z.strictObject({
  title: z.string().min(1),
  words: z.record(id, z.array(text).min(1)).optional(),
  explanation: z.array(para).min(1),
  actions: z.array(para).min(1),
  /** The passage of this article that applies (an element id in its MDX), and its link text. */
  anchor: id,
  label: z.string().min(1),
  /**
   * A glossary term the result sends the reader to (its heading's id, `error-71`), with its link text:
   * how a result gives NT's message without quoting it.
   */
  glossary: z.strictObject({ term: id, label: z.string().min(1) }).optional(),
  /**
   * The model's rules the result rests on, by key (SOURCE_KEYS in src/machines/nt-server/world.ts):
   * sourced rules only. A modelling choice (MODELLING_CHOICES) fails the build, like a quiz answer's.
   */
  rests: z.array(z.string().min(1)).min(1),
  moment,
});

const sourced: readonly string[] = SOURCE_KEYS;
const choices: readonly string[] = MODELLING_CHOICES;

export const resultsFileSchema = z
  .strictObject({
    /** The article these results lead to: the folder's own KB ID. */
    article: kbId,
    results: z.record(id, result),
  })
  .superRefine((file, ctx) => {
    for (const [rid, r] of Object.entries(file.results))
      r.rests.forEach((key, j) => {
        const message = choices.includes(key)
          ? `${key} is a modelling choice of nt-server; a troubleshooter result may rest only on sourced rules.`
          : sourced.includes(key)
            ? null
            : `${key} is not a rule of nt-server; use ${sourced.join(', ')}.`;
        if (message) ctx.addIssue({ code: 'custom', path: ['results', rid, 'rests', j], message });
      });
  });

export type TreeData = z.infer<typeof treeSchema>;
export type ResultsFile = z.infer<typeof resultsFileSchema>;

/** The parsed files in the kernel's terms (the schema's output is the kernel's input). */
export function toFlow(tree: Tree, files: ResultsFile[]): Flow {
  const results: Flow['results'] = {};
  for (const f of files) {
    for (const [rid, r] of Object.entries(f.results)) {
      results[rid] = {
        ...r,
        explanation: r.explanation as Para[],
        actions: r.actions as Para[],
        moment: {
          ...r.moment,
          tape: r.moment.tape.map((e) => ({ at: e.at, event: e.do, ...(e.when ? { when: e.when } : {}) })),
        },
        article: f.article,
      };
    }
  }
  return { tree, results };
}
