/*
 * The addresses of a simulation's moment, as plain strings: part of src/lib/links.ts (which re-exports
 * them), in a file of their own that imports no model, so the islands that build them carry no model
 * but their own.
 */

/**
 * One simulation's moment on a page, alone (`?compare=2.nt-server…#compare`): its query parameter and
 * its anchor are its id. A shared link carries no other simulation's parameters.
 */
export function momentQuery(simulationId: string, link: string): string {
  return `?${simulationId}=${link}#${simulationId}`;
}

/** A simulation's embed page (`embedHref`) at a moment. */
export function embedMomentHref(embed: string, simulationId: string, link: string): string {
  return `${embed}?${simulationId}=${link}`;
}
