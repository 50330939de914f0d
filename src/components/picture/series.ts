import { createTimeline, type ServerConfig, type TapeEntry } from '../../machines';
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
 * come from one incremental timeline per version, so a long tape costs one replay, not one per sample.
 */
export function timelineSeries(
  config: ServerConfig,
  tape: TapeEntry[],
  end: number,
  versions: readonly ServerConfig['version'][],
): Series[] {
  return versions.map((version) => {
    const cfg = { ...config, version };
    // One incremental timeline, sampled in time order: each sample continues from the one before.
    const timeline = createTimeline(cfg, tape);
    const last = timeline.viewAt(end) as PictureView;
    const log = last.log ?? [];
    const times = [...new Set([0, ...tape.map((e) => e.at), ...log.map((e) => e.at)])]
      .filter((t) => t <= end)
      .sort((a, b) => a - b);
    const points: SeriesPoint[] = [];
    for (const at of times) {
      const view = at === end ? last : (timeline.viewAt(at) as PictureView);
      // Every action is a point, even one that changes neither figure: the keyboard stops at each.
      points.push({ at, licences: view.licenses.inUse, connections: view.connections.length });
    }
    const drops = log.filter((e) => e.kind === 'autodisconnect').map((e) => e.at);
    return { version, points, drops: [...new Set(drops)], limit: last.licenses.limit };
  });
}
