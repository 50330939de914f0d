/**
 * The address bar as the islands share it. Each island keeps its moment in its own query parameter;
 * an island that changes another's parameter says so with URL_CHANGED, and every island re-reads
 * its parameter on that event and on the browser's Back and Forward (popstate).
 */
export const URL_CHANGED = 'livekb:urlchange';

/** This page's address with `id` set to `value` (or removed), other islands' parameters kept. */
export function withParam(id: string, value: string | null, hash = location.hash): string {
  const params = new URLSearchParams(location.search);
  params.delete(id);
  const rest = params.toString();
  if (value === null) return `${location.pathname}${rest ? `?${rest}` : ''}${hash}`;
  // Set by hand: URLSearchParams would escape the `~` the encoding may use.
  return `${location.pathname}?${rest ? `${rest}&` : ''}${id}=${value}${hash}`;
}

/** Calls `read` whenever the address may have changed under the island: Back, Forward, or another island. */
export function onAddressChange(read: () => void): () => void {
  window.addEventListener('popstate', read);
  window.addEventListener(URL_CHANGED, read);
  return () => {
    window.removeEventListener('popstate', read);
    window.removeEventListener(URL_CHANGED, read);
  };
}

/** Moves to `href` as a new history entry, without reloading, and tells the islands. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new Event(URL_CHANGED));
}
