import type { AnyStateMachine } from 'xstate';
import type { LogEntry, LogNode } from './log';
import type { Registry, TapeEntry } from './registry';

/*
 * What a model provides to the kernel. A model is one simulated system (a folder in src/machines);
 * the kernel (timeline, link codec, player, scenario and troubleshooter engines) works for any model
 * and imports none. The view at time t is a function of (configuration, tape, t).
 */

/** What every model's machine context carries: its log, as a persistent list. */
export interface ModelContext {
  readonly log: LogNode<LogEntry> | null;
}

/** An event the kernel sends a model's machine: a tape event or a timer, stamped with its time. */
export type Stamped<Event> = Event & { readonly at: number };

export interface Model<
  Config extends object,
  Normal extends Config,
  Event extends { type: string },
  Context extends ModelContext,
  View,
> {
  /** The model's id: links name it. */
  readonly id: string;
  /**
   * The configuration field a side-by-side comparison varies, its values in order, and the two a
   * scenario compares unless it says otherwise.
   */
  readonly variants: {
    readonly field: keyof Config & string;
    readonly values: readonly string[];
    readonly compared: readonly [string, string];
  };
  readonly registry: Registry<Event>;
  /**
   * What the model's rules rest on, by key: sourced rules (each key names a source in the site's
   * content) and modelling choices. A quiz answer or a troubleshooter result names the keys it rests
   * on, and may rest on sourced rules only.
   */
  readonly rules: { readonly sourced: readonly string[]; readonly choices: readonly string[] };
  /** The configuration's whole-number fields and their ranges (readers' number answers, controls). */
  readonly ranges?: Readonly<Partial<Record<keyof Config & string, readonly [number, number]>>>;
  /** Fills in defaults and checks every field; throws SimulationInputError. */
  normalize(config: Config): Normal;
  /**
   * The model's rules (XState v5), a pure machine: input is the normal configuration; it takes the
   * tape's events and its own timers, each stamped with `at`, the time it happens.
   */
  readonly machine: AnyStateMachine;
  /**
   * The model's timer that falls due first, or undefined: the kernel sends its event when the clock
   * reaches `at` (timers are data in the context, so a checkpoint restores them exactly).
   */
  nextTimer(context: Context): { readonly at: number; readonly event: { readonly type: string } } | undefined;
  view(context: Context, now: number, log: LogEntry[]): View;
  /** "Jump to the next thing that happens": when the model's next timed outcome after `t` falls, or null; and what to say. */
  readonly next: {
    find(config: Config, tape: readonly TapeEntry<Event>[], t: number): number | null;
    /** Said when nothing is due. */
    readonly none: string;
    /** "The next … is <at> after the start" (the player adds that it is past what the simulation covers). */
    beyond(at: string): string;
  };
  /** How far past the last action the scrubber should reach for this configuration, in ms (its timers' reach). */
  tail(config: Config | undefined): number;
  /** The figures the timeline picture plots after each step (numbers, in the model's order). */
  figures(context: Context): readonly number[];
  /** The configuration as naturals for a link's header, and back (undefined when the numbers are out of range). */
  readonly header: {
    write(config: Normal): number[];
    read(numbers: readonly number[]): Config | string;
    /** How many numbers the header holds, in order. */
    readonly names: readonly string[];
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a model of any types, for the kernel's generic code
export type AnyModel = Model<any, any, any, any, any>;

export type ConfigOf<M> = M extends Model<infer C, infer _N, infer _E, infer _X, infer _V> ? C : never;
export type EventOf<M> = M extends Model<infer _C, infer _N, infer E, infer _X, infer _V> ? E : never;
export type ContextOf<M> = M extends Model<infer _C, infer _N, infer _E, infer X, infer _V> ? X : never;
export type ViewOf<M> = M extends Model<infer _C, infer _N, infer _E, infer _X, infer V> ? V : never;

/**
 * Questions a moment of a model answers, read off its view (quiz questions and troubleshooter results
 * name a reading instead of stating their answer). A model's folder exports one as `readings` from its
 * `readings.ts`; they run when the site builds, so they are not part of the model the browser loads.
 */
export interface ModelReadings<Config = object, Event = { type: string }> {
  /** Null for a reading this model answers, else why not. */
  check(reading: Record<string, unknown>): string | null;
  /** The answer, as the text a quiz choice carries. */
  // biome-ignore lint/suspicious/noExplicitAny: each model narrows its own reading type
  read(reading: any, moment: { config: Config; tape: readonly TapeEntry<Event>[]; at: number }): string;
}
