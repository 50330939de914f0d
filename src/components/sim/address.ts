/**
 * The address bar as the islands share it. Each island keeps its moment in its own query parameter.
 * An island that changes another's parameter says so with URL_CHANGED, and the islands re-read
 * their parameter. The browser's Back and Forward (popstate) only undo a navigation, such as a jump
 * to an anchor: the islands keep what the reader has done since and write it back into the address.
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

/**
 * `read` runs when another island has changed the address; `keep` runs after Back or Forward, to put
 * the island's current moment back into the entry the browser moved to.
 */
export function onAddressChange(read: () => void, keep: () => void): () => void {
  window.addEventListener(URL_CHANGED, read);
  window.addEventListener('popstate', keep);
  return () => {
    window.removeEventListener(URL_CHANGED, read);
    window.removeEventListener('popstate', keep);
  };
}

/** Moves to `href` without reloading, and tells the islands: a new history entry unless it is where we are. */
export function navigate(href: string): void {
  if (href === `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(URL_CHANGED));
}
