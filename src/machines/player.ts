import { assign, setup } from 'xstate';
import { nextAutodisconnect, simulate } from './simulate';
import type { ServerConfig, SimEvent, TapeEntry } from './world';

/**
 * The reader's side of a simulation: a tape of actions and a clock over it. The server itself is
 * never stored here; every view is `simulate(config, tape, at)`, so rewinding is a replay.
 */
export interface PlayerContext {
  config: ServerConfig;
  tape: TapeEntry[];
  at: number;
  speed: number;
  /** A plain sentence about the last request the player could not carry out, for the reader. */
  notice: string | null;
  /** What Reset goes back to. */
  origin: PlayerInput;
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

const clampTime = (at: number) => (Number.isFinite(at) ? Math.max(0, Math.round(at)) : 0);

function initial(input: PlayerInput): PlayerContext {
  return {
    config: input.config,
    tape: input.tape ?? [],
    at: clampTime(input.at ?? 0),
    speed: 60,
    notice: null,
    origin: input,
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
    reachesEnd: ({ context, event }) => {
      if (event.type !== 'clock.tick') return false;
      const end = horizon(context.tape, 0, context.config);
      return context.at < end && context.at + event.ms * context.speed >= end;
    },
  },
  actions: {
    advanceToEnd: assign({ at: ({ context }) => horizon(context.tape, 0, context.config) }),
    advance: assign({
      at: ({ context, event }) =>
        event.type === 'clock.tick' ? clampTime(context.at + event.ms * context.speed) : context.at,
    }),
    jump: assign({
      at: ({ context, event }) =>
        event.type === 'clock.jump' ? clampTime(context.at + event.ms) : context.at,
      notice: null,
    }),
    seek: assign({
      at: ({ context, event }) => (event.type === 'clock.seek' ? clampTime(event.at) : context.at),
      notice: null,
    }),
    setSpeed: assign({
      speed: ({ context, event }) =>
        event.type === 'clock.speed' && (SPEEDS as readonly number[]).includes(event.speed)
          ? event.speed
          : context.speed,
    }),
    toNextAutodisconnect: assign(({ context }) => {
      const next = nextAutodisconnect(context.config, context.tape, context.at);
      return next === null
        ? { notice: 'No autodisconnect is due: no idle session will be dropped from here on.' }
        : { at: next, notice: null };
    }),
    /** Recording at a moment keeps what came before it and drops the rest, as when re-recording a tape. */
    record: assign(({ context, event }) => {
      if (event.type !== 'tape.record') return {};
      const tape = [
        ...context.tape.filter((entry) => entry.at <= context.at),
        { at: context.at, event: event.event },
      ];
      try {
        simulate(context.config, tape, context.at);
      } catch (error) {
        return { notice: error instanceof Error ? error.message : String(error) };
      }
      return { tape, notice: null };
    }),
    setConfig: assign(({ context, event }) => {
      if (event.type !== 'config.set') return {};
      try {
        simulate(event.config, context.tape, context.at);
      } catch (error) {
        return { notice: error instanceof Error ? error.message : String(error) };
      }
      return { config: event.config, notice: null };
    }),
    load: assign(({ context, event }) =>
      event.type === 'player.load' ? { ...initial(event.input), origin: context.origin } : {},
    ),
    reset: assign(({ context }) => initial(context.origin)),
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
    'config.set': { actions: 'setConfig' },
    'player.load': { target: '.paused', actions: 'load' },
    'player.reset': { target: '.paused', actions: 'reset' },
  },
  states: {
    paused: {
      on: { 'clock.play': 'playing' },
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
