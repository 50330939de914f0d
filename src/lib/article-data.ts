import type { QuizData, ScenarioData } from '../content/article-schema';
import type { NtVersion, Scenario, TapeEntry } from '../machines';

/**
 * An article's data (article.yaml, already parsed by its schema) in the kernel's terms. Pure, no
 * `astro:content`, so unit tests can use it too.
 */

/** A scenario from an article's data, in the kernel's terms. */
export function toScenario(id: string, data: ScenarioData): Scenario {
  const steps = data.steps.map((s) => ({
    at: s.at,
    ...(s.do ? { event: s.do } : {}),
    narration: s.say,
    ...(s.on ? { narrationOn: s.on as Partial<Record<NtVersion, string>> } : {}),
    anchor: s.anchor,
    ...(s.source ? { source: s.source } : {}),
  }));
  return {
    id,
    title: data.title,
    summary: data.summary,
    versions: data.versions,
    config: data.config,
    steps,
    endAt: data.end ?? steps.at(-1)?.at ?? 0,
  };
}

/** A quiz question's moment in the kernel's terms. */
export function quizMoment(q: QuizData): { config: { version: NtVersion }; tape: TapeEntry[]; at: number } {
  return {
    config: { ...q.config, version: q.version },
    tape: q.tape.map((e) => ({ at: e.at, event: e.do })),
    at: q.at,
  };
}
