import type { ConnectionView, Counters, ServerView } from './world';

/** The key of a Server Manager row or a client use: `computer/share`. */
export const rowKey = (c: { computer: string; share: string }): string => `${c.computer}/${c.share}`;

export interface ViewDiff {
  /** Nothing a reader would see differs (time and log aside). */
  same: boolean;
  /** Rows listed in `a` but not in `b`, or listed in both under a different user. */
  rows: string[];
  /** Rows listed in `b` but not in `a`, or listed in both under a different user. */
  rowsInB: string[];
  /** Licences in use, the limit or the License Logging service differ. */
  licences: boolean;
  /** Client uses (`computer/share`) present in only one view or with a different status. */
  uses: string[];
  /** Computers whose session state differs. */
  sessions: string[];
  /** Performance Monitor counters that differ. */
  counters: (keyof Counters)[];
}

function shown(view: ServerView): Map<string, string> {
  return new Map(view.connections.map((c) => [rowKey(c), c.shownUser]));
}

function onlyIn(x: Map<string, string>, y: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, user] of x) if (y.get(key) !== user) out.push(key);
  return out;
}

function useMap(view: ServerView): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of view.clients)
    for (const u of c.uses) m.set(`${c.computer}/${u.share}`, `${u.account}|${u.status}`);
  return m;
}

/** Performance Monitor's names for the Server object's counters (autodisconnect-counters). */
export const COUNTER_NAMES: Readonly<Record<keyof Counters, string>> = {
  sessionsTimedOut: 'Sessions Timed Out',
  sessionsErroredOut: 'Sessions Errored Out',
  sessionsForcedOff: 'Sessions Forced Off',
  sessionsLoggedOff: 'Sessions Logged Off',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What one server shows, in a few words, for a comparison sentence. */
export function describeView(view: ServerView): string {
  const ipc = view.connections
    .filter((c: ConnectionView) => c.share === 'IPC$')
    .map((c) => `IPC$ from ${c.computer} (shown as ${c.shownUser})`);
  const listed =
    view.connections.length === 0
      ? 'lists no connections'
      : `lists ${plural(view.connections.length, 'connection')}${ipc.length ? `, including ${ipc.join(' and ')}` : ''}`;
  const licences =
    view.licenses.service === 'absent'
      ? 'no licensing (NT 3.5)'
      : view.licenses.logging
        ? `${plural(view.licenses.inUse, 'licence')} in use`
        : 'licences not counted';
  return `${listed}; ${licences}`;
}

/**
 * Compares two views of the same moment (say NT 3.51 and NT 4.0 on one tape): which Server Manager
 * rows, licence figures, client uses, session states and counters differ. Views show these; they
 * never work out a difference themselves.
 */
export function diffViews(a: ServerView, b: ServerView): ViewDiff {
  const sa = shown(a);
  const sb = shown(b);
  const rows = onlyIn(sa, sb);
  const rowsInB = onlyIn(sb, sa);
  const licences =
    a.licenses.inUse !== b.licenses.inUse ||
    a.licenses.limit !== b.licenses.limit ||
    a.licenses.logging !== b.licenses.logging ||
    a.licenses.service !== b.licenses.service;
  const ua = useMap(a);
  const ub = useMap(b);
  const uses = [...new Set([...onlyIn(ua, ub), ...onlyIn(ub, ua)])].sort();
  const sessions = a.sessions
    .filter((s) => b.sessions.find((t) => t.computer === s.computer)?.state !== s.state)
    .map((s) => s.computer);
  const counters = (Object.keys(a.counters) as (keyof Counters)[]).filter(
    (k) => a.counters[k] !== b.counters[k],
  );
  const same =
    rows.length === 0 &&
    rowsInB.length === 0 &&
    !licences &&
    uses.length === 0 &&
    sessions.length === 0 &&
    counters.length === 0;
  return { same, rows, rowsInB, licences, uses, sessions, counters };
}

/** diffViews as one plain sentence (or that nothing differs); `labels` name the two servers. */
export function diffSummary(
  a: ServerView,
  b: ServerView,
  labels: readonly [string, string] = ['the first server', 'the second server'],
): string {
  const { same, uses, sessions, counters } = diffViews(a, b);
  const da = describeView(a);
  const db = describeView(b);
  const also = [
    ...(uses.length ? ['the workstations’ uses'] : []),
    ...(sessions.length ? ['session states'] : []),
    ...counters.map((k) => COUNTER_NAMES[k]),
  ];
  return same
    ? `Right now both servers show the same: ${da}.`
    : da === db
      ? `Right now both servers show the same connections and licences (${da}), but differ in ${also.join(', ')}.`
      : `Right now ${labels[0]} ${da}; ${labels[1]} ${db}.`;
}
