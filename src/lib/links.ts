import type { LinkState } from '../machines/kernel/link';
import { codecOf, DEFAULT_MODEL } from '../machines/models';
import { momentQuery } from './moment-links';

// The islands' address helpers live in moment-links.ts, which imports no model (an island that
// imported this file would carry every registered model); they are part of this module's API.
export { embedMomentHref, momentQuery } from './moment-links';

/**
 * Every address of an article, a passage in it and a moment of one of its simulations comes from
 * here, so the troubleshooter, the quiz and the static lists cannot disagree with the pages.
 */

/** `Q153066` → `/kb/q153066/`. */
export function articleHref(kbId: string): string {
  return `/kb/${kbId.toLowerCase()}/`;
}

/** A passage of an article. */
export function anchorHref(kbId: string, anchor: string): string {
  return `${articleHref(kbId)}#${anchor}`;
}

/** A term of the glossary (its heading's id, such as `error-71`). */
export function glossaryHref(term: string): string {
  return `/glossary/#${term}`;
}

/** A simulation of an article opened at a moment of its model (the article's `model:`). */
export function momentHref(
  kbId: string,
  simulationId: string,
  state: LinkState<object, { type: string }>,
  model: string = DEFAULT_MODEL,
): string {
  return `${articleHref(kbId)}${momentQuery(simulationId, codecOf(model).encode(state))}`;
}

export type SimulationMode = 'scenario' | 'compare' | 'free';
const DEFAULT_IDS: Record<SimulationMode, string> = {
  scenario: 'scenario',
  compare: 'compare',
  free: 'play',
};

export interface SimulationRef {
  mode: SimulationMode;
  scenario: string;
  /** Element id and query parameter on the page. */
  id: string;
  /** The article folder whose `article.yaml` has the scenario, when it is another article's (`article=`). */
  article?: string;
}

/**
 * The simulations an article's MDX embeds, in page order, with the ids they get on the page and,
 * for one showing another article's scenario, that article's folder.
 */
export function simulationsIn(mdx: string): SimulationRef[] {
  return [...mdx.matchAll(/<Simulation\b([^>]*)\/?>/g)].flatMap(([, attrs = '']) => {
    const mode = /\bmode="(scenario|compare|free)"/.exec(attrs)?.[1] as SimulationMode | undefined;
    const scenario = /\bscenario="([^"]+)"/.exec(attrs)?.[1];
    if (!mode || !scenario) return [];
    const article = /(?:^|\s)article="([^"]+)"/.exec(attrs)?.[1];
    return [
      {
        mode,
        scenario,
        id: /\bid="([^"]+)"/.exec(attrs)?.[1] ?? DEFAULT_IDS[mode],
        ...(article ? { article } : {}),
      },
    ];
  });
}

/** The first simulation in an article's MDX that can open any moment (free play, else side by side). */
export function openableSimulation(mdx: string): string | undefined {
  const sims = simulationsIn(mdx);
  return (sims.find((s) => s.mode === 'free') ?? sims.find((s) => s.mode === 'compare'))?.id;
}

/** A simulation alone, for other sites to frame: `/embed/q153066/compare/`. */
export function embedHref(kbId: string, simulationId: string): string {
  return `/embed/${kbId.toLowerCase()}/${simulationId}/`;
}
