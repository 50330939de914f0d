import { assign, setup } from 'xstate';
import { formatElapsed } from './format';
import { MAX_LINK_ENTRIES, MAX_LINK_MS } from './link';
import type { AnyModel, ConfigOf, EventOf } from './model';
import type { TapeEntry } from './registry';

/**
 * The reader's side of a simulation, for any model: a tape of actions and a clock over it. The
 * simulated system is never stored here; every view is the model's view at (config, tape, at), so
 * rewinding is a replay.
 */
export interface PlayerContext<Config = object, Event = { type: string }> {
  config: Config;
  tape: TapeEntry<Event>[];
  at: number;
  /** The furthest moment the reader has been to: the scrubber reaches at least this far. */
  reach: number;
  speed: number;
  /** A plain sentence about the last request the player could not carry out, for the reader. */
  notice: string | null;
  /** What Reset goes back to. */
  origin: PlayerInput<Config, Event>;
  /** The later actions the last recording replaced, kept until the reader does something else, so it can be undone. */
  replaced: { tape: TapeEntry<Event>[]; count: number } | null;
  /** Counts the reader's changes to the tape or the setup (record, settings, load, reset), so views can tell one happened. */
  revision: number;
}

export interface PlayerInput<Config = object, Event = { type: string }> {
  config: Config;
  tape?: TapeEntry<Event>[];
  at?: number;
}

export type PlayerEvent<Config = object, Event = { type: string }> =
  | { type: 'clock.play' }
  | { type: 'clock.pause' }
  | { type: 'clock.tick'; ms: number }
  | { type: 'clock.speed'; speed: number }
  | { type: 'clock.jump'; ms: number }
  | { type: 'clock.seek'; at: number }
  /** Jump to the next thing that happens (the model's next timed outcome). */
  | { type: 'clock.next' }
  | { type: 'tape.record'; event: Event }
  | { type: 'tape.undo' }
  | { type: 'config.set'; config: Config }
  | { type: 'player.load'; input: PlayerInput<Config, Event> }
  | { type: 'player.reset' };

export const SPEEDS = [1, 60, 600] as const;
export const MINUTE = 60_000;
/** The scrubber always reaches at least this far past the last action. */
export const TAIL_MS = 20 * MINUTE;

/**
 * How far the scrubber reaches for this tape and moment: an hour at least, past the last action by
 * TAIL_MS or the model's own tail (long enough for its next timer at the configured values).
 */
export function horizon(tape: readonly TapeEntry<unknown>[], at: number, tail = 0): number {
  const last = tape.length ? (tape[tape.length - 1] as TapeEntry<unknown>).at : 0;
  return Math.max(60 * MINUTE, last + Math.max(TAIL_MS, tail), at);
}

/** A link can carry 7 days; the clock covers no more, so every moment it shows can be shared. */
export const MAX_TIME = MAX_LINK_MS;
const BEYOND = 'The simulation covers the first 7 days after the start; the clock stops there.';

const clampTime = (at: number) => (Number.isFinite(at) ? Math.min(MAX_TIME, Math.max(0, Math.round(at))) : 0);

/** The clock moved to `at`: remember how far the reader has been, and say so if the clock hit its limit. */
function moveTo(context: { reach: number }, wanted: number) {
  const at = clampTime(wanted);
  return { at, reach: Math.max(context.reach, at), notice: wanted > MAX_TIME ? BEYOND : null };
}

const plural = (n: number) => `${n} later action${n === 1 ? '' : 's'}`;

/** How many recorded actions lie after `at`: recording there replaces them. */
export function laterActions(context: { tape: readonly TapeEntry<unknown>[]; at: number }): number {
  return context.tape.filter((entry) => entry.at > context.at).length;
}

function replacedNotice(count: number): string {
  return `Recorded here, replacing ${plural(count)} on the tape.`;
}

function initial<C, E>(input: PlayerInput<C, E>): PlayerContext<C, E> {
  const at = clampTime(input.at ?? 0);
  return {
    config: input.config,
    tape: input.tape ?? [],
    at,
    reach: at,
    speed: 60,
    notice: null,
    origin: input,
    revision: 0,
    replaced: null,
  };
}

/**
 * The player machine for a model, with where its scrubber ends (past the tape's last action and the
 * model's own tail, and never short of where the reader has been).
 */
export function createPlayer<M extends AnyModel>(model: M) {
  type C = ConfigOf<M>;
  type E = EventOf<M>;
  const timelineEnd = (context: Pick<PlayerContext<C, E>, 'tape' | 'reach' | 'config'>): number =>
    Math.min(MAX_TIME, horizon(context.tape, context.reach, model.tail(context.config)));
  const machine = setup({
    types: {
      context: {} as PlayerContext<C, E>,
      events: {} as PlayerEvent<C, E>,
      input: {} as PlayerInput<C, E>,
    },
    guards: {
      /** This tick carries playback past the end of the scrubber: stop there, as a player does. */
      reachesEnd: ({ context, event }) =>
        event.type === 'clock.tick' && context.at + event.ms * context.speed >= timelineEnd(context),
      /** Nothing left to play: the clock is at the limit of what the simulation covers. */
      atLimit: ({ context }) => context.at >= MAX_TIME,
    },
    actions: {
      /** Play from the end of the scrubber runs on: the scrubber grows by another stretch to stop at. */
      extendIfAtEnd: assign(({ context }) =>
        context.at >= timelineEnd(context)
          ? { reach: Math.min(MAX_TIME, context.at + TAIL_MS), notice: null }
          : { notice: null },
      ),
      sayLimit: assign({ notice: BEYOND }),
      advanceToEnd: assign(({ context }) => {
        const end = timelineEnd(context);
        return { ...moveTo(context, end), notice: end >= MAX_TIME ? BEYOND : null };
      }),
      /** A tick leaves the notice alone: a message about the reader's last request must outlast playback's frames. */
      advance: assign(({ context, event }) => {
        // A frame never moves the clock back (a frame's timestamp can be older than the last one seen).
        if (event.type !== 'clock.tick' || !(event.ms > 0)) return {};
        const { at, reach } = moveTo(context, context.at + event.ms * context.speed);
        return { at, reach };
      }),
      jump: assign(({ context, event }) =>
        event.type === 'clock.jump' ? moveTo(context, context.at + event.ms) : {},
      ),
      seek: assign(({ context, event }) => (event.type === 'clock.seek' ? moveTo(context, event.at) : {})),
      setSpeed: assign({
        speed: ({ context, event }) =>
          event.type === 'clock.speed' && (SPEEDS as readonly number[]).includes(event.speed)
            ? event.speed
            : context.speed,
      }),
      toNext: assign(({ context }) => {
        const next = model.next.find(context.config, context.tape, context.at);
        if (next === null) return { notice: model.next.none };
        if (next > MAX_TIME)
          return {
            notice: `${model.next.beyond(formatElapsed(next))}, beyond the 7 days the simulation covers.`,
          };
        return moveTo(context, next);
      }),
      /** Recording at a moment keeps what came before it and drops the rest, as when re-recording a tape. */
      record: assign(({ context, event }) => {
        if (event.type !== 'tape.record') return {};
        const kept = context.tape.filter((entry) => entry.at <= context.at);
        // The cap is kept where actions are recorded, however many arrive at once.
        if (kept.length >= MAX_LINK_ENTRIES)
          return {
            notice: `Not recorded: a simulation holds at most ${MAX_LINK_ENTRIES} actions. Undo or reset first.`,
          };
        const entry = { at: context.at, event: event.event };
        // What the model would refuse is refused here: the new entry only (the kept ones were checked
        // when they were recorded or loaded), so recording costs the same on a long tape.
        try {
          model.registry.validateEntry(kept.length, entry, kept[kept.length - 1]?.at ?? 0);
        } catch (error) {
          return { notice: error instanceof Error ? error.message : String(error) };
        }
        const tape = [...kept, entry];
        const count = context.tape.length - kept.length;
        return {
          tape,
          notice: count ? replacedNotice(count) : null,
          replaced: count ? { tape: context.tape, count } : null,
          revision: context.revision + 1,
        };
      }),
      /** Puts back the tape as it was before the last recording replaced its later actions. */
      undo: assign(({ context }) =>
        context.replaced
          ? {
              tape: context.replaced.tape,
              replaced: null,
              notice: `Undone: ${plural(context.replaced.count)} back on the tape.`,
              revision: context.revision + 1,
            }
          : {},
      ),
      setConfig: assign(({ context, event }) => {
        if (event.type !== 'config.set') return {};
        try {
          model.normalize(event.config);
        } catch (error) {
          return { notice: error instanceof Error ? error.message : String(error) };
        }
        return { config: event.config, notice: null, replaced: null, revision: context.revision + 1 };
      }),
      load: assign(({ context, event }) =>
        event.type === 'player.load'
          ? { ...initial(event.input), origin: context.origin, revision: context.revision + 1 }
          : {},
      ),
      reset: assign(({ context }) => ({ ...initial(context.origin), revision: context.revision + 1 })),
    },
  }).createMachine({
    id: 'player',
    context: ({ input }) => initial(input),
    initial: 'paused',
    on: {
      'clock.speed': { actions: 'setSpeed' },
      'clock.jump': { actions: 'jump' },
      'clock.seek': { actions: 'seek' },
      'clock.next': { actions: 'toNext' },
      'tape.record': { actions: 'record' },
      'tape.undo': { actions: 'undo' },
      'config.set': { actions: 'setConfig' },
      'player.load': { target: '.paused', actions: 'load' },
      'player.reset': { target: '.paused', actions: 'reset' },
    },
    states: {
      paused: {
        on: {
          'clock.play': [
            { guard: 'atLimit', actions: 'sayLimit' },
            { target: 'playing', actions: 'extendIfAtEnd' },
          ],
        },
      },
      playing: {
        on: {
          'clock.pause': 'paused',
          'clock.tick': [
            { guard: 'reachesEnd', target: 'paused', actions: 'advanceToEnd' },
            { actions: 'advance' },
          ],
          // Moving the clock by hand stops playback, so the reader lands where they asked.
          'clock.seek': { target: 'paused', actions: 'seek' },
        },
      },
    },
  });
  return { machine, timelineEnd };
}
