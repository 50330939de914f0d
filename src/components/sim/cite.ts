import type { LogEntry } from '../../machines/kernel/log';

/** The KB article behind each source key the kernel cites (src/content/sources.yaml, from the page). */
export type Sources = Readonly<Record<string, string>>;

/** For islands given no sources: one object, so their logs are cited once, not on every render. */
export const NO_SOURCES: Sources = {};

const cited = new WeakMap<Sources, WeakMap<readonly LogEntry[], LogEntry[]>>();

/**
 * The log with each entry's sources printed after its text: "… both go up. (Q159600)". The same
 * log and sources give the same array back, so views that skip an unchanged log still skip it.
 */
export function citeLog(log: readonly LogEntry[], sources: Sources): LogEntry[] {
  let bySources = cited.get(sources);
  if (!bySources) {
    bySources = new WeakMap();
    cited.set(sources, bySources);
  }
  let out = bySources.get(log);
  if (!out) {
    out = log.map((e) =>
      e.cites ? { ...e, text: `${e.text} (${e.cites.map((key) => sources[key] ?? key).join(', ')})` } : e,
    );
    bySources.set(log, out);
  }
  return out;
}
