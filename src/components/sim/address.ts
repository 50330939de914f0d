import { useEffect, useRef } from 'preact/hooks';

/**
 * The address bar as the islands share it. Each island keeps its moment in its own query parameter.
 * An island that changes another's parameter says so with URL_CHANGED, and the islands re-read
 * their parameter. The browser's Back and Forward (popstate) only undo a navigation, such as a jump
 * to an anchor: the islands keep what the reader has done since and write it back into the address.
 */
export const URL_CHANGED = 'livekb:urlchange';

/**
 * This page's address with `id` set to `value` (or removed). The parameter keeps its place, and
 * other islands' parameters stay exactly as written (set by hand: URLSearchParams would reorder
 * and re-escape them, and escape the `~` the encoding may use).
 */
export function withParam(id: string, value: string | null, hash = location.hash): string {
  const pairs = location.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '');
  const mine = value === null ? [] : [`${id}=${value}`];
  const at = pairs.findIndex((pair) => paramName(pair) === id);
  const rest = pairs.filter((pair) => paramName(pair) !== id);
  if (at === -1) rest.push(...mine);
  else rest.splice(at, 0, ...mine);
  return `${location.pathname}${rest.length ? `?${rest.join('&')}` : ''}${hash}`;
}

function paramName(pair: string): string {
  const name = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
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
  const rest = location.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !own.includes(paramName(pair)));
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
