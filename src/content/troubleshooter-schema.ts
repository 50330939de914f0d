import { z } from 'astro/zod';
import { SimulationInputError } from '../machines/kernel/errors';
import type { AnyModel } from '../machines/kernel/model';
import { DEFAULT_MODEL, MODEL_IDS, MODELS } from '../machines/models';
import type { Flow, Para, Rule, Tree } from '../machines/troubleshooter';
import { time } from './article-schema';

/**
 * The troubleshooter's data. The tree, `src/content/troubleshooter.yaml`, asks the questions and
 * routes the answers; each article's `troubleshooter.yaml` gives the results that lead to it.
 * Checked when the site builds; `src/lib/troubleshooter.ts` then checks the two against each other.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower case letters, digits and hyphens');
const kbId = z.string().regex(/^Q\d{6}$/, 'must be a KB article ID such as Q153066');

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
    /** A number answer: a value of this model's configuration field (`{ model: nt-server, field: autodisconnectMinutes }`). */
    number: z.strictObject({ model: z.enum(MODEL_IDS), field: z.string().min(1) }).optional(),
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

/** A configuration or event in the results file's model's terms, checked below. */
const raw = z.record(z.string(), z.unknown());

const moment = z.strictObject({
  /**
   * The simulation on the article page, by its default id there. `play` and `compare` open at an
   * encoded moment; `scenario` (the step-by-step player) reads a step number, so a moment link to it
   * works only once that player accepts moments.
   */
  simulation: z.enum(['scenario', 'compare', 'play']),
  label: z.string().min(1).default('Open the simulation at this state'),
  /** The model's variant (its version) simulated, unless `versionFrom` names a question answered with one. */
  version: z.string().min(1),
  versionFrom: id.optional(),
  config: raw.optional(),
  tape: z.array(z.strictObject({ at: time, do: raw, when: condition.optional() })).default([]),
  at: time,
  /** Add this configuration field's minutes (the reader's answer, else the default) to `at`. */
  plusMinutesOf: z.string().min(1).optional(),
  cases: z.array(z.strictObject({ when: condition, config: raw.optional(), at: time.optional() })).optional(),
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
   * The model's rules the result rests on, by key (its model's `rules`; for nt-server SOURCE_KEYS in
   * src/machines/nt-server/world.ts): sourced rules only. A modelling choice fails the build.
   */
  rests: z.array(z.string().min(1)).min(1),
  moment,
});

export const resultsFileSchema = z
  .strictObject({
    /** The article these results lead to: the folder's own KB ID. */
    article: kbId,
    /** Its model (the article's `model:`), in whose terms the moments are written. */
    model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
    results: z.record(id, result),
  })
  .superRefine((file, ctx) => {
    const model: AnyModel = MODELS[file.model];
    const { field, values } = model.variants;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const attempt = (path: (string | number)[], run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (!(error instanceof SimulationInputError)) throw error;
        issue(path, error.message.replace(/^Tape entry 1[^:]*: /, '').replace(/^Configuration: /, ''));
      }
    };
    for (const [rid, r] of Object.entries(file.results)) {
      const m = r.moment;
      const at = ['results', rid, 'moment'];
      if (!values.includes(m.version))
        issue(
          [...at, 'version'],
          `${m.version} is not a ${field} of ${file.model}; use ${values.join(', ')}.`,
        );
      const variant = values.includes(m.version) ? m.version : values[0];
      attempt([...at, 'config'], () => model.normalize({ ...m.config, [field]: variant }));
      m.cases?.forEach((c, i) => {
        attempt([...at, 'cases', i, 'config'], () =>
          model.normalize({ ...m.config, ...c.config, [field]: variant }),
        );
      });
      m.tape.forEach((e, i) => {
        attempt([...at, 'tape', i, 'do'], () => model.registry.validateEntry(0, { at: 0, event: e.do }, 0));
      });
      if (m.plusMinutesOf && !model.ranges?.[m.plusMinutesOf])
        issue([...at, 'plusMinutesOf'], `${m.plusMinutesOf} is not a number field of ${file.model}.`);
      // The rules the result rests on: sourced rules of its model only, like a quiz answer's.
      r.rests.forEach((key, j) => {
        if (model.rules.choices.includes(key))
          issue(
            ['results', rid, 'rests', j],
            `${key} is a modelling choice of ${file.model}; a troubleshooter result may rest only on sourced rules.`,
          );
        else if (!model.rules.sourced.includes(key))
          issue(
            ['results', rid, 'rests', j],
            `${key} is not a rule of ${file.model}; use ${model.rules.sourced.join(', ')}.`,
          );
      });
    }
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
          model: f.model,
          // Checked against the file's model above.
          tape: r.moment.tape.map((e) => ({
            at: e.at,
            event: e.do as { type: string },
            ...(e.when ? { when: e.when } : {}),
          })),
        },
        article: f.article,
      };
    }
  }
  return { tree, results };
}
