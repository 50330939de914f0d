import {
  type Counts,
  createTimeline,
  type ServerConfig,
  type TapeEntry,
  type Timeline,
} from '../../machines';
import type { PictureView } from './view';

export interface SeriesPoint {
  at: number;
  licences: number;
  connections: number;
}

/** One server's licences and connections over time, as steps: each point holds until the next. */
export interface Series {
  version: string;
  points: SeriesPoint[];
  /** When autodisconnect dropped a session. */
  drops: number[];
  limit: number;
}

/**
 * Samples the kernel at the moments anything can change: t = 0, each tape entry and each log entry
 * (autodisconnects included) up to `end`. Between them nothing changes but idle time. The samples
 * come from one replay per version (Timeline.countsUntil); an island passes the timelines it draws
 * its views from (one per version, in order), so that replay is the only one.
 */
export function timelineSeries(
  config: ServerConfig,
  tape: TapeEntry[],
  end: number,
  versions: readonly ServerConfig['version'][],
  timelines?: readonly Timeline[],
): Series[] {
  return versions.map((version, v) => {
    // One replay of the tape gives the figures at every step, then the log at the end (already there).
    const timeline = timelines?.[v] ?? createTimeline({ ...config, version }, tape);
    const counts = timeline.countsUntil(end);
    const last = timeline.viewAt(end) as PictureView;
    const log = last.log ?? [];
    const times = stepTimes(tape, log, end);
    // Every action is a point, even one that changes neither figure: the keyboard stops at each. Each
    // of these times is a step of the replay (an entry, or the timer that logged), but one: an
    // autodisconnect the server carries out late is logged at its deadline (Server Manager closed a
    // session's last open file past it), which is no step. A time reads the latest step at or before it.
    const steps = [...counts];
    let k = 0;
    const points = times.map((at) => {
      while (k + 1 < steps.length && (steps[k + 1] as [number, Counts])[0] <= at) k++;
      const { licences, connections } = (steps[k] as [number, Counts])[1];
      return { at, licences, connections };
    });
    const drops = log.filter((e) => e.kind === 'autodisconnect').map((e) => e.at);
    return { version, points, drops: [...new Set(drops)], limit: last.licenses.limit };
  });
}

/**
 * 0, each tape entry's time and each log entry's time up to `end`, once each, in order. Both lists
 * are in time order, so they are merged in one pass (a week-long link has thousands of each); when
 * one is not (a log entry dated back), they are sorted instead.
 */
export function stepTimes(
  tape: readonly { at: number }[],
  log: readonly { at: number }[],
  end: number,
): number[] {
  if (!inOrder(tape) || !inOrder(log)) {
    return [...new Set([0, ...tape.map((e) => e.at), ...log.map((e) => e.at)])]
      .filter((t) => t <= end)
      .sort((a, b) => a - b);
  }
  const out: number[] = [0];
  let i = 0;
  let j = 0;
  for (;;) {
    const a = i < tape.length ? (tape[i] as { at: number }).at : Number.POSITIVE_INFINITY;
    const b = j < log.length ? (log[j] as { at: number }).at : Number.POSITIVE_INFINITY;
    const t = Math.min(a, b);
    if (t > end) return out;
    if (a <= b) i++;
    else j++;
    if (t > (out[out.length - 1] as number)) out.push(t);
  }
}

function inOrder(list: readonly { at: number }[]): boolean {
  for (let i = 1; i < list.length; i++)
    if ((list[i] as { at: number }).at < (list[i - 1] as { at: number }).at) return false;
  return true;
}
