/**
 * Puts the link to what the reader is looking at in the address bar, then copies it. Returns the
 * sentence to show: the address bar holds the link either way, also when the browser refuses the
 * copy. Shared by the scenario player and the simulator.
 */
export async function copyLink(path: string, what: string): Promise<string> {
  history.replaceState(history.state, '', path);
  try {
    await navigator.clipboard.writeText(`${location.origin}${path}`);
    return `Link copied: it opens ${what}, and the address bar holds it too.`;
  } catch {
    return `Your browser did not let the page copy. The address bar holds the link to ${what}.`;
  }
}
