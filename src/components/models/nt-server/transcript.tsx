import {
  COUNTER_NAMES,
  type Counters,
  describeEvent,
  type NtVersion,
  type ServerView,
  type TapeEntry,
  world,
} from '../../../machines';
import type { TranscriptView } from '../transcript';
import { NetworkPicture } from './NetworkPicture';
import { timelineSeries } from './series';
import { Timeline } from './Timeline';

/** How an NT server scenario reads on paper: Server Manager's list and the licence count per version. */
const connections = (view: ServerView) =>
  view.connections.map(
    (c) => `${c.computer} · ${c.shownUser} · ${c.share}${c.opens ? ` · ${c.opens} open` : ''}`,
  );
const licences = (view: ServerView) =>
  view.licenses.logging
    ? `${view.licenses.inUse} of ${view.licenses.limit} in use`
    : `not counted (License Logging stopped)`;

export const transcript: TranscriptView<ServerView> = {
  variantName: (v) => `NT ${v}`,
  caption: (title, columns) =>
    `${title}: what Server Manager${columns.length ? ', Performance Monitor' : ''} and the licence count show after each step`,
  headers: ['Server Manager', 'licences'],
  // Performance Monitor's Server object counters, read from the view (what Q159600 turns on).
  columns: COUNTER_NAMES,
  describe: (event) => describeEvent(event as TapeEntry['event']),
  Cells({ view, id, variant, columns }) {
    const list = connections(view);
    return (
      <>
        <td>
          <NetworkPicture
            id={id}
            view={view}
            version={variant as NtVersion}
            autodisconnectMinutes={view.autodisconnectMinutes}
            computers={world.computers}
            describedBy={`${id}-list`}
          />
          {list.length ? (
            <ul id={`${id}-list`}>
              {list.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p id={`${id}-list`}>No connections</p>
          )}
        </td>
        <td>{licences(view)}</td>
        {columns.map((k) => (
          <td key={k} class="kb-num" data-column={k}>
            {view.counters[k as keyof Counters]}
          </td>
        ))}
      </>
    );
  },
  Timeline({ config, tape, end, variants }) {
    const series = timelineSeries(
      { ...config, version: variants[0] as NtVersion },
      tape as TapeEntry[],
      end,
      variants as NtVersion[],
    );
    return <Timeline series={series} end={end} />;
  },
};
