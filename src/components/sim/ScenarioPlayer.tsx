import { useEffect, useRef, useState } from 'preact/hooks';
import { embedMomentHref, momentQuery } from '../../lib/moment-links';
import { formatElapsed, speakElapsed } from '../../machines/kernel/format';
import type { AnyModel, ConfigOf, EventOf, ViewOf } from '../../machines/kernel/model';
import type { TapeEntry } from '../../machines/kernel/registry';
import { narrationFor, type Scenario, scenarioTape } from '../../machines/kernel/scenario';
import { navigate, withParam } from './address';
import { NO_SOURCES, type Sources } from './cite';
import type { LoggedView, ModelUi } from './modelUi';
import { Panels } from './Panels';
import { ShareBar } from './ShareBar';
import { Evidence, Happened, happened } from './Stage';
import { usePlayer } from './usePlayer';
import { VariantPicker } from './VariantPicker';

export interface ScenarioPlayerProps<M extends AnyModel> {
  /** The model's part of the players (its folder's `ui`). */
  ui: ModelUi<M>;
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
  /** The figures the article's point turns on, pinned beside the picture (keys of `ui.evidence`). */
  evidence?: string[];
}

/**
 * The reader's place in the address bar: `3` is step 3 on the scenario's first version, `3-4.0` the
 * same step on NT 4.0.
 */
export function placeToParam(index: number, version: string, first = '3.51'): string {
  return `${index + 1}${version === first ? '' : `-${version}`}`;
}

export function paramToPlace(
  raw: string,
  steps: number,
  versions: readonly string[] = ['3.51', '4.0'],
): { index: number; version: string } | null {
  const match = /^(\d{1,3})(?:-([\w.]{1,20}))?$/.exec(raw);
  const step = match ? Number(match[1]) : 0;
  const version = match?.[2] ?? versions[0] ?? '3.51';
  if (!match || step < 1 || step > steps || !versions.includes(version)) return null;
  return { index: step - 1, version };
}

/** The scenario's events up to step `index`, as the model's tape. */
function tapeThrough<E>(scenario: Scenario, index: number): TapeEntry<E>[] {
  return scenarioTape(scenario, index) as TapeEntry<E>[];
}

/** The article's scenario, one narrated step at a time, on the variant the reader picks, for any model. */
export default function ScenarioPlayer<M extends AnyModel>({
  ui,
  id,
  scenario,
  events,
  compareId,
  anchorLabels = {},
  anchorBase = '',
  embed,
  sources = NO_SOURCES,
  evidence,
}: ScenarioPlayerProps<M>) {
  const field = ui.model.variants.field;
  const versions = scenario.versions as readonly string[];
  const first = versions[0] ?? ui.model.variants.values[0] ?? '';
  const [index, setIndex] = useState(0);
  const [version, setVersion] = useState<string>(first);
  const [notice, setNotice] = useState<string | null>(null);
  const step = scenario.steps[index] ?? scenario.steps[0];
  const last = scenario.steps.length - 1;
  const configOn = (v: string) => ({ ...scenario.config, [field]: v }) as ConfigOf<M>;
  const momentOf = (i: number, v: string) => ({
    config: configOn(v),
    tape: tapeThrough<EventOf<M>>(scenario, i),
    at: scenario.steps[i]?.at ?? 0,
  });
  // The kernel's player holds the moment: each step is the scenario's tape through it, at its time.
  // The step (not the moment's link) lives in the address bar, so a reload or a shared link returns to
  // it; Back and Forward keep it.
  const player = usePlayer({
    id,
    model: ui.model,
    player: ui.player,
    codec: ui.codec,
    workerUrl: ui.workerUrl,
    variantsOf: (c) => [String((c as Record<string, unknown>)[field])],
    start: momentOf(0, first),
    sources,
    address: {
      value: index === 0 && version === first ? null : placeToParam(index, version, first),
      read: (raw) => {
        const place =
          raw === null ? { index: 0, version: first } : paramToPlace(raw, scenario.steps.length, versions);
        if (place === null) {
          // A fixed sentence: nothing from the link is shown (it could say anything).
          setNotice('This link names a step this scenario does not have, so it starts at step 1.');
          return false;
        }
        go(place.index, place.version);
        return true;
      },
    },
  });
  const go = (i: number, v: string) => {
    setIndex(i);
    setVersion(v);
    player.send({ type: 'player.load', input: momentOf(i, v) });
  };
  // The notice about an unreadable step makes way once the reader moves.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) setNotice(null);
    moved.current = true;
  }, [index, version]);

  const views = player.views as readonly ViewOf<M>[];
  const view = views[0] as ViewOf<M>;
  const label = ui.variantLabel(version);
  // The statechart under the island (rendered at build time) marks where each session is.
  useEffect(() => ui.markChart?.(id, views, [version], false), [id, views]);
  if (!step) return null;
  const moment = ui.codec.encode(momentOf(index, first));
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
  const place = placeToParam(index, version, first);

  // Every step's text on every version, stacked in one grid cell and hidden but the current one: the box is as tall as
  // its longest step on every screen, so Next and Back never move under the pointer.
  const text = (s: typeof step, live: boolean, i: number, on: string = version) => (
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
      <VariantPicker
        name={`${id}-version`}
        legend="Run it on"
        variants={versions}
        label={ui.variantLabel}
        value={version}
        onChange={(v) => go(index, v)}
      />
      {/* The picture first: on a phone it, the step's text and Back/Next fit one screen. */}
      <div class={evidence ? 'kb-stage kb-stage--side' : 'kb-stage'}>
        <div class="kb-sim__pictures">
          <ui.Picture id={`${id}-pic`} view={view} variant={version} />
        </div>
        {evidence && (
          <div class="kb-stage__side">
            <Evidence ui={ui} views={views} labels={[label]} keys={evidence} />
          </div>
        )}
      </div>
      <div class="kb-player__step">
        {versions.flatMap((v) => scenario.steps.map((s, i) => text(s, false, i, v)))}
        <div class="kb-player__live" aria-live="polite">
          {text(step, true, index)}
        </div>
      </div>
      <div class="kb-player__nav">
        <button
          type="button"
          class="kb-button"
          aria-disabled={index === 0 ? 'true' : undefined}
          onClick={() => go(Math.max(0, index - 1), version)}
        >
          Back
        </button>
        <button
          type="button"
          class="kb-button kb-button--primary"
          aria-disabled={index === last ? 'true' : undefined}
          onClick={() => go(Math.min(last, index + 1), version)}
        >
          Next
        </button>
        <button type="button" class="kb-button" onClick={() => go(0, first)}>
          Reset
        </button>
        {compareHref && (
          <a class="kb-button" href={compareHref} onClick={openSideBySide}>
            Open this moment side by side
          </a>
        )}
      </div>
      <Happened text={happened(views as unknown as readonly LoggedView[], [label])} />
      <Panels
        panels={ui.panels}
        label="Panels, the narrated scenario"
        id={id}
        views={views}
        variants={[version]}
        labels={[label]}
        scope={scenario.title}
      />
      <ShareBar
        copyLabel="Copy link"
        what="the scenario at this step"
        link={() => `${location.pathname}${momentQuery(id, place)}`}
        embed={embed ? () => ({ src: embedMomentHref(embed, id, place), title: scenario.title }) : undefined}
        embedWhat="this step"
        moment={`${index}-${version}`}
      />
    </div>
  );
}
