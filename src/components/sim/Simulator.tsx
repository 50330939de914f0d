import { useEffect, useMemo, useState } from 'preact/hooks';
import { embedMomentHref, momentQuery } from '../../lib/links';
import {
  diffViews,
  type NtVersion,
  type ServerConfig,
  type ServerView,
  type TapeEntry,
  world,
} from '../../machines';
import { ntServer, ntServerPlayer } from '../../machines/nt-server';
import { decode, linkFits, linkOrNull, ruleChangeNote } from '../../machines/nt-server/link';
import { Controls } from '../models/nt-server/Controls';
import { NetworkPicture } from '../models/nt-server/NetworkPicture';
import { ServerManager } from '../models/nt-server/ServerManager';
import { markChart } from '../models/nt-server/StateChart';
import { timelineSeries } from '../models/nt-server/series';
import { Timeline } from '../models/nt-server/Timeline';
import { VersionPicker } from '../models/nt-server/VersionPicker';
import { sessionState } from '../models/nt-server/view';
import { Clock } from './Clock';
import type { Sources } from './cite';
import { EventLog } from './EventLog';
import { ShareBar } from './ShareBar';
import { usePlayer } from './usePlayer';

export interface SimulatorProps {
  /** Names the island: its query parameter and its element id. */
  id: string;
  /** `compare`: NT 3.51 and NT 4.0 side by side on one tape; `single`: one server, version chosen by the reader. */
  mode: 'compare' | 'single';
  /** The two versions side by side (compare mode); default NT 3.51 and NT 4.0. */
  versions?: NtVersion[];
  /** What is loaded at the start and on Reset (a scenario's tape, from the page); none starts empty. */
  start?: { config: ServerConfig; tape: TapeEntry[] };
  /** Scenarios the reader can load in one step, as data from the page. */
  presets?: { id: string; title: string; config: ServerConfig; tape: TapeEntry[] }[];
  /** This simulation's embed page (`embedHref(kbId, id)`, from the page), for the Embed action. */
  embed?: string;
  /** The KB article behind each source key the log cites (from the page). */
  sources?: Sources;
}

const COMPARED: readonly NtVersion[] = ['3.51', '4.0'];
const VERSIONS: readonly NtVersion[] = ['3.5', '3.51', '4.0'];
const SCOPES = { compare: 'side by side', single: 'free play' } as const;

export default function Simulator(props: SimulatorProps) {
  const { id, mode } = props;
  /** The servers shown: both side by side, the reader's choice in free play. */
  const versionsOf = (c: ServerConfig) => (mode === 'compare' ? (props.versions ?? COMPARED) : [c.version]);
  const {
    snapshot,
    send,
    config,
    tape,
    at,
    timelines,
    views,
    end,
    record,
    momentLink,
    linkNotice,
    refusal,
    actions,
  } = usePlayer({
    id,
    model: ntServer,
    player: ntServerPlayer,
    codec: { decode, linkFits, linkOrNull },
    variantsOf: versionsOf,
    start: props.start ?? { config: { version: '3.51' }, tape: [] },
    sources: props.sources,
    linkNote: ruleChangeNote,
  });
  const { speed, notice } = snapshot.context;
  const playing = snapshot.matches('playing');
  const [preset, setPreset] = useState(props.presets?.[0]?.id ?? '');
  const versions = versionsOf(config) as NtVersion[];
  // The timeline changes with the tape, not the clock: sampled once per tape, drawn every frame. It is
  // sampled from the same timelines as the views, before them, so a new tape is replayed once, not twice.
  const series = useMemo(() => timelineSeries(config, tape, end, versions, timelines), [timelines, end]);
  const current = views[0] as ServerView;
  // What the server(s) answered at this very moment, beside the buttons as well as in the log.
  const result = tape.some((e) => e.at === at)
    ? views.flatMap((view, i) =>
        view.log
          .filter((e) => e.at === at)
          .map((e) => ({ ...e, text: mode === 'compare' ? `NT ${versions[i]}: ${e.text}` : e.text })),
      )
    : [];
  // The timeline hands out the same log array while the log does not change: then so are these vnodes,
  // and Preact skips them instead of comparing every entry shown on every frame.
  const logs = useMemo(
    () =>
      views.map((view, i) => (
        <EventLog
          key={versions[i]}
          entries={view.log}
          label={`Event log, NT ${versions[i]}`}
          scope={SCOPES[mode]}
        />
      )),
    views.map((view) => view.log),
  );
  const seek = (t: number) => send({ type: 'clock.seek', at: t });
  // The session statechart under the island (rendered at build time) marks where each session is.
  const markers = views.flatMap((view, i) =>
    world.computers.map((c) => ({
      label: mode === 'compare' ? `${c.name} (${versions[i]})` : c.name,
      state: sessionState(view, c.name),
    })),
  );
  const marked = markers.map((m) => m.label + m.state).join();
  useEffect(() => markChart(id, markers), [id, marked]);

  return (
    <div class="kb-sim__live" data-mode={mode}>
      {linkNotice && (
        <p class="kb-notice kb-notice--warn" role="alert">
          {linkNotice}
        </p>
      )}
      {mode === 'single' && (
        <VersionPicker
          name={`${id}-version`}
          legend="Windows NT version"
          versions={VERSIONS}
          value={config.version}
          onChange={(v) => send({ type: 'config.set', config: { ...config, version: v } })}
        />
      )}
      <Clock
        at={at}
        playing={playing}
        speed={speed}
        notice={notice}
        onPlay={() => send({ type: 'clock.play' })}
        onPause={() => send({ type: 'clock.pause' })}
        onSpeed={(s) => send({ type: 'clock.speed', speed: s })}
        onJump={(ms) => send({ type: 'clock.jump', ms })}
        onNextAutodisconnect={() => send({ type: 'clock.next' })}
      />
      <div class={mode === 'compare' ? 'kb-sim__pictures kb-sim__pictures--two' : 'kb-sim__pictures'}>
        {views.map((view, i) => (
          <NetworkPicture
            key={versions[i]}
            id={`${id}-pic-${i}`}
            view={view}
            version={versions[i] as NtVersion}
            autodisconnectMinutes={view.autodisconnectMinutes}
            computers={world.computers}
          />
        ))}
      </div>
      <Timeline series={series} end={end} at={at} onSeek={seek} />
      <Controls
        id={id}
        autodisconnect={current.autodisconnectMinutes}
        revision={snapshot.context.revision}
        licenseLimit={current.licenses.limit}
        onRecord={record}
        onLicenseLimit={(limit) => send({ type: 'config.set', config: { ...config, licenseLimit: limit } })}
        licensing={current.licenses.service === 'absent' ? undefined : current.licenses.logging}
        licensingScope={mode === 'compare' ? 'on both servers' : undefined}
        result={refusal ? [{ text: refusal }] : result}
      />
      {snapshot.context.replaced && (
        <p class="kb-sim__undo">
          <button type="button" class="kb-button" onClick={() => send({ type: 'tape.undo' })}>
            Undo: put back {snapshot.context.replaced.count}
          </button>
        </p>
      )}
      <div class={mode === 'compare' ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
        {views.map((view, i) => {
          const version = versions[i] as NtVersion;
          const other = mode === 'compare' ? views[1 - i] : undefined;
          const otherVersion = versions[1 - i];
          return (
            <div key={version} class="kb-server">
              <ServerManager
                view={view}
                version={version}
                differences={other ? { ...diffViews(view, other), against: `NT ${otherVersion}` } : undefined}
                onDisconnect={(computer, share) => record({ type: 'admin.disconnect', computer, share })}
              />
            </div>
          );
        })}
      </div>
      <div class={mode === 'compare' ? 'kb-sim__logs kb-sim__logs--two' : 'kb-sim__logs'}>{logs}</div>
      <div class="kb-sim__bar">
        {props.presets && props.presets.length > 0 && (
          <form
            class="kb-sim__presets"
            onSubmit={(e) => {
              e.preventDefault();
              const chosen = props.presets?.find((p) => p.id === preset);
              if (!chosen) return;
              // Free play keeps the version the reader chose; side by side always shows both.
              const loaded =
                mode === 'compare' ? chosen.config : { ...chosen.config, version: config.version };
              send({ type: 'player.load', input: { config: loaded, tape: chosen.tape, at: 0 } });
            }}
          >
            <label class="kb-field kb-field--inline">
              <span>Scenario</span>
              <select value={preset} onChange={(e) => setPreset(e.currentTarget.value)}>
                {props.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="kb-button">
              Load it at 00:00:00
            </button>
          </form>
        )}
        <ShareBar
          copyLabel="Copy link to this moment"
          what="this simulation at this moment"
          link={() => {
            const link = momentLink();
            return link === null ? null : `${location.pathname}${momentQuery(id, link)}`;
          }}
          embed={
            props.embed
              ? () => {
                  const link = momentLink();
                  if (link === null) return null;
                  return {
                    src: embedMomentHref(props.embed as string, id, link),
                    title: document.getElementById(`${id}-title`)?.textContent ?? 'LiveKB simulation',
                  };
                }
              : undefined
          }
          embedWhat="this moment"
          moment={actions}
        >
          <button type="button" class="kb-button" onClick={() => send({ type: 'player.reset' })}>
            Reset
          </button>
        </ShareBar>
      </div>
    </div>
  );
}
