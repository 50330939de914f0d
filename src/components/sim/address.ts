import { useEffect, useRef } from 'preact/hooks';

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
 * This page's address with a group of parameters an island owns replaced by `values` (in that
 * order), other parameters kept as they are written.
 */
export function withParams(
  values: readonly (readonly [string, string])[],
  own: readonly string[],
  hash = location.hash,
): string {
  const name = (pair: string) => {
    try {
      return decodeURIComponent((pair.split('=')[0] ?? '').replace(/\+/g, ' '));
    } catch {
      return pair;
    }
  };
  const rest = location.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !own.includes(name(pair)));
  const mine = values.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const query = [...rest, ...mine].join('&');
  return `${location.pathname}${query ? `?${query}` : ''}${hash}`;
}

/** Rewrites the current history entry's address, keeping its state. */
export function replaceAddress(href: string): void {
  history.replaceState(history.state, '', href);
}

/**
 * `read` runs when another island has changed the address; `keep` runs after Back or Forward, to put
 * the island's current moment back into the entry the browser moved to.
 */
function onAddressChange(read: () => void, keep: () => void): () => void {
  window.addEventListener(URL_CHANGED, read);
  window.addEventListener('popstate', keep);
  return () => {
    window.removeEventListener(URL_CHANGED, read);
    window.removeEventListener('popstate', keep);
  };
}

/**
 * Moves to `href` without reloading, and tells the islands: a new history entry (carrying `state`)
 * unless it is where we are.
 */
export function navigate(href: string, state: unknown = null): void {
  if (href === `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', href);
  else history.pushState(state, '', href);
  window.dispatchEvent(new Event(URL_CHANGED));
}

/**
 * Keeps one island's moment in its query parameter `id`, for both islands that have one.
 * - `current` is what the island shows now, as the parameter (null: leave it out), or undefined
 *   while it should not be written (during playback: the address follows the reader, not every frame).
 * - `apply(raw, initial)` takes a parameter the island did not write itself: the link it was opened
 *   with, or one another island navigated to. It returns false when it cannot read it; the
 *   parameter then leaves the address, so reloading or sharing it does not fail again.
 */
export function useAddressParam(
  id: string,
  current: string | null | undefined,
  apply: (raw: string | null, initial: boolean) => boolean,
): void {
  const written = useRef<string | null>(null);
  const applyNow = useRef(apply);
  applyNow.current = apply;

  useEffect(() => {
    const read = (initial: boolean) => {
      const raw = new URLSearchParams(location.search).get(id);
      if (raw === written.current) return; // what this island wrote itself: nothing new
      written.current = raw;
      if (applyNow.current(raw, initial)) return;
      written.current = null;
      history.replaceState(history.state, '', withParam(id, null));
    };
    read(true);
    return onAddressChange(
      () => read(false),
      () => history.replaceState(history.state, '', withParam(id, written.current)),
    );
  }, [id]);

  // On the first render the island has not applied its link yet: there is nothing to write.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (current === undefined) return;
    written.current = current;
    history.replaceState(history.state, '', withParam(id, current));
  }, [id, current]);
}
