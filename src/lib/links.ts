import { encode, type LinkState } from '../machines/link';

/** The stable URL of an article: `/kb/q153066/`. */
export function articleHref(kbId: string): string {
  return `/kb/${kbId.toLowerCase()}/`;
}

/** A passage of an article. */
export function anchorHref(kbId: string, anchor: string): string {
  return `${articleHref(kbId)}#${anchor}`;
}

/** A simulation of an article opened at a moment: its query parameter and its anchor are its id. */
export function momentHref(kbId: string, simulationId: string, state: LinkState): string {
  return `${articleHref(kbId)}?${simulationId}=${encode(state)}#${simulationId}`;
}

/** The first simulation in an article's MDX that can open any moment (free play, else side by side). */
export function openableSimulation(mdx: string): string | undefined {
  const sims = [...mdx.matchAll(/<Simulation\b([^>]*)\/?>/g)].map(([, attrs = '']) => ({
    mode: /mode="([a-z]+)"/.exec(attrs)?.[1],
    id: /\bid="([^"]+)"/.exec(attrs)?.[1],
  }));
  const free = sims.find((s) => s.mode === 'free');
  if (free) return free.id ?? 'play';
  const compare = sims.find((s) => s.mode === 'compare');
  return compare ? (compare.id ?? 'compare') : undefined;
}
