import type { Counters, NtVersion, ServerConfig, ServerView, SimEvent, TapeEntry } from './nt-server';
import { simulate } from './nt-server';

/**
 * A scenario: a short story told as tape entries with narration. The stories themselves are
 * article content (each article's `article.yaml`); the kernel only knows their shape and runs them.
 */
export interface ScenarioStep {
  at: number;
  /** Absent for a step that only lets time pass. */
  event?: SimEvent;
  /** What happens, on the scenario's first version. */
  narration: string;
  /** What to say instead on another version, where the story reads differently there. */
  narrationOn?: Partial<Record<NtVersion, string>>;
  /** Id of the article passage the step demonstrates. */
  anchor: string;
  /** Where the fact comes from, when it is not the article itself. */
  source?: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  /** The versions it is shown on; the first is the default. */
  versions: NtVersion[];
  config: Omit<ServerConfig, 'version'>;
  steps: ScenarioStep[];
  /** The time the scenario runs to. */
  endAt: number;
  /** Performance Monitor counters its static transcript shows as columns (read from the view). */
  counters?: (keyof Counters)[];
}

/** @deprecated Scenario ids are article content now; kept as a plain string. */
export type ScenarioId = string;

/** The narration for the version on screen. */
export function narrationFor(step: ScenarioStep, version: NtVersion): string {
  return step.narrationOn?.[version] ?? step.narration;
}

/** The scenario's events as a tape (steps that only let time pass are skipped). */
export function scenarioTape(scenario: Scenario, through = scenario.steps.length - 1): TapeEntry[] {
  const tape: TapeEntry[] = [];
  scenario.steps.forEach((step, i) => {
    if (i <= through && step.event) tape.push({ at: step.at, event: step.event });
  });
  return tape;
}

export interface TranscriptRow {
  at: number;
  step: ScenarioStep;
  /** Keyed by version: the server at the step's time, after the step's event. */
  views: Record<string, ServerView>;
}

/** One row per step with each version's view, for the static transcript. */
export function transcript(scenario: Scenario, versions: NtVersion[] = scenario.versions): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  const tape: TapeEntry[] = [];
  for (const step of scenario.steps) {
    if (step.event) tape.push({ at: step.at, event: step.event });
    const views: Record<string, ServerView> = {};
    for (const version of versions) {
      views[version] = simulate({ ...scenario.config, version }, tape, step.at);
    }
    rows.push({ at: step.at, step, views });
  }
  return rows;
}

/** A scenario as a loadable starting point for a simulator (config with a version, and its tape). */
export function preset(scenario: Scenario, version: NtVersion = scenario.versions[0] ?? '3.51') {
  return {
    id: scenario.id,
    title: scenario.title,
    config: { ...scenario.config, version },
    tape: scenarioTape(scenario),
  };
}
