import type { Model, ModelContext } from './model';
import type { TapeEntry } from './registry';
import { simulateModel } from './timeline';

/**
 * The scenario engine: a short story told as tape entries with narration, for any model. The stories
 * are article content (each article's `article.yaml`); the engine knows their shape and runs them.
 */
export interface ScenarioStep<Event extends { type: string } = { type: string }> {
  at: number;
  /** Absent for a step that only lets time pass. */
  event?: Event;
  /** What happens, on the scenario's first variant. */
  narration: string;
  /** What to say instead on another variant (by value), where the story reads differently there. */
  narrationOn?: Partial<Record<string, string>>;
  /** Id of the article passage the step demonstrates. */
  anchor: string;
  /** Where the fact comes from, when it is not the article itself. */
  source?: string;
}

export interface Scenario<
  Event extends { type: string } = { type: string },
  Config extends object = object,
  Variant extends string = string,
> {
  id: string;
  /** The model it runs on (its id). */
  model: string;
  title: string;
  summary: string;
  /** The variants (values of the model's variant field) it is shown on; the first is the default. */
  versions: Variant[];
  /** The configuration without the variant field. */
  config: Partial<Config>;
  steps: ScenarioStep<Event>[];
  /** The time the scenario runs to. */
  endAt: number;
  /**
   * Extra columns its static transcript shows per variant, by names its model's transcript view
   * offers (the NT server: Performance Monitor counters), so claims about them read without JavaScript.
   */
  columns?: readonly string[];
}

/** The narration for the variant on screen. */
export function narrationFor(step: ScenarioStep, variant: string): string {
  return step.narrationOn?.[variant] ?? step.narration;
}

/** The scenario's events as a tape (steps that only let time pass are skipped). */
export function scenarioTape<E extends { type: string }>(
  scenario: Scenario<E>,
  through = scenario.steps.length - 1,
): TapeEntry<E>[] {
  const tape: TapeEntry<E>[] = [];
  scenario.steps.forEach((step, i) => {
    if (i <= through && step.event) tape.push({ at: step.at, event: step.event });
  });
  return tape;
}

/** A scenario's configuration on one variant. */
export function scenarioConfig<C extends object>(
  model: { variants: { field: string } },
  scenario: Scenario<{ type: string }, C>,
  variant: string,
): C {
  return { ...scenario.config, [model.variants.field]: variant } as C;
}

export interface TranscriptRow<Event extends { type: string } = { type: string }, View = unknown> {
  at: number;
  step: ScenarioStep<Event>;
  /** Keyed by variant: the model's view at the step's time, after the step's event. */
  views: Record<string, View>;
}

/** One row per step with each variant's view, for the static transcript. */
export function transcript<
  C extends object,
  N extends C,
  E extends { type: string },
  X extends ModelContext,
  V,
>(
  model: Model<C, N, E, X, V>,
  scenario: Scenario<E, C>,
  variants: readonly string[] = scenario.versions,
): TranscriptRow<E, V>[] {
  const tape: TapeEntry<E>[] = [];
  return scenario.steps.map((step) => {
    if (step.event) tape.push({ at: step.at, event: step.event });
    const views: Record<string, V> = {};
    // The view after this step's event, not after a later step's at the same time.
    for (const v of variants)
      views[v] = simulateModel(model, scenarioConfig(model, scenario, v), tape, step.at);
    return { at: step.at, step, views };
  });
}

/** A scenario as a loadable starting point for a player (configuration with its variant, and its tape). */
export function preset<E extends { type: string }, C extends object>(
  model: { variants: { field: string } },
  scenario: Scenario<E, C>,
  variant = scenario.versions[0] as string,
) {
  return {
    id: scenario.id,
    title: scenario.title,
    config: scenarioConfig(model, scenario, variant),
    tape: scenarioTape(scenario),
  };
}
