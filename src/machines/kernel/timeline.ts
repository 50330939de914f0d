import { type AnyActorScope, type AnyMachineSnapshot, createActor } from 'xstate';
import { validateUntil } from './errors';
import { type LogEntry, logEntries } from './log';
import type { Model, ModelContext } from './model';
import type { TapeEntry } from './registry';

/*
 * Replay that scales: a model's machine stepped as a pure function (its transition, with no actor
 * running: one inert scope per timeline, as XState's transition() makes per call), its timers fired by
 * the timeline itself when the clock reaches them (the model keeps them as data, nextTimer), so the
 * replay needs no clock object and a checkpoint is just a snapshot. simulate() is the definition:
 * for every t, viewAt(t) deep-equals simulate(model, config, tape, t) (a property test checks it).
 */

export interface TimelineOptions<Context> {
  /** Keep a checkpoint every this many tape entries (default 32). */
  everyEntries?: number;
  /** A replay of the same configuration and tape made elsewhere (record(), in a worker). */
  recording?: Recording<Context>;
}

/** A timeline's replay as plain data that survives structured cloning (postMessage). */
export interface Recording<Context> {
  readonly until: number;
  /** figuresUntil(until) flat: time, then the model's figures, per step. */
  readonly counts: readonly number[];
  readonly log: readonly LogEntry[];
  readonly checkpoints: readonly {
    readonly index: number;
    readonly time: number;
    /** Entries of `log` this checkpoint's context has. */
    readonly logged: number;
    readonly context: Omit<Context, 'log'>;
  }[];
}

export interface Timeline<View, Context = unknown> {
  /** The view at `t`. Throws SimulationInputError for a bad `t`. */
  viewAt(t: number): View;
  /**
   * The model's figures after each step from 0 to `t`, in one replay: at 0, at each tape entry and at
   * each timer the model runs, in time order (a later step at the same time replaces an earlier one).
   */
  figuresUntil(t: number): Map<number, readonly number[]>;
  /** figuresUntil(t), and the checkpoints that replay left, as data another timeline can start from. */
  record(t: number): Recording<Context>;
  /** Checkpoints kept so far (for tests and benchmarks). */
  readonly checkpoints: number;
}

interface Checkpoint {
  readonly index: number;
  readonly time: number;
  readonly snapshot: AnyMachineSnapshot;
}

export function lastAt(tape: readonly TapeEntry<unknown>[]): number {
  return tape.length ? (tape[tape.length - 1] as TapeEntry<unknown>).at : 0;
}

export function createTimeline<
  C extends object,
  N extends C,
  E extends { type: string },
  X extends ModelContext,
  V,
>(
  model: Model<C, N, E, X, V>,
  config: C,
  tape: readonly TapeEntry<E>[],
  options: TimelineOptions<X> = {},
): Timeline<V, X> {
  const { machine } = model;
  const normal = model.normalize(config);
  model.registry.validateTape(tape);
  const entries = tape.slice();
  const everyEntries = Math.max(1, options.everyEntries ?? 32);
  // The scope a machine's transitions run in. Nothing runs in it: the models' machines only assign.
  const self = createActor(machine, { input: normal });
  const noop = () => {};
  const scope = {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    defer: noop,
    logger: noop,
    stopChild: noop,
    emit: noop,
    actionExecutor: noop,
  } as unknown as AnyActorScope;
  const send = (event: { type: string; at: number }) => {
    snapshot = machine.transition(snapshot, event, scope);
  };
  let snapshot: AnyMachineSnapshot = self.getSnapshot();
  const initialValue = snapshot.value;
  const context = () => snapshot.context as X;
  let index = 0;
  let time = 0;
  const recorded = options.recording;
  const nodes: (X['log'] | null)[] = [null];
  for (const entry of recorded?.log ?? []) nodes.push({ entry, prev: nodes[nodes.length - 1] ?? null });
  const checkpoints: Checkpoint[] = recorded?.checkpoints.map(({ index, time, logged, context }) => {
    // resolveState walks a context's objects to revive actor references; the log has none and may be
    // thousands deep, so it goes in afterwards, on the snapshot's own context object.
    const own = { ...context, log: null } as { log: X['log'] | null };
    const snapshot = machine.resolveState({ value: initialValue, context: own });
    (snapshot.context as { log: X['log'] | null }).log = nodes[logged] ?? null;
    return { index, time, snapshot };
  }) ?? [{ index: 0, time: 0, snapshot }];
  let logNode: X['log'] | undefined;
  let logArray: LogEntry[] = [];
  // Told of every step while figuresUntil replays.
  let step: ((at: number) => void) | undefined;

  /** Fires every timer due at or before `t`, earliest first. */
  const fireDue = (t: number): void => {
    for (let next = model.nextTimer(context()); next && next.at <= t; next = model.nextTimer(context()))
      send({ ...next.event, at: next.at });
  };

  /** Moves the clock to `to`, stopping at each timer on the way so it runs at its own time. */
  const advance = (to: number): void => {
    for (;;) {
      const next = model.nextTimer(context())?.at;
      if (next === undefined || next > to || next < time) break;
      time = next;
      fireDue(next);
      step?.(next);
      if (model.nextTimer(context())?.at === next) break;
    }
    time = to;
    fireDue(to);
    step?.(to);
  };

  const checkpoint = (): void => {
    const last = checkpoints[checkpoints.length - 1] as Checkpoint;
    if (index - last.index >= everyEntries && time >= last.time) checkpoints.push({ index, time, snapshot });
  };

  const moveTo = (until: number): X => {
    if (until !== time) {
      // The latest checkpoint at or before `until` (binary search: checkpoints are in time order).
      let lo = 0;
      let hi = checkpoints.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((checkpoints[mid] as Checkpoint).time <= until) lo = mid;
        else hi = mid - 1;
      }
      const point = checkpoints[lo] as Checkpoint;
      // Back in time: restore. Forward past a checkpoint well ahead: restore there too rather than
      // replay the entries in between (unless figuresUntil is to be told of every step).
      if (until < time || (!step && point.time > time && point.index >= index + everyEntries)) {
        ({ snapshot, index, time } = point);
      }
    }
    while (index < entries.length && (entries[index] as TapeEntry<E>).at <= until) {
      const { at, event } = entries[index] as TapeEntry<E>;
      advance(at);
      send({ ...event, at });
      // A timer the entry made overdue runs now, as the view at this time has it, before the step is told.
      fireDue(time);
      step?.(at);
      index++;
      checkpoint();
    }
    advance(until);
    checkpoint();
    return context();
  };

  const timeline: Timeline<V, X> = {
    get checkpoints() {
      return checkpoints.length;
    },
    viewAt(t) {
      const until = validateUntil(t);
      const now = moveTo(until);
      if (now.log !== logNode) {
        logNode = now.log;
        logArray = logEntries(now.log);
      }
      return model.view(now, until, logArray);
    },
    figuresUntil(t) {
      const until = validateUntil(t);
      const figures = new Map<number, readonly number[]>();
      if (recorded?.until === until) {
        const flat = recorded.counts;
        const width = 1 + model.figures(context()).length;
        for (let i = 0; i < flat.length; i += width)
          figures.set(flat[i] as number, flat.slice(i + 1, i + width) as number[]);
        return figures;
      }
      step = (at) => figures.set(at, model.figures(context()));
      ({ snapshot, index, time } = checkpoints[0] as Checkpoint);
      step(0);
      moveTo(until);
      step = undefined;
      return figures;
    },
    record(t) {
      const counts = [...timeline.figuresUntil(t)].flatMap(([at, f]) => [at, ...f]);
      const last = (checkpoints[checkpoints.length - 1] as Checkpoint).snapshot.context as X;
      // Every checkpoint's log holds, entry for entry, the first entries of the last one's.
      return {
        until: t,
        counts,
        log: logEntries(last.log),
        checkpoints: checkpoints.map(({ index, time, snapshot }) => {
          const { log, ...context } = snapshot.context as X;
          let logged = 0;
          for (let node = log; node; node = node.prev) logged++;
          return { index, time, logged, context };
        }),
      };
    },
  };
  return timeline;
}

/** The view at `until` (default: the last entry's time, 0 for an empty tape). Validates everything first. */
export function simulateModel<
  C extends object,
  N extends C,
  E extends { type: string },
  X extends ModelContext,
  V,
>(model: Model<C, N, E, X, V>, config: C, tape: readonly TapeEntry<E>[], until?: number): V {
  return createTimeline(model, config, tape).viewAt(until === undefined ? lastAt(tape) : until);
}

const timelines = new WeakMap<object, Map<string, Timeline<unknown>>>();

/**
 * simulate() for islands that ask for frame after frame: the same view, from a timeline kept per tape
 * array and configuration, so playing and scrubbing over one tape are incremental. The tape array must
 * not be changed after it is passed (make a new array to add an entry); a new array starts a new timeline.
 */
export function timelineView<
  C extends object,
  N extends C,
  E extends { type: string },
  X extends ModelContext,
  V,
>(model: Model<C, N, E, X, V>, config: C, tape: readonly TapeEntry<E>[], t: number): V {
  const normal = model.normalize(config);
  const key = `${model.id}|${JSON.stringify(normal)}`;
  let byConfig = timelines.get(tape);
  if (!byConfig) {
    byConfig = new Map();
    timelines.set(tape, byConfig);
  }
  let timeline = byConfig.get(key) as Timeline<V> | undefined;
  if (!timeline) {
    timeline = createTimeline(model, normal, tape);
    byConfig.set(key, timeline as Timeline<unknown>);
  }
  return timeline.viewAt(t);
}
