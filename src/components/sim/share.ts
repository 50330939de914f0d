/**
 * Copies a link to what the reader is looking at; where the browser refuses, puts it in the address
 * bar instead. Returns the sentence to show. Shared by the scenario player and the simulator.
 */
export async function copyLink(path: string, what: string): Promise<string> {
  const url = `${location.origin}${path}`;
  try {
    await navigator.clipboard.writeText(url);
    return `Link copied. It opens ${what}.`;
  } catch {
    history.replaceState(history.state, '', url);
    return `Your browser did not let the page copy. The address bar now holds the link to ${what}.`;
  }
}
