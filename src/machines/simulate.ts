import { createActor } from 'xstate';
import {
  hasLicensing,
  idleDeadline,
  type LogNode,
  listedCount,
  logEntries,
  type ServerContext,
  type Session,
  serverMachine,
} from './server';
import { normalizeConfig, validateTape, validateUntil } from './validate';
import {
  type ClientView,
  type ConnectionView,
  IPC,
  type LicenseService,
  type LogEntry,
  type ServerConfig,
  type ServerView,
  type SessionState,
  type SessionView,
  type TapeEntry,
  world,
} from './world';

/**
 * The clock replays run under: XState's clock (setTimeout, clearTimeout) with now() and set(). It fires
 * due timers as XState's SimulatedClock does, the earliest first and ties in the order they were set,
 * without sorting every pending timer at each move (a replay moves the clock twice per entry). One
 * difference: a timer set while timers fire, and already due, fires in the same move here, where
 * SimulatedClock may leave it for the next; the server never sets one (an idle check re-arms for a
 * deadline still ahead). A property test holds it to SimulatedClock.
 */
export class ReplayClock {
  private at = 0;
  private last = 0;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();
  now(): number {
    return this.at;
  }
  setTimeout(fn: () => void, ms: number): number {
    this.timers.set(++this.last, { due: this.at + ms, fn });
    return this.last;
  }
  clearTimeout(id: number): void {
    this.timers.delete(id);
  }
  set(time: number): void {
    if (time < this.at) throw new Error('Back in time');
    this.at = time;
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const timer of this.timers)
        if (timer[1].due <= time && !(next && next[1].due <= timer[1].due)) next = timer;
      if (!next) return;
      this.timers.delete(next[0]);
      next[1].fn();
    }
  }
}

function lastAt(tape: readonly TapeEntry[]): number {
  return tape.length ? tape[tape.length - 1].at : 0;
}

type ServerActor = ReturnType<typeof createActor<typeof serverMachine>>;

/**
 * Moves the clock to `to`, stopping at each pending idle check on the way so it runs at its own
 * time, not at the end of a jump; `onCheck` hears of each. Shared by replay() and createTimeline().
 */
function advanceClock(
  actor: ServerActor,
  clock: ReplayClock,
  to: number,
  onCheck?: (at: number) => void,
): void {
  for (;;) {
    const next = earliest(actor.getSnapshot().context.armed);
    if (next === undefined || next > to || next < clock.now()) break;
    clock.set(next);
    onCheck?.(next);
    if (earliest(actor.getSnapshot().context.armed) === next) break;
  }
  clock.set(to);
}

function earliest(armed: ServerContext['armed']): number | undefined {
  let min: number | undefined;
  for (const key in armed) {
    const due = armed[key];
    if (due !== undefined && (min === undefined || due < min)) min = due;
  }
  return min;
}

function sessionState(session: Session | undefined): SessionState {
  if (!session) return 'none';
  if (session.account === null) return 'leftover';
  if (session.shares.length === 0 && session.ipc === 'explicit') return 'explicit-ipc';
  return 'holding';
}

function toView(context: ServerContext, now: number, log: LogEntry[]): ServerView {
  const connections: ConnectionView[] = [];
  const sessions: SessionView[] = [];
  const clients: ClientView[] = [];
  for (const { name, loggedOn } of world.computers) {
    const session = context.sessions[name];
    clients.push({
      computer: name,
      loggedOn,
      uses: (context.uses[name] ?? []).map((u) => ({ share: u.share, account: u.account, status: u.status })),
    });
    if (!session) {
      sessions.push({
        computer: name,
        state: 'none',
        account: null,
        opens: 0,
        idleMs: 0,
        autodisconnectAt: null,
        licensed: false,
      });
      continue;
    }
    const shownUser = session.account ?? name;
    const idleMs = now - session.lastActivity;
    sessions.push({
      computer: name,
      state: sessionState(session),
      account: session.account,
      opens: session.opens,
      idleMs,
      autodisconnectAt: idleDeadline(context, session) ?? null,
      licensed: session.counted,
    });
    if (session.ipc !== 'none') {
      connections.push({
        computer: name,
        share: IPC,
        shownUser,
        account: session.account,
        opens: 0,
        connectedMs: now - session.ipcSince,
        idleMs,
      });
    }
    for (const c of session.shares) {
      connections.push({
        computer: name,
        share: c.share,
        shownUser,
        account: session.account,
        opens: c.opens,
        connectedMs: now - c.since,
        idleMs,
      });
    }
  }
  const service: LicenseService = !hasLicensing(context.version)
    ? 'absent'
    : context.logging
      ? 'running'
      : 'stopped';
  return {
    now,
    connections,
    licenses: { inUse: context.inUse, limit: context.limit, logging: context.logging, service },
    clients,
    sessions,
    counters: { ...context.counters },
    autodisconnectMinutes: context.minutes,
    log,
  };
}

/**
 * The view of the server at `until` (default: the last entry's time, 0 for an empty tape).
 * Validates the configuration and the whole tape first; throws SimulationInputError.
 */
export function simulate(config: ServerConfig, tape: TapeEntry[], until?: number): ServerView {
  const timeline = createTimeline(config, tape);
  return timeline.viewAt(until === undefined ? lastAt(tape) : until);
}

/**
 * The time of the first autodisconnect strictly after `t`, given the whole tape, or null
 * when none will happen (autodisconnect off, open files, or no sessions left).
 */
export function nextAutodisconnect(config: ServerConfig, tape: TapeEntry[], t: number): number | null {
  const timeline = createTimeline(config, tape);
  const end = Math.max(lastAt(tape), validateUntil(t));
  const { log, sessions } = timeline.viewAt(end);
  let best: number | null = null;
  // Newest first, back to `t`: an autodisconnect carried out late is logged at its deadline, out of order.
  for (let i = log.length - 1; i >= 0 && (log[i] as LogEntry).at > t; i--)
    if ((log[i] as LogEntry).kind === 'autodisconnect') best = (log[i] as LogEntry).at;
  if (best !== null) return best;
  for (const { autodisconnectAt } of sessions) {
    if (autodisconnectAt === null) continue;
    const due = Math.max(autodisconnectAt, end);
    if (due > t && (best === null || due < best)) best = due;
  }
  return best;
}

export interface TimelineOptions {
  /**
   * Keep a checkpoint every this many tape entries (default 32). Between entries the clock runs only
   * idle checks, so a moment long after the last checkpoint is still few steps from it.
   */
  everyEntries?: number;
  /**
   * A replay of the same configuration and tape made elsewhere (Timeline.record, in a worker): the
   * timeline starts with its checkpoints and counts instead of replaying the tape again.
   */
  recording?: Recording;
}

/**
 * A timeline's replay as plain data that survives structured cloning (postMessage): its checkpoints,
 * whose contexts leave out the log (a list thousands of nodes deep), the log once, oldest first, and
 * countsUntil(until).
 */
export interface Recording {
  readonly until: number;
  /** countsUntil(until) flat, three numbers a step: time, licences, connections (a Map of objects clones slowly). */
  readonly counts: readonly number[];
  readonly log: readonly LogEntry[];
  readonly checkpoints: readonly {
    readonly index: number;
    readonly time: number;
    /** Entries of `log` this checkpoint's context has. */
    readonly logged: number;
    readonly context: Omit<ServerContext, 'log'>;
  }[];
}

export interface Counts {
  licences: number;
  connections: number;
}

export interface Timeline {
  /** The view at `t`; deep-equals simulate(config, tape, t). Throws SimulationInputError for a bad `t`. */
  viewAt(t: number): ServerView;
  /**
   * Licences in use and connections listed after each step from 0 to `t`, in one replay: at 0, at each
   * tape entry and at each timer the server runs (an idle check, an autodisconnect), by time in time
   * order. At each of those times they are what viewAt(time) lists; the timeline picture reads them
   * without building thousands of views.
   */
  countsUntil(t: number): Map<number, Counts>;
  /** countsUntil(t), and the checkpoints that replay left, as data another timeline can start from. */
  record(t: number): Recording;
  /** Checkpoints kept so far (for tests and benchmarks). */
  readonly checkpoints: number;
}

interface Checkpoint {
  /** Tape entries applied. */
  readonly index: number;
  readonly time: number;
  readonly context: ServerContext;
}

/**
 * Replay that scales (incremental simulate): the same machine, advanced forward from the last
 * state asked for, and restored from the nearest earlier checkpoint when asked for an earlier
 * time, so no frame replays the whole tape. Contexts are immutable and share structure, so a
 * checkpoint is a reference, not a copy. simulate() stays the definition: for every t,
 * viewAt(t) deep-equals simulate(config, tape, t) (a property test checks it).
 */
export function createTimeline(
  config: ServerConfig,
  tape: TapeEntry[],
  options: TimelineOptions = {},
): Timeline {
  const normal = normalizeConfig(config);
  validateTape(tape);
  const entries = tape.slice();
  const everyEntries = Math.max(1, options.everyEntries ?? 32);
  let clock = new ReplayClock();
  let actor = createActor(serverMachine, { clock, input: normal });
  actor.start();
  let index = 0;
  let time = 0;
  const recorded = options.recording;
  // A recording's checkpoints, their logs rebuilt as one list.
  const nodes: (LogNode | null)[] = [null];
  for (const entry of recorded?.log ?? [])
    nodes.push({ entry, prev: nodes[nodes.length - 1] as LogNode | null });
  const checkpoints: Checkpoint[] = recorded?.checkpoints.map(({ index, time, logged, context }) => ({
    index,
    time,
    context: { ...context, log: nodes[logged] as LogNode | null },
  })) ?? [{ index: 0, time: 0, context: actor.getSnapshot().context }];
  // The last view's log, reused while the log does not change (no garbage per frame).
  let logNode: ServerContext['log'] | undefined;
  let logArray: LogEntry[] = [];

  const restore = (point: Checkpoint): void => {
    actor.stop();
    clock = new ReplayClock();
    clock.set(point.time);
    // Restoring a snapshot, XState walks every object in its context (to revive actor references);
    // the log is a list of thousands of entries with none. So the context goes in without it and
    // gets it back before the actor starts: the object is still this function's own.
    const context: { -readonly [K in keyof ServerContext]: ServerContext[K] } = {
      ...point.context,
      armed: {},
      log: null,
    };
    actor = createActor(serverMachine, {
      clock,
      input: normal,
      snapshot: serverMachine.resolveState({ value: {}, context }),
    });
    context.log = point.context.log;
    actor.start();
    actor.send({ type: 'clock.resume' });
    index = point.index;
    time = point.time;
  };

  const checkpoint = (): void => {
    const last = checkpoints[checkpoints.length - 1] as Checkpoint;
    if (index - last.index >= everyEntries && time >= last.time)
      checkpoints.push({ index, time, context: actor.getSnapshot().context });
  };

  // Told of every step while countsUntil replays.
  let step: ((at: number) => void) | undefined;

  const advance = (to: number): void => {
    advanceClock(actor, clock, to, step);
    time = to;
    step?.(to);
  };

  /** The machine's context at `until`, reached from where it is or from a checkpoint. */
  const moveTo = (until: number): ServerContext => {
    if (until !== time) {
      // The latest checkpoint at or before `until` (binary search: checkpoints are in time order).
      let lo = 0;
      let hi = checkpoints.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (checkpoints[mid].time <= until) lo = mid;
        else hi = mid - 1;
      }
      const point = checkpoints[lo];
      // Back in time: restore. Forward past a checkpoint well ahead: restore there too rather
      // than replay the entries in between (unless countsUntil is to be told of every step).
      if (until < time || (!step && point.time > time && point.index >= index + everyEntries)) restore(point);
    }
    while (index < entries.length && entries[index].at <= until) {
      advance(entries[index].at);
      actor.send(entries[index].event);
      // A check the entry made overdue (a session's last open file closed by Server Manager past its
      // idle deadline) runs now, as the view at this time has it, before the step is told.
      clock.set(time);
      step?.(entries[index].at);
      index++;
      checkpoint();
    }
    advance(until);
    checkpoint();
    return actor.getSnapshot().context;
  };

  const timeline: Timeline = {
    get checkpoints() {
      return checkpoints.length;
    },
    viewAt(t: number): ServerView {
      const until = validateUntil(t);
      const context = moveTo(until);
      if (context.log !== logNode) {
        logNode = context.log;
        logArray = logEntries(context.log);
      }
      return toView(context, until, logArray);
    },
    countsUntil(t: number) {
      const until = validateUntil(t);
      const counts = new Map<number, Counts>();
      if (recorded?.until === until) {
        const flat = recorded.counts as number[];
        for (let i = 0; i < flat.length; i += 3)
          counts.set(flat[i] as number, {
            licences: flat[i + 1] as number,
            connections: flat[i + 2] as number,
          });
        return counts;
      }
      // Each step's figures; a later step at the same time replaces them.
      step = (at) => {
        const { sessions, inUse } = actor.getSnapshot().context;
        let connections = 0;
        for (const computer in sessions) {
          const session = sessions[computer];
          if (session) connections += listedCount(session);
        }
        counts.set(at, { licences: inUse, connections });
      };
      restore(checkpoints[0]);
      step(0);
      moveTo(until);
      step = undefined;
      return counts;
    },
    record(t: number): Recording {
      const counts = [...timeline.countsUntil(t)].flatMap(([at, c]) => [at, c.licences, c.connections]);
      // Every checkpoint's log holds, entry for entry, the first entries of the last one's.
      const log = logEntries((checkpoints[checkpoints.length - 1] as Checkpoint).context.log);
      return {
        until: t,
        counts,
        log,
        checkpoints: checkpoints.map(({ index, time, context: { log, ...context } }) => {
          let logged = 0;
          for (let node = log; node; node = node.prev) logged++;
          return { index, time, logged, context };
        }),
      };
    },
  };
  return timeline;
}

const timelines = new WeakMap<readonly TapeEntry[], Map<string, Timeline>>();

/**
 * simulate(config, tape, t) for islands that ask for frame after frame: the same view, from a
 * timeline kept per tape array and configuration, so playing and scrubbing over one tape are
 * incremental. The tape array must not be changed after it is passed (make a new array to add
 * an entry, as the player does); a new array starts a new timeline.
 */
export function timelineView(config: ServerConfig, tape: readonly TapeEntry[], t: number): ServerView {
  const normal = normalizeConfig(config);
  const key = `${normal.version}|${normal.autodisconnectMinutes}|${normal.licenseLimit}|${normal.licenseLogging}`;
  let byConfig = timelines.get(tape);
  if (!byConfig) {
    byConfig = new Map();
    timelines.set(tape, byConfig);
  }
  let timeline = byConfig.get(key);
  if (!timeline) {
    timeline = createTimeline(normal, tape as TapeEntry[]);
    byConfig.set(key, timeline);
  }
  return timeline.viewAt(t);
}
