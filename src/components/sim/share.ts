/**
 * Copies the link to what the reader is looking at: this simulation's moment alone (momentQuery), not
 * the other simulations' parameters the address bar keeps. Returns the sentence to show. Shared by
 * the scenario player and the simulator.
 */
export async function copyLink(path: string, what: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(`${location.origin}${path}`);
    return `Link copied: it opens ${what}.`;
  } catch {
    return `Your browser did not let the page copy. The address bar holds ${what}, among the page's other simulations.`;
  }
}
