import countersUrl from 'chunk-url:./panels/CountersPanel';
import netUseUrl from 'chunk-url:./panels/NetUsePanel';
import serverManagerUrl from 'chunk-url:./panels/ServerManagerPanel';
import eventLogUrl from 'chunk-url:../../sim/panels/EventLogPanel';
import { createElement } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  COUNTER_NAMES,
  type Counters,
  type NtVersion,
  ntServer,
  ntServerPlayer,
  type Timeline as ServerTimeline,
  type ServerView,
  world,
} from '../../../machines/nt-server';
import { decode, encode, linkFits, linkOrNull, ruleChangeNote } from '../../../machines/nt-server/link';
import type { ControlsProps, EvidenceFigure, ModelUi, PictureProps, TimelineProps } from '../../sim/modelUi';
import { serveReplays } from '../../sim/offthread';
import { loadPanel } from '../../sim/Panels';
import { Controls } from './Controls';
import { NetworkPicture } from './NetworkPicture';
import { markChart } from './StateChart';
import { timelineSeries } from './series';
import { Timeline } from './Timeline';
import { sessionState } from './view';

/*
 * The NT server's part of the players (src/components/sim/modelUi.ts): its picture, controls,
 * timeline, the figures an article can pin beside the picture, and its panels, each loaded when the
 * reader opens its tab.
 */

export type NtServerModel = typeof ntServer;

function Picture({ id, view, variant }: PictureProps<NtServerModel>) {
  return createElement(NetworkPicture, {
    id,
    view,
    version: variant,
    autodisconnectMinutes: view.autodisconnectMinutes,
    computers: world.computers,
  });
}

function ServerControls({
  id,
  view,
  config,
  revision,
  record,
  setConfig,
  result,
  scope,
}: ControlsProps<NtServerModel>) {
  return createElement(Controls, {
    id,
    autodisconnect: view.autodisconnectMinutes,
    revision,
    licenseLimit: view.licenses.limit,
    onRecord: record,
    onLicenseLimit: (limit: number) => setConfig({ ...config, licenseLimit: limit }),
    licensing: view.licenses.service === 'absent' ? undefined : view.licenses.logging,
    licensingScope: scope,
    result,
  });
}

function ServerTimelinePicture({
  config,
  tape,
  end,
  at,
  variants,
  timelines,
  onSeek,
}: TimelineProps<NtServerModel>) {
  // The timeline changes with the tape, not the clock: sampled once per tape, drawn every frame. It is
  // sampled from the same timelines as the views, so a new tape is replayed once, not twice.
  const series = useMemo(
    () => timelineSeries(config, tape, end, variants as NtVersion[], timelines as readonly ServerTimeline[]),
    [timelines, end],
  );
  return createElement(Timeline, { series, end, at, onSeek });
}

const counter =
  (key: keyof Counters) =>
  (view: ServerView): EvidenceFigure => ({ label: COUNTER_NAMES[key], value: String(view.counters[key]) });

// Run as a worker, this module replays long links for the page (src/components/sim/offthread.ts).
serveReplays(ntServer);

export const ui: ModelUi<NtServerModel> = {
  model: ntServer,
  player: ntServerPlayer,
  codec: { decode, encode, linkFits, linkOrNull },
  workerUrl: import.meta.url,
  linkNote: ruleChangeNote,
  emptyConfig: { version: '3.51' },
  variantLabel: (v) => `NT ${v}`,
  systemLabel: (v) => `${world.server} on Windows NT ${v}`,
  nextLabel: 'To the next autodisconnect',
  Picture,
  Controls: ServerControls,
  Timeline: ServerTimelinePicture,
  panels: [
    // Each panel is a chunk of its own, loaded by address when first opened (src/integrations/chunk-url.ts).
    { id: 'server-manager', label: 'Server Manager', load: loadPanel(serverManagerUrl) },
    { id: 'counters', label: 'Performance Monitor', load: loadPanel(countersUrl) },
    { id: 'net-use', label: 'net use', load: loadPanel(netUseUrl) },
    { id: 'log', label: 'Event log', load: loadPanel(eventLogUrl) },
  ],
  evidence: {
    licences: (view) => ({
      label: 'Licences in use',
      value:
        view.licenses.service === 'absent'
          ? 'no licensing (NT 3.5)'
          : view.licenses.service === 'stopped'
            ? 'not counted (service stopped)'
            : `${view.licenses.inUse} of ${view.licenses.limit}`,
    }),
    connections: (view) => ({
      label: 'Connections in Server Manager',
      value: String(view.connections.length),
    }),
    sessionsTimedOut: counter('sessionsTimedOut'),
    sessionsErroredOut: counter('sessionsErroredOut'),
    sessionsForcedOff: counter('sessionsForcedOff'),
    sessionsLoggedOff: counter('sessionsLoggedOff'),
  },
  markChart(id, views, variants, several) {
    markChart(
      id,
      views.flatMap((view, i) =>
        world.computers.map((c) => ({
          label: several ? `${c.name} (${variants[i]})` : c.name,
          state: sessionState(view, c.name),
        })),
      ),
    );
  },
};
