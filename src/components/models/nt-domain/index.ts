import nltestUrl from 'chunk-url:./panels/NltestPanel';
import serverManagerUrl from 'chunk-url:./panels/ServerManagerPanel';
import userManagerUrl from 'chunk-url:./panels/UserManagerPanel';
import eventLogUrl from 'chunk-url:../../sim/panels/EventLogPanel';
import { createElement } from 'preact';
import {
  type Timeline as DomainTimeline,
  type DomainView,
  decode,
  encode,
  linkFits,
  linkOrNull,
  ntDomain,
  ntDomainPlayer,
  world,
} from '../../../machines/nt-domain';
import type { ControlsProps, EvidenceFigure, ModelUi, PictureProps, TimelineProps } from '../../sim/modelUi';
import { serveReplays } from '../../sim/offthread';
import { loadPanel } from '../../sim/Panels';
import { Controls } from './Controls';
import { DomainPicture } from './DomainPicture';
import { Timeline } from './Timeline';

/*
 * The NT domain's part of the players (src/components/sim/modelUi.ts): its picture, controls,
 * timeline, the figures an article can pin beside the picture, and its panels (nltest, User Manager
 * for Domains, Server Manager, the event log), each loaded when the reader opens its tab.
 */

export type NtDomainModel = typeof ntDomain;

function Picture({ id, view, variant }: PictureProps<NtDomainModel>) {
  return createElement(DomainPicture, { id, view, version: variant });
}

function DomainControls({ id, view, revision, record, result, scope }: ControlsProps<NtDomainModel>) {
  return createElement(Controls, { id, view, revision, onRecord: record, result, scope });
}

function DomainTimelinePicture({
  config,
  end,
  at,
  variants,
  timelines,
  onSeek,
}: TimelineProps<NtDomainModel>) {
  return createElement(Timeline, {
    timelines: timelines as readonly DomainTimeline[],
    labels: variants.map((v) => `NT ${v}`),
    threshold: config.lockoutThreshold ?? 5,
    end,
    at,
    onSeek,
  });
}

/** A figure per account and domain controller: "jsmith's bad passwords at PDC1". */
const count =
  (user: string, dc: string) =>
  (view: DomainView): EvidenceFigure => {
    const account = view.dcs.find((d) => d.name === dc)?.accounts.find((a) => a.user === user);
    return {
      label: `${user}'s bad passwords at ${dc}`,
      value: account ? `${account.badPasswordCount}${account.lockedOut ? ' (locked out)' : ''}` : '—',
    };
  };

const evidence: ModelUi<NtDomainModel>['evidence'] = {};
for (const user of world.accounts) {
  for (const dc of world.dcs) evidence[`${user}@${dc.name}`] = count(user, dc.name);
  evidence[`${user}-locked`] = (view) => {
    const account = view.accounts.find((a) => a.user === user);
    return { label: `${user} locked out`, value: account?.lockedOut ? 'yes' : 'no' };
  };
}

// Run as a worker, this module replays long links for the page (src/components/sim/offthread.ts).
serveReplays(ntDomain);

export const ui: ModelUi<NtDomainModel> = {
  model: ntDomain,
  player: ntDomainPlayer,
  codec: { decode, encode, linkFits, linkOrNull },
  workerUrl: import.meta.url,
  emptyConfig: { version: '4.0' },
  variantLabel: (v) => `NT ${v}`,
  systemLabel: (v) => `${world.domain} on Windows NT ${v}`,
  nextLabel: 'To the next change',
  Picture,
  Controls: DomainControls,
  Timeline: DomainTimelinePicture,
  panels: [
    { id: 'nltest', label: 'nltest', load: loadPanel(nltestUrl) },
    { id: 'user-manager', label: 'User Manager for Domains', load: loadPanel(userManagerUrl) },
    { id: 'server-manager', label: 'Server Manager', load: loadPanel(serverManagerUrl) },
    { id: 'log', label: 'Event log', load: loadPanel(eventLogUrl) },
  ],
  evidence,
};
