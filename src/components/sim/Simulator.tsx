import { useEffect, useMemo, useState } from 'preact/hooks';
import { embedMomentHref, momentQuery } from '../../lib/moment-links';
import { formatElapsed } from '../../machines/kernel/format';
import type { AnyModel, ConfigOf, EventOf, ViewOf } from '../../machines/kernel/model';
import type { TapeEntry } from '../../machines/kernel/registry';
import { Clock } from './Clock';
import type { Sources } from './cite';
import type { LoggedView, ModelUi } from './modelUi';
import { Panels } from './Panels';
import { ShareBar } from './ShareBar';
import { Evidence, Happened, happened } from './Stage';
import { usePlayer } from './usePlayer';
import { VariantPicker } from './VariantPicker';

export interface SimulatorProps<M extends AnyModel> {
  /** The model's part of the players (its folder's `ui`). */
  ui: ModelUi<M>;
  /** Names the island: its query parameter and its element id. */
  id: string;
  /** `compare`: two variants side by side on one tape; `single`: one, chosen by the reader. */
  mode: 'compare' | 'single';
  /** The two variants side by side (compare mode); default the model's pair. */
  variants?: string[];
  /** What is loaded at the start and on Reset (a scenario's tape, from the page); none starts empty. */
  start?: { config: ConfigOf<M>; tape: TapeEntry<EventOf<M>>[] };
  /** Scenarios the reader can load in one step, as data from the page. */
  presets?: { id: string; title: string; config: ConfigOf<M>; tape: TapeEntry<EventOf<M>>[] }[];
  /** The figures the article's point turns on, pinned beside the picture (keys of `ui.evidence`). */
  evidence?: string[];
  /** This simulation's embed page (`embedHref(kbId, id)`, from the page), for the Embed action. */
  embed?: string;
  /** The KB article behind each source key the log cites (from the page). */
  sources?: Sources;
}

const SCOPES = { compare: 'side by side', single: 'free play' } as const;

/** Side by side and free play, for any model: the picture at the centre, the clock, panels as tabs. */
export default function Simulator<M extends AnyModel>(props: SimulatorProps<M>) {
  const { ui, id, mode } = props;
  const field = ui.model.variants.field as keyof ConfigOf<M> & string;
  /** The variants shown: both side by side, the reader's choice in free play. */
  const variantsOf = (c: ConfigOf<M>): readonly string[] =>
    mode === 'compare'
      ? (props.variants ?? ui.model.variants.compared)
      : [String((c as Record<string, unknown>)[field] ?? ui.model.variants.values[0])];
  const player = usePlayer({
    id,
    model: ui.model,
    player: ui.player,
    codec: ui.codec,
    workerUrl: ui.workerUrl,
    variantsOf,
    start: props.start ?? { config: ui.emptyConfig, tape: [] },
    sources: props.sources,
    linkNote: ui.linkNote,
  });
  const { snapshot, send, config, tape, at, timelines, end, record, momentLink, linkNotice, refusal } =
    player;
  const views = player.views as readonly ViewOf<M>[];
  const { speed, notice } = snapshot.context;
  const playing = snapshot.matches('playing');
  const [preset, setPreset] = useState(props.presets?.[0]?.id ?? '');
  const variants = variantsOf(config);
  const labels = variants.map(ui.variantLabel);
  const logged = views as unknown as readonly LoggedView[];
  // What the system(s) answered at this very moment, beside the buttons as well as in the log.
  const result = tape.some((e) => e.at === at)
    ? logged.flatMap((view, i) =>
        view.log
          .filter((e) => e.at === at)
          .map((e) => ({ ...e, text: mode === 'compare' ? `${labels[i]}: ${e.text}` : e.text })),
      )
    : [];
  const caption = useMemo(() => happened(logged, labels), [logged.map((v) => v.log), at]);
  // The statechart under the island (rendered at build time) marks where each session is.
  useEffect(() => ui.markChart?.(id, views, variants, mode === 'compare'), [id, views]);
  // A landing from a link (troubleshooter, quiz, shared moment) replaces the page's intro, which
  // describes the default scenario.
  useEffect(() => {
    const section = document.getElementById(id);
    if (section) section.toggleAttribute('data-landed', player.landed);
  }, [id, player.landed]);

  return (
    <div class="kb-sim__live" data-mode={mode}>
      {linkNotice && (
        <p class="kb-notice kb-notice--warn" role="alert">
          {linkNotice}
        </p>
      )}
      {player.landed && (
        <p class="kb-landing" role="status">
          This is the moment you described: {labels.join(' and ')} at {formatElapsed(at)}
          {tape.length ? `, after ${tape.length} action${tape.length === 1 ? '' : 's'}` : ''}. Play on, or
          Reset to start over.
        </p>
      )}
      {mode === 'single' && (
        <VariantPicker
          name={`${id}-version`}
          legend="Windows NT version"
          variants={ui.model.variants.values}
          label={ui.variantLabel}
          value={variants[0] ?? ''}
          onChange={(v) => send({ type: 'config.set', config: { ...config, [field]: v } })}
        />
      )}
      <div class={props.evidence ? 'kb-stage kb-stage--side' : 'kb-stage'}>
        <div class={mode === 'compare' ? 'kb-sim__pictures kb-sim__pictures--two' : 'kb-sim__pictures'}>
          {views.map((view, i) => (
            <div key={variants[i]} class="kb-stage__variant">
              {mode === 'compare' && <p class="kb-stage__heading">{ui.systemLabel(variants[i] ?? '')}</p>}
              <ui.Picture id={`${id}-pic-${i}`} view={view} variant={variants[i] ?? ''} />
            </div>
          ))}
        </div>
        <div class="kb-stage__side">
          <Happened text={caption} />
          {props.evidence && <Evidence ui={ui} views={views} labels={labels} keys={props.evidence} />}
        </div>
      </div>
      <Clock
        at={at}
        playing={playing}
        speed={speed}
        notice={notice}
        nextLabel={ui.nextLabel}
        onPlay={() => send({ type: 'clock.play' })}
        onPause={() => send({ type: 'clock.pause' })}
        onSpeed={(s) => send({ type: 'clock.speed', speed: s })}
        onJump={(ms) => send({ type: 'clock.jump', ms })}
        onNext={() => send({ type: 'clock.next' })}
      />
      <ui.Timeline
        config={config}
        tape={tape}
        end={end}
        at={at}
        variants={variants}
        timelines={timelines}
        onSeek={(t) => send({ type: 'clock.seek', at: t })}
      />
      <ui.Controls
        id={id}
        view={views[0] as ViewOf<M>}
        config={config}
        revision={snapshot.context.revision}
        record={record}
        setConfig={(c) => send({ type: 'config.set', config: c })}
        result={refusal ? [{ text: refusal }] : result}
        scope={mode === 'compare' ? 'on both servers' : undefined}
      />
      {snapshot.context.replaced && (
        <p class="kb-sim__undo">
          <button type="button" class="kb-button" onClick={() => send({ type: 'tape.undo' })}>
            Undo: put back {snapshot.context.replaced.count}
          </button>
        </p>
      )}
      <Panels
        panels={ui.panels}
        label={`Panels, ${SCOPES[mode]}`}
        id={id}
        views={views}
        variants={variants}
        labels={labels}
        scope={SCOPES[mode]}
        record={record}
      />
      <div class="kb-sim__bar">
        {props.presets && props.presets.length > 0 && (
          <form
            class="kb-sim__presets"
            onSubmit={(e) => {
              e.preventDefault();
              const chosen = props.presets?.find((p) => p.id === preset);
              if (!chosen) return;
              // Free play keeps the variant the reader chose; side by side always shows both.
              const loaded = mode === 'compare' ? chosen.config : { ...chosen.config, [field]: variants[0] };
              player.setLanded(false);
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
          moment={player.actions}
        >
          <button
            type="button"
            class="kb-button"
            onClick={() => {
              player.setLanded(false);
              send({ type: 'player.reset' });
            }}
          >
            Reset
          </button>
        </ShareBar>
      </div>
    </div>
  );
}
