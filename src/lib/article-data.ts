import type { QuizData, ScenarioData } from '../content/article-schema';
import type { NtVersion, Scenario, SimEvent } from '../machines';
import { ntServer } from '../machines/nt-server';

/**
 * An article's data (article.yaml, already parsed by its schema) in the kernel's terms. Pure, no
 * `astro:content`, so unit tests can use it too.
 */

/** A scenario from an article's data, in the kernel's terms. */
export function toScenario(id: string, data: ScenarioData): Scenario {
  const steps = data.steps.map((s) => ({
    at: s.at,
    // The article schema checked these against the article's model.
    ...(s.do ? { event: s.do as SimEvent } : {}),
    narration: s.say,
    ...(s.on ? { narrationOn: s.on as Partial<Record<NtVersion, string>> } : {}),
    anchor: s.anchor,
    ...(s.source ? { source: s.source } : {}),
  }));
  return {
    id,
    model: data.model,
    title: data.title,
    summary: data.summary,
    versions: data.versions as NtVersion[],
    config: data.config,
    steps,
    endAt: data.end ?? steps.at(-1)?.at ?? 0,
    ...(data.columns ? { columns: data.columns } : {}),
  };
}

/** A quiz question's moment in its model's terms (the variant goes in the model's variant field). */
export function quizMoment(
  q: QuizData,
  model: { variants: { field: string } } = ntServer,
): {
  config: Record<string, unknown>;
  tape: { at: number; event: { type: string } }[];
  at: number;
} {
  return {
    config: { ...q.config, [model.variants.field]: q.version },
    // The article schema checked these against the article's model.
    tape: q.tape.map((e) => ({ at: e.at, event: e.do as { type: string } })),
    at: q.at,
  };
}
