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
import { StateChart } from './StateChart';
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

function Extra({ id, mode }: { id: string; mode: 'scenario' | 'compare' | 'free' }) {
  return (
    <>
      {mode !== 'scenario' && (
        <p id={`${id}-autodisconnect-help`} class="kb-live-only kb-sim__help">
          Autodisconnect takes -1 to 65535 minutes, as <code>net config server /autodisconnect</code> does: -1
          is never; 65535 minutes is about 45 days.
        </p>
      )}
      <StateChart id={id} />
    </>
  );
}

export const transcript: TranscriptView<ServerView> = {
  page: {
    system: 'server',
    compareIntro: (title) =>
      `Both servers receive the same actions at the same moments, starting with “${title}”. Press Play, or jump to the next autodisconnect, and watch the IPC$ line and the licence count. Rows and figures that differ between the versions are marked.`,
    freeIntro: (title) =>
      `An empty NTSERVER with two workstations: WKS1, where jsmith is logged on, and WKS2, where mlee is. Connect as anyone, open and close files, change autodisconnect, stop the License Logging service, lower the licence limit until someone is refused. “Load it” starts from “${title}”.`,
    Extra,
  },
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
