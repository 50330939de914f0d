import type { Timeline } from '../../../machines/kernel/timeline';
import {
  createTimeline,
  type ServerConfig,
  type ServerView,
  type TapeEntry,
} from '../../../machines/nt-server';
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
 * come from one replay per version (Timeline.figuresUntil: licences, connections); an island passes the timelines it draws
 * its views from (one per version, in order), so that replay is the only one.
 */
export function timelineSeries(
  config: ServerConfig,
  tape: TapeEntry[],
  end: number,
  versions: readonly ServerConfig['version'][],
  timelines?: readonly Timeline<ServerView>[],
): Series[] {
  return versions.map((version, v) => {
    // One replay of the tape gives the figures at every step, then the log at the end (already there).
    const timeline = timelines?.[v] ?? createTimeline({ ...config, version }, tape);
    const counts = timeline.figuresUntil(end);
    const last = timeline.viewAt(end) as PictureView;
    const log = last.log ?? [];
    const times = [...new Set([0, ...tape.map((e) => e.at), ...log.map((e) => e.at)])]
      .filter((t) => t <= end)
      .sort((a, b) => a - b);
    // Every action is a point, even one that changes neither figure: the keyboard stops at each. Each
    // of these times is a step of the replay (an entry, or the timer that logged), but one: an
    // autodisconnect the server carries out late is logged at its deadline (Server Manager closed a
    // session's last open file past it), which is no step. A time reads the latest step at or before it.
    const steps = [...counts];
    let k = 0;
    const points = times.map((at) => {
      while ((steps[k + 1]?.[0] ?? end + 1) <= at) k++;
      const [licences = 0, connections = 0] = (steps[k] as [number, readonly number[]])[1];
      return { at, licences, connections };
    });
    const drops = log.filter((e) => e.kind === 'autodisconnect').map((e) => e.at);
    return { version, points, drops: [...new Set(drops)], limit: last.licenses.limit };
  });
}
