import { encode, type LinkState } from '../machines/link';

/**
 * Every address of an article, a passage in it and a moment of one of its simulations comes from
 * here, so the troubleshooter, the quiz and the static lists cannot disagree with the pages.
 */

/** `Q153066` → `/kb/q153066/`. */
export function articleHref(kbId: string): string {
  return `/kb/${kbId.toLowerCase()}/`;
}

/** A passage of an article: `/kb/q153066/#resolution`. */
export function anchorHref(kbId: string, anchor: string): string {
  return `${articleHref(kbId)}#${anchor}`;
}

/**
 * A simulation on an article page at a moment: the query parameter is the simulation's id on the
 * page and holds the kernel's encoding of the moment; the fragment scrolls to that simulation.
 */
export function momentHref(kbId: string, simulationId: string, state: LinkState): string {
  return `${articleHref(kbId)}?${simulationId}=${encodeURIComponent(encode(state))}#${simulationId}`;
}
