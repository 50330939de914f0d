import { z } from 'astro/zod';
import { NT_VERSIONS, type NtVersion, registry, type SimEvent, SimulationInputError } from '../machines';

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

const version = z.enum(NT_VERSIONS as [NtVersion, ...NtVersion[]]);

/** One event in the kernel's own vocabulary; the kernel's validation gives the reason. */
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

const config = z.strictObject({
  autodisconnectMinutes: z.number().int().min(-1).max(65535).optional(),
  licenseLimit: z.number().int().min(1).max(9999).optional(),
  licenseLogging: z.boolean().optional(),
});

export const stepSchema = z.strictObject({
  at: time,
  /** The reader's action at this step; a step without one only lets time pass. */
  do: event.optional(),
  /** What happens, on the first version the scenario shows. */
  say: z.string().min(1),
  /** What to say instead on another version, where it reads differently. */
  on: z.partialRecord(version, z.string().min(1)).optional(),
  /** The sentence of this article the step demonstrates (an element id in the MDX). */
  anchor: anchorId,
  /** When the fact comes from another source than this article: its KB number or title. */
  source: z.string().min(1).optional(),
});

export const scenarioSchema = z
  .strictObject({
    title: z.string().min(1),
    summary: z.string().min(1),
    /** The versions its transcript and side-by-side view show, first is the default. */
    versions: z.array(version).min(1).max(3).default(['3.51', '4.0']),
    config: config.default({}),
    steps: z.array(stepSchema).min(1),
    /** How far the scenario runs; default: its last step. */
    end: time.optional(),
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

/** A reading of a moment the kernel's view answers (see src/machines/readings.ts). */
const reading = z.discriminatedUnion('what', [
  z.strictObject({ what: z.literal('ipc-user'), computer: z.string() }),
  z.strictObject({ what: z.literal('listing'), computer: z.string() }),
  z.strictObject({ what: z.literal('outcome'), computer: z.string() }),
  z.strictObject({ what: z.literal('licences-in-use') }),
  z.strictObject({ what: z.literal('minutes-to-autodisconnect') }),
  z.strictObject({
    what: z.literal('counter'),
    counter: z.enum(['sessionsTimedOut', 'sessionsErroredOut', 'sessionsForcedOff', 'sessionsLoggedOff']),
  }),
]);

export const quizSchema = z.strictObject({
  id: localId,
  prompt: z.string().min(1),
  version,
  config: config.default({}),
  tape: z.array(z.strictObject({ at: time, do: event })).default([]),
  at: time,
  read: reading,
  choices: z.array(z.string().min(1)).min(2),
  why: z.string().min(1),
  anchor: anchorId,
});

export const articleDataSchema = z.strictObject({
  /** Labels for the anchors the simulations link to: id → what that passage says. */
  anchors: z.record(anchorId, z.string().min(1)),
  scenarios: z.record(localId, scenarioSchema).default({}),
  quiz: z.array(quizSchema).default([]),
  /** Which KB this data belongs to (the folder's article), checked against its front matter. */
  article: kbId,
});

export type ArticleData = z.infer<typeof articleDataSchema>;
export type ScenarioData = ArticleData['scenarios'][string];
export type QuizData = ArticleData['quiz'][number];
