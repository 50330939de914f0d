import { z } from 'astro/zod';
import { registry, type SimEvent, SimulationInputError } from '../machines';
import type { AnyModel } from '../machines/kernel';
import { DEFAULT_MODEL, MODEL_IDS, MODELS } from '../machines/models';
import { readingsOf } from '../machines/readings';

/**
 * An article's own data, `article.yaml` beside its `index.mdx`: the anchors its simulations
 * point at, its scenarios with their narration, the troubleshooter results that lead to it and
 * its quiz questions. Checked when the site builds; a bad field fails the build naming the file
 * and the field.
 */

/** `90` (ms), `'1:30'` (m:ss) or `'1:02:30'` (h:mm:ss), all from the start of the scenario. */
export const time = z
  .union([
    z.number().int().min(0),
    z.string().regex(/^(\d+:)?\d{1,2}:\d{2}$/, 'must be a time written as m:ss or h:mm:ss'),
  ])
  .transform((value) => {
    if (typeof value === 'number') return value;
    const parts = value.split(':').map(Number);
    const [h, m, s] = parts.length === 3 ? parts : [0, ...parts];
    return ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
  });

/** Why `problem` threw, in the words of the model's validation (without "Tape entry 1"). */
function reason(error: unknown): string {
  return error instanceof SimulationInputError
    ? error.message.replace(/^Tape entry 1[^:]*: /, '').replace(/^Configuration: /, '')
    : String(error);
}

/** One NT server event (the troubleshooter's moments); the model's validation gives the reason. */
export const event = z.record(z.string(), z.unknown()).transform((value, ctx) => {
  try {
    return registry.validateEntry(0, { at: 0, event: value }, 0).event as SimEvent;
  } catch (error) {
    const message =
      error instanceof SimulationInputError
        ? error.message.replace(/^Tape entry 1[^:]*: /, '')
        : String(error);
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
});

const kbId = z.string().regex(/^Q\d{6}$/, 'must be a KB article ID such as Q153066');
const anchorId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be an element id in the article, such as symptom-licence');
const localId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower case letters, digits and hyphens');

/** A model's event or configuration as written; checked against the article's model below. */
const raw = z.record(z.string(), z.unknown());
const variant = z.string().min(1);

export const stepSchema = z.strictObject({
  at: time,
  /** The reader's action at this step; a step without one only lets time pass. */
  do: raw.optional(),
  /** What happens, on the first version the scenario shows. */
  say: z.string().min(1),
  /** What to say instead on another version (variant), where it reads differently. */
  on: z.record(variant, z.string().min(1)).optional(),
  /** The sentence of this article the step demonstrates (an element id in the MDX). */
  anchor: anchorId,
  /** When the fact comes from another source than this article: its KB number or title. */
  source: z.string().min(1).optional(),
});

export const scenarioSchema = z
  .strictObject({
    title: z.string().min(1),
    summary: z.string().min(1),
    /** The versions (the model's variants) its transcript and side-by-side view show, first is the default; default: the model's pair. */
    versions: z.array(variant).min(1).max(3).optional(),
    config: raw.default({}),
    steps: z.array(stepSchema).min(1),
    /** How far the scenario runs; default: its last step. */
    end: time.optional(),
    /**
     * Extra columns of the static transcript, per version, by names the model's transcript view offers
     * (nt-server: the Performance Monitor counters sessionsTimedOut, sessionsErroredOut,
     * sessionsForcedOff, sessionsLoggedOff); an unknown name fails the build, naming the scenario.
     */
    columns: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    s.steps.forEach((step, i) => {
      const before = s.steps[i - 1];
      if (before && step.at < before.at) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'at'],
          message: 'goes back before the step above it',
        });
      }
    });
  });

/** A reading of a moment its model answers (the model's `readings`), checked against the article's model below. */
const reading = z.record(z.string(), z.unknown()).refine((r) => typeof r.what === 'string', 'needs what');

export const quizSchema = z.strictObject({
  id: localId,
  prompt: z.string().min(1),
  version: variant,
  config: raw.default({}),
  tape: z.array(z.strictObject({ at: time, do: raw })).default([]),
  at: time,
  read: reading,
  choices: z.array(z.string().min(1)).min(2),
  why: z.string().min(1),
  /** The model's rules the answer rests on, by key: sourced rules only (no modelling choice). */
  rests: z.array(z.string().min(1)).min(1),
  anchor: anchorId,
});

export const articleDataSchema = z
  .strictObject({
    /** The model the article's simulations run on (src/machines/models.ts). */
    model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
    /** Labels for the anchors the simulations link to: id → what that passage says. */
    anchors: z.record(anchorId, z.string().min(1)),
    scenarios: z.record(localId, scenarioSchema).default({}),
    quiz: z.array(quizSchema).default([]),
    /** Which KB this data belongs to (the folder's article), checked against its front matter. */
    article: kbId,
  })
  .superRefine((data, ctx) => {
    // Versions, configurations and events in the article's model's own terms, with its reasons.
    const model: AnyModel = MODELS[data.model];
    const { field, values } = model.variants;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const checkVariant = (path: (string | number)[], v: string) => {
      if (!values.includes(v))
        issue(path, `${v} is not a ${field} of ${data.model}; use ${values.join(', ')}.`);
    };
    const checkConfig = (path: (string | number)[], config: Record<string, unknown>, v: string) => {
      try {
        model.normalize({ ...config, [field]: v });
      } catch (error) {
        issue(path, reason(error));
      }
    };
    const checkEvent = (path: (string | number)[], event: Record<string, unknown>) => {
      try {
        model.registry.validateEntry(0, { at: 0, event }, 0);
      } catch (error) {
        issue(path, reason(error));
      }
    };
    for (const [id, s] of Object.entries(data.scenarios)) {
      const versions = s.versions ?? model.variants.compared;
      versions.forEach((v, i) => {
        checkVariant(['scenarios', id, 'versions', i], v);
      });
      for (const v of versions.filter((v) => values.includes(v)))
        checkConfig(['scenarios', id, 'config'], s.config, v);
      s.steps.forEach((step, i) => {
        if (step.do) checkEvent(['scenarios', id, 'steps', i, 'do'], step.do);
        for (const v of Object.keys(step.on ?? {})) checkVariant(['scenarios', id, 'steps', i, 'on', v], v);
      });
    }
    data.quiz.forEach((q, i) => {
      checkVariant(['quiz', i, 'version'], q.version);
      if (values.includes(q.version)) checkConfig(['quiz', i, 'config'], q.config, q.version);
      q.tape.forEach((e, j) => {
        checkEvent(['quiz', i, 'tape', j, 'do'], e.do);
      });
      const readings = readingsOf(data.model);
      const problem = readings ? readings.check(q.read) : `${data.model} answers no quiz readings.`;
      if (problem) issue(['quiz', i, 'read'], problem);
      q.rests.forEach((key, j) => {
        if (model.rules.choices.includes(key))
          issue(
            ['quiz', i, 'rests', j],
            `${key} is a modelling choice of ${data.model}; a quiz answer may rest only on sourced rules.`,
          );
        else if (!model.rules.sourced.includes(key))
          issue(
            ['quiz', i, 'rests', j],
            `${key} is not a rule of ${data.model}; use ${model.rules.sourced.join(', ')}.`,
          );
      });
    });
  })
  .transform((data) => {
    const compared = MODELS[data.model].variants.compared;
    return {
      ...data,
      scenarios: Object.fromEntries(
        Object.entries(data.scenarios).map(([id, s]) => [
          id,
          { ...s, model: data.model, versions: s.versions ?? [...compared] },
        ]),
      ),
    };
  });

export type ArticleData = z.infer<typeof articleDataSchema>;
export type ScenarioData = ArticleData['scenarios'][string];
export type QuizData = ArticleData['quiz'][number];
