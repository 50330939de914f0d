import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { embedMomentHref, momentQuery } from '../../lib/links';
import { formatElapsed, type NtVersion, simulate, speakElapsed, type TapeEntry, world } from '../../machines';
import { narrationFor } from '../../machines/kernel/scenario';
import { encode } from '../../machines/nt-server/link';
import type { Scenario } from '../../machines/scenarios';
import { NetworkPicture } from '../models/nt-server/NetworkPicture';
import { ServerManager } from '../models/nt-server/ServerManager';
import { markChart } from '../models/nt-server/StateChart';
import { VersionPicker } from '../models/nt-server/VersionPicker';
import { sessionState } from '../models/nt-server/view';
import { navigate, useAddressParam, withParam } from './address';
import { citeLog, NO_SOURCES, type Sources } from './cite';
import { EventLog } from './EventLog';
import { ShareBar } from './ShareBar';

export interface ScenarioPlayerProps {
  id: string;
  /** The scenario as data, passed from the page at build time so the island carries no copy of it. */
  scenario: Scenario;
  /** Each step's event in words (`describeEvent`, run by the page); '' for a step that only lets time pass. */
  events: readonly string[];
  /** The island that opens a step "side by side" (its id: query parameter and anchor). */
  compareId?: string;
  /** Headings of the article sections, by anchor, for the "shown in the article" links. */
  anchorLabels?: Record<string, string>;
  /** Where the article is, when the player is shown away from it (an embed); '' on the article itself. */
  anchorBase?: string;
  /** This simulation's embed page (`embedHref(kbId, id)`, from the page), for the Embed action. */
  embed?: string;
  /** The KB article behind each source key the log cites (from the page). */
  sources?: Sources;
}

/**
 * The reader's place in the address bar: `3` is step 3 on the scenario's first version, `3-4.0` the
 * same step on NT 4.0.
 */
export function placeToParam(index: number, version: NtVersion, first: NtVersion = '3.51'): string {
  return `${index + 1}${version === first ? '' : `-${version}`}`;
}

export function paramToPlace(
  raw: string,
  steps: number,
  versions: readonly NtVersion[] = ['3.51', '4.0'],
): { index: number; version: NtVersion } | null {
  const match = /^(\d{1,3})(?:-(3\.5|3\.51|4\.0))?$/.exec(raw);
  const step = match ? Number(match[1]) : 0;
  const version = (match?.[2] as NtVersion | undefined) ?? versions[0] ?? '3.51';
  if (!match || step < 1 || step > steps || !versions.includes(version)) return null;
  return { index: step - 1, version };
}

/** The article's scenario, one narrated step at a time, on the version the reader picks. */
export default function ScenarioPlayer({
  id,
  scenario,
  events,
  compareId,
  anchorLabels = {},
  anchorBase = '',
  embed,
  sources = NO_SOURCES,
}: ScenarioPlayerProps) {
  const [index, setIndex] = useState(0);
  const first = scenario.versions[0] ?? '3.51';
  const [version, setVersion] = useState<NtVersion>(first);
  const [notice, setNotice] = useState<string | null>(null);
  const step = scenario.steps[index] ?? scenario.steps[0];
  const last = scenario.steps.length - 1;

  // The step lives in the address bar, so a reload or a shared link returns to it; Back and Forward keep it.
  useAddressParam(
    id,
    index === 0 && version === first ? null : placeToParam(index, version, first),
    (raw) => {
      const place =
        raw === null
          ? { index: 0, version: first }
          : paramToPlace(raw, scenario.steps.length, scenario.versions);
      if (place === null) {
        // A fixed sentence: nothing from the link is shown (it could say anything).
        setNotice('This link names a step this scenario does not have, so it starts at step 1.');
        return false;
      }
      setIndex(place.index);
      setVersion(place.version);
      return true;
    },
  );
  // The notice about an unreadable step makes way once the reader moves.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) setNotice(null);
    moved.current = true;
  }, [index, version]);

  const { view, tape } = useMemo(() => {
    const applied: TapeEntry[] = [];
    for (const s of scenario.steps.slice(0, index + 1))
      if (s.event) applied.push({ at: s.at, event: s.event });
    const view = simulate({ ...scenario.config, version }, applied, step?.at ?? 0);
    return { view: { ...view, log: citeLog(view.log, sources) }, tape: applied };
  }, [scenario, index, version, step]);

  const marked = world.computers.map((c) => sessionState(view, c.name)).join();
  // The session statechart under the island (rendered at build time) marks where each session is.
  useEffect(
    () =>
      markChart(
        id,
        world.computers.map((c) => ({ label: c.name, state: sessionState(view, c.name) })),
      ),
    [id, marked],
  );
  if (!step) return null;
  const moment = encode({ config: { ...scenario.config, version: first }, tape, at: step.at });
  // Rendered on the server too, where there is no address to keep other parameters from.
  const compareHref = compareId ? momentQuery(compareId, moment) : undefined;
  // Same page: no reload. A new history entry, so Back returns here, and the side-by-side island
  // picks the moment up from the address; then the reader is taken to it.
  const openSideBySide = (e: MouseEvent) => {
    if (!compareHref || !compareId || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(withParam(compareId, moment, `#${compareId}`));
    const target = document.getElementById(`${compareId}-title`) ?? document.getElementById(compareId);
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  };

  // Every step's text on every version, stacked in one grid cell and hidden but the current one: the box is as tall as
  // its longest step on every screen, so Next and Back never move under the pointer.
  const text = (s: typeof step, live: boolean, i: number, on: NtVersion = version) => (
    <div class="kb-player__layer" aria-hidden={live ? undefined : 'true'} key={live ? 'live' : `${on}-${i}`}>
      <p data-part="position" class={live ? 'kb-player__position' : undefined}>
        Step {i + 1} of {last + 1} · <time title={speakElapsed(s.at)}>{formatElapsed(s.at)}</time>
      </p>
      {events[i] && (
        <p data-part="event" class={live ? 'kb-player__event' : undefined}>
          {events[i]}
        </p>
      )}
      <p data-part="narration" class={live ? 'kb-player__narration' : undefined}>
        {narrationFor(s, on)}
      </p>
      {s.source && (
        <p data-part="note" class={live ? 'kb-player__note' : undefined}>
          Source: {s.source}
        </p>
      )}
      <p data-part="anchor" class={live ? 'kb-player__anchor' : undefined}>
        {live ? (
          <a href={`${anchorBase}#${s.anchor}`} target={anchorBase ? '_top' : undefined}>
            In the article: {anchorLabels[s.anchor] ?? 'the sentence this step shows'}
          </a>
        ) : (
          <span>In the article: {anchorLabels[s.anchor] ?? 'the sentence this step shows'}</span>
        )}
      </p>
    </div>
  );

  return (
    <div class="kb-sim__live kb-player">
      {notice && (
        <p class="kb-notice kb-notice--warn" role="alert">
          {notice}
        </p>
      )}
      <VersionPicker
        name={`${id}-version`}
        legend="Run it on"
        versions={scenario.versions}
        value={version}
        onChange={setVersion}
      />
      {/* The picture first: on a phone it, the step's text and Back/Next fit one screen. */}
      <NetworkPicture
        id={`${id}-pic`}
        view={view}
        version={version}
        autodisconnectMinutes={view.autodisconnectMinutes}
        computers={world.computers}
      />
      <div class="kb-player__step">
        {scenario.versions.flatMap((v) => scenario.steps.map((s, i) => text(s, false, i, v)))}
        <div class="kb-player__live" aria-live="polite">
          {text(step, true, index)}
        </div>
      </div>
      <div class="kb-player__nav">
        <button
          type="button"
          class="kb-button"
          aria-disabled={index === 0 ? 'true' : undefined}
          onClick={() => setIndex(Math.max(0, index - 1))}
        >
          Back
        </button>
        <button
          type="button"
          class="kb-button kb-button--primary"
          aria-disabled={index === last ? 'true' : undefined}
          onClick={() => setIndex(Math.min(last, index + 1))}
        >
          Next
        </button>
        <button
          type="button"
          class="kb-button"
          onClick={() => {
            setIndex(0);
            setVersion(first);
          }}
        >
          Reset
        </button>
        {compareHref && (
          <a class="kb-button" href={compareHref} onClick={openSideBySide}>
            Open this moment side by side
          </a>
        )}
      </div>
      <ServerManager view={view} version={version} />
      <EventLog entries={view.log} label={`Event log, NT ${version}`} scope={scenario.title} />
      <ShareBar
        copyLabel="Copy link"
        what="the scenario at this step"
        link={() => `${location.pathname}${momentQuery(id, placeToParam(index, version, first))}`}
        embed={
          embed
            ? () => ({
                src: embedMomentHref(embed, id, placeToParam(index, version, first)),
                title: scenario.title,
              })
            : undefined
        }
        embedWhat="this step"
        moment={`${index}-${version}`}
      />
    </div>
  );
}
