/** One outcome a model logs: every outcome, refusals included. */
export interface LogEntry<Kind extends string = string, Cite extends string = string> {
  at: number;
  text: string;
  error?: number;
  kind: Kind;
  /** The client computer (or other actor of the model's world) the entry is about, when there is one. */
  computer?: string;
  /** The sources of what the text says, by the model's source keys, in the order it says it. */
  cites?: readonly Cite[];
}

/** A persistent log, newest first: appending is O(1) without copying, and checkpoints share it. */
export interface LogNode<Entry = LogEntry> {
  readonly entry: Entry;
  readonly prev: LogNode<Entry> | null;
}

/** Flattens a persistent log, oldest first. */
export function logEntries<Entry>(log: LogNode<Entry> | null): Entry[] {
  const out: Entry[] = [];
  for (let node = log; node; node = node.prev) out.push(node.entry);
  return out.reverse();
}

/** Adds an entry; optional fields are set only when given, so views compare equal however made. */
export function append<Entry extends LogEntry>(
  log: LogNode<Entry> | null,
  at: number,
  kind: Entry['kind'],
  text: string,
  computer?: string,
  error?: number,
  cites?: Entry['cites'],
): LogNode<Entry> {
  const entry = { at, text, kind } as Entry;
  if (error !== undefined) entry.error = error;
  if (computer !== undefined) entry.computer = computer;
  if (cites?.length) entry.cites = cites;
  return { entry, prev: log };
}
