import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LinkFit, LinkResult, LinkState } from '../../machines/kernel/link';
import type { AnyModel, ConfigOf, EventOf, ViewOf } from '../../machines/kernel/model';
import type { createPlayer } from '../../machines/kernel/player';
import type { TapeEntry } from '../../machines/kernel/registry';
import { useAddressParam } from './address';
import { citeLog, NO_SOURCES, type Sources } from './cite';
import { replayOffThread, timelinesOf } from './offthread';
import { useActor } from './useActor';

/*
 * A player for any model: the reader's tape and clock (the kernel's player machine), the moment kept in
 * the address bar and read from links, long links replayed off the main thread, playback, and one
 * incremental timeline per variant shown. A model's island renders what this returns with the model's
 * own picture and panels; it never decides what the model does.
 */

/** A fixed sentence per kind of unreadable link: the decoder's message may quote the link. */
const LINK_PROBLEMS: Partial<Record<string, string>> = {
  version: 'This link comes from a newer version of this page. ',
  size: 'This link is too long. ',
  check: 'This link is damaged or cut short (it may have been broken across lines). ',
  model: 'This link is for a different simulation. ',
};

export interface PlayerOptions<M extends AnyModel> {
  /** Names the island: its query parameter. */
  id: string;
  model: M;
  player: ReturnType<typeof createPlayer<M>>;
  codec: {
    decode(text: string): LinkResult<ConfigOf<M>, EventOf<M>>;
    linkFits(state: LinkState<ConfigOf<M>, EventOf<M>>): LinkFit;
    linkOrNull(state: LinkState<ConfigOf<M>, EventOf<M>>): string | null;
  };
  /** The variants shown for a configuration (both side by side, or the reader's one). */
  variantsOf: (config: ConfigOf<M>) => readonly string[];
  /** What is loaded at the start and on Reset. */
  start: { config: ConfigOf<M>; tape: TapeEntry<EventOf<M>>[] };
  /** The KB article behind each source key the log cites. */
  sources?: Sources;
  /** Where a long link's replay can run off the page's thread (the model ui's `workerUrl`). */
  workerUrl?: string;
  /** A sentence to show once a link's moment is loaded (a rule it shows changed since it was shared). */
  linkNote?: (link: string, tape: TapeEntry<EventOf<M>>[]) => string | null;
  /**
   * The island's own place in the address bar instead of the moment's link (the scenario player keeps
   * its step there): the value to write, and how to read one (false: unreadable, say so).
   */
  address?: { value: string | null | undefined; read: (raw: string | null, initial: boolean) => boolean };
}

export function usePlayer<M extends AnyModel>(options: PlayerOptions<M>) {
  const { id, model, player, codec, variantsOf } = options;
  const [snapshot, send] = useActor(player.machine, { input: options.start });
  const { config, tape, at } = snapshot.context as {
    config: ConfigOf<M>;
    tape: TapeEntry<EventOf<M>>[];
    at: number;
  };
  const playing = snapshot.matches('playing');
  const [linkNotice, setLinkNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Whether the reader landed here from a link (a shared moment, the troubleshooter, a quiz).
  const [landed, setLanded] = useState(false);
  // The link being opened: a long one loads once the worker has replayed it, unless another came since.
  const opening = useRef(0);
  // A sentence to show once a link's moment is loaded.
  const loadedNote = useRef<string | null>(null);

  // This moment as a link; null when it is longer than a new link (opened from a long link of the first format).
  const momentLink = () => codec.linkOrNull({ config, tape, at });
  // A shared moment, kept in this island's query parameter (see address.ts); one too long for a link
  // leaves the address as it is.
  const linkValue = useMemo(
    () => (options.address || playing ? undefined : (momentLink() ?? undefined)),
    [config, tape, at, playing],
  );
  useAddressParam(id, options.address ? options.address.value : linkValue, (raw, initial) => {
    if (options.address) return options.address.read(raw, initial);
    const ticket = ++opening.current;
    if (raw === null) {
      setLanded(false);
      if (!initial) send({ type: 'player.reset' });
      return true;
    }
    const result = codec.decode(raw);
    if (result.ok) {
      const { config, tape, at } = result.value;
      const load = () => {
        if (opening.current !== ticket) return;
        setLanded(true);
        loadedNote.current = options.linkNote?.(raw, tape) ?? null;
        send({ type: 'player.load', input: { config, tape, at } });
      };
      const end = player.timelineEnd({ config, tape, reach: at });
      if (!replayOffThread(model, options.workerUrl, config, tape, variantsOf(config), end, load)) load();
      return true;
    }
    send({ type: 'player.reset' });
    setLanded(false);
    setLinkNotice(
      `${LINK_PROBLEMS[result.error.code] ?? ''}This link could not be read, so the default scenario is shown.`,
    );
    return false;
  });

  // Messages about the last action make way once the reader does something else (playback's own
  // ticks are not the reader doing something).
  const lastAction = useRef({ config, tape, at });
  const [actions, setActions] = useState(0);
  useEffect(() => {
    const before = lastAction.current;
    lastAction.current = { config, tape, at };
    if (before.config === config && before.tape === tape && (playing || before.at === at)) return;
    setActions((n) => n + 1);
    setLinkNotice(loadedNote.current);
    loadedNote.current = null;
    setRefusal(null);
  }, [config, tape, at, playing]);

  // Playback: real time times the speed, one tick per animation frame (never a negative one).
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      send({ type: 'clock.tick', ms: Math.max(0, now - last) });
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, send]);

  const variants = variantsOf(config);
  // One incremental timeline per variant and tape: each frame advances it (or restores a checkpoint)
  // instead of replaying the whole tape.
  const timelines = useMemo(
    () => timelinesOf(model, config, tape, variants),
    [config, tape, variants.join()],
  );
  const end = player.timelineEnd(
    snapshot.context as { config: ConfigOf<M>; tape: TapeEntry<EventOf<M>>[]; reach: number },
  );
  const views = useMemo(
    () =>
      timelines.map((t) => {
        const view = t.viewAt(at) as ViewOf<M> & { log: Parameters<typeof citeLog>[0] };
        return { ...view, log: citeLog(view.log, options.sources ?? NO_SOURCES) };
      }),
    [timelines, at],
  );
  // An action that would make the link longer than a link can carry is refused, and says so.
  const record = (event: EventOf<M>) => {
    const fit = codec.linkFits({ config, tape: [...tape.filter((e) => e.at <= at), { at, event }], at });
    setRefusal(fit.ok ? null : `Not recorded: ${fit.reason} Undo or reset first.`);
    if (fit.ok) send({ type: 'tape.record', event });
  };

  return {
    snapshot,
    send,
    config,
    tape,
    at,
    playing,
    variants,
    timelines,
    views,
    end,
    record,
    momentLink,
    linkNotice,
    refusal,
    setRefusal,
    /** Whether the moment shown was opened from a link; `setLanded(false)` once the reader starts over. */
    landed,
    setLanded,
    /** Counts the reader's actions (not playback's ticks): a view can tell one happened. */
    actions,
  };
}
