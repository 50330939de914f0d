import type { AnyModel } from './kernel/model';
import {
  type Scenario as ModelScenario,
  type ScenarioStep as ModelScenarioStep,
  type TranscriptRow as ModelTranscriptRow,
  preset as presetOn,
  transcript as transcriptOn,
} from './kernel/scenario';
import { MODELS, type ModelId } from './models';
import type { NtVersion, ServerConfig, ServerView, SimEvent } from './nt-server';

/*
 * The scenario engine (src/machines/kernel/scenario.ts) bound to the registered models: a scenario
 * names its model, and these run it on that one. The default types are the NT server's.
 */
export type ScenarioStep<E extends { type: string } = SimEvent> = ModelScenarioStep<E>;
export type Scenario<
  E extends { type: string } = SimEvent,
  C extends object = ServerConfig,
  V extends string = NtVersion,
> = ModelScenario<E, C, V>;
export type TranscriptRow<E extends { type: string } = SimEvent, V = ServerView> = ModelTranscriptRow<E, V>;
/** @deprecated Scenario ids are article content now; kept as a plain string. */
export type ScenarioId = string;
export { narrationFor, scenarioTape } from './kernel/scenario';

function modelOf(scenario: { model: string }): AnyModel {
  const model: AnyModel | undefined = MODELS[scenario.model as ModelId];
  if (!model) throw new Error(`Scenario runs on "${scenario.model}", which is not a registered model.`);
  return model;
}

/** One row per step with each variant's view, for the static transcript. */
export function transcript<E extends { type: string }, C extends object, V = ServerView>(
  scenario: ModelScenario<E, C>,
  variants: readonly string[] = scenario.versions,
): ModelTranscriptRow<E, V>[] {
  return transcriptOn(modelOf(scenario), scenario as never, variants) as ModelTranscriptRow<E, V>[];
}

/** A scenario as a loadable starting point for a player (configuration with its variant, and its tape). */
export function preset<E extends { type: string }, C extends object>(
  scenario: ModelScenario<E, C>,
  variant = scenario.versions[0] as string,
) {
  return presetOn(modelOf(scenario), scenario, variant);
}
