import type { LogEntry } from '../../machines';

/** The KB article behind each source key the kernel cites (src/content/sources.yaml, from the page). */
export type Sources = Readonly<Record<string, string>>;

const cited = new WeakMap<readonly LogEntry[], LogEntry[]>();

/**
 * The log with each entry's sources printed after its text: "… both go up. (Q159600)". The same
 * log gives the same array back, so views that skip an unchanged log still skip it.
 */
export function citeLog(log: readonly LogEntry[], sources: Sources): LogEntry[] {
  let out = cited.get(log);
  if (!out) {
    out = log.map((e) =>
      e.cites ? { ...e, text: `${e.text} (${e.cites.map((key) => sources[key] ?? key).join(', ')})` } : e,
    );
    cited.set(log, out);
  }
  return out;
}
