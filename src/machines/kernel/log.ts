/**
 * One outcome a model logs: every outcome, refusals included.
 *
 * `code` names the outcome in a short stable string from the model's own table of codes (a
 * `codes.ts` beside its wording), such as `session.refused.credentials`: lower case, dotted from the
 * general to the particular, with `.refused.` in every refusal's code; never renamed or reused once
 * published. Tests, readings and tools read the code; `text` is the wording a reader sees and may
 * change at any time. A model whose entries all carry one requires it in its own entry type; it is
 * optional here only until every model sets it.
 */
export interface LogEntry<
  Kind extends string = string,
  Cite extends string = string,
  Code extends string = string,
> {
  at: number;
  text: string;
  error?: number;
  kind: Kind;
  code?: Code;
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

/**
 * Adds an entry. Optional fields are kept only when set (an `undefined` field or an empty `cites`
 * is left out), so views compare equal however they were made.
 */
export function append<Entry extends LogEntry>(log: LogNode<Entry> | null, entry: Entry): LogNode<Entry> {
  const { at, text, kind, code, error, computer, cites } = entry;
  const kept = { at, text, kind } as Entry;
  if (code !== undefined) kept.code = code;
  if (error !== undefined) kept.error = error;
  if (computer !== undefined) kept.computer = computer;
  if (cites?.length) kept.cites = cites;
  return { entry: kept, prev: log };
}
