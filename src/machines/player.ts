import { assign, setup } from 'xstate';
import { formatElapsed } from './kernel/format';
import {
  MAX_LINK_MS,
  nextAutodisconnect,
  normalizeConfig,
  registry,
  type ServerConfig,
  type SimEvent,
  type TapeEntry,
} from './nt-server';

/**
 * The reader's side of a simulation: a tape of actions and a clock over it. The server itself is
 * never stored here; every view is `simulate(config, tape, at)`, so rewinding is a replay.
 */
export interface PlayerContext {
  config: ServerConfig;
  tape: TapeEntry[];
  at: number;
  /** The furthest moment the reader has been to: the scrubber reaches at least this far. */
  reach: number;
  speed: number;
  /** A plain sentence about the last request the player could not carry out, for the reader. */
  notice: string | null;
  /** What Reset goes back to. */
  origin: PlayerInput;
  /** The later actions the last recording replaced, kept until the reader does something else, so it can be undone. */
  replaced: { tape: TapeEntry[]; count: number } | null;
  /** Counts the reader's changes to the tape or the setup (record, settings, load, reset), so views can tell one happened. */
  revision: number;
}

export interface PlayerInput {
  config: ServerConfig;
  tape?: TapeEntry[];
  at?: number;
}

export type PlayerEvent =
  | { type: 'clock.play' }
  | { type: 'clock.pause' }
  | { type: 'clock.tick'; ms: number }
  | { type: 'clock.speed'; speed: number }
  | { type: 'clock.jump'; ms: number }
  | { type: 'clock.seek'; at: number }
  | { type: 'clock.next-autodisconnect' }
  | { type: 'tape.record'; event: SimEvent }
  | { type: 'tape.undo' }
  | { type: 'config.set'; config: ServerConfig }
  | { type: 'player.load'; input: PlayerInput }
  | { type: 'player.reset' };

export const SPEEDS = [1, 60, 600] as const;
export const MINUTE = 60_000;
/** The scrubber always reaches at least this far past the last action: enough for autodisconnect at its default. */
export const TAIL_MS = 20 * MINUTE;

/** How far the scrubber reaches for this tape and moment. */
export function horizon(tape: readonly TapeEntry[], at: number, config?: ServerConfig): number {
  const last = tape.length ? (tape[tape.length - 1] as TapeEntry).at : 0;
  const minutes = config?.autodisconnectMinutes ?? 15;
  const tail = Math.max(TAIL_MS, (minutes > 0 && minutes < 24 * 60 ? minutes + 5 : 0) * MINUTE);
  return Math.max(60 * MINUTE, last + tail, at);
}

/** A link can carry 7 days; the clock covers no more, so every moment it shows can be shared. */
export const MAX_TIME = MAX_LINK_MS;
const BEYOND = 'The simulation covers the first 7 days after the start; the clock stops there.';

const clampTime = (at: number) => (Number.isFinite(at) ? Math.min(MAX_TIME, Math.max(0, Math.round(at))) : 0);

/** Where the scrubber ends: past the tape's last action and autodisconnect, and never short of where the reader has been. */
export function timelineEnd(context: Pick<PlayerContext, 'tape' | 'reach' | 'config'>): number {
  return Math.min(MAX_TIME, horizon(context.tape, context.reach, context.config));
}

/** The clock moved to `at`: remember how far the reader has been, and say so if the clock hit its limit. */
function moveTo(context: PlayerContext, wanted: number) {
  const at = clampTime(wanted);
  return { at, reach: Math.max(context.reach, at), notice: wanted > MAX_TIME ? BEYOND : null };
}

const plural = (n: number) => `${n} later action${n === 1 ? '' : 's'}`;

/** How many recorded actions lie after `at`: recording there replaces them. */
export function laterActions(context: Pick<PlayerContext, 'tape' | 'at'>): number {
  return context.tape.filter((entry) => entry.at > context.at).length;
}

function replacedNotice(count: number): string {
  return `Recorded here, replacing ${plural(count)} on the tape.`;
}

function initial(input: PlayerInput): PlayerContext {
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

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
    input: {} as PlayerInput,
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
      if (event.type !== 'clock.tick') return {};
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
    toNextAutodisconnect: assign(({ context }) => {
      const next = nextAutodisconnect(context.config, context.tape, context.at);
      if (next === null)
        return { notice: 'No autodisconnect is due: no idle session will be dropped from here on.' };
      if (next > MAX_TIME) {
        return {
          notice: `The next autodisconnect is ${formatElapsed(next)} after the start, beyond the 7 days the simulation covers.`,
        };
      }
      return moveTo(context, next);
    }),
    /** Recording at a moment keeps what came before it and drops the rest, as when re-recording a tape. */
    record: assign(({ context, event }) => {
      if (event.type !== 'tape.record') return {};
      const kept = context.tape.filter((entry) => entry.at <= context.at);
      const tape = [...kept, { at: context.at, event: event.event }];
      // What simulate() would refuse is refused here, without replaying the tape to find out.
      try {
        registry.validateTape(tape);
      } catch (error) {
        return { notice: error instanceof Error ? error.message : String(error) };
      }
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
        normalizeConfig(event.config);
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
    'clock.next-autodisconnect': { actions: 'toNextAutodisconnect' },
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
