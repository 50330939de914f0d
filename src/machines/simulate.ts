import { createActor, SimulatedClock } from 'xstate';
import {
  hasLicensing,
  idleDeadline,
  listedCount,
  logEntries,
  type ServerContext,
  type Session,
  serverMachine,
} from './server';
import { type NormalConfig, normalizeConfig, validateTape, validateUntil } from './validate';
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
 * XState's SimulatedClock, with one shortcut: moving the clock when no timer is due skips the flush,
 * which sorts every pending timer (a replay moves the clock about twice per entry, and a timer is due
 * at few of those moves). When a timer is due, or if XState's clock ever keeps its timers elsewhere,
 * SimulatedClock.set does the moving exactly as before.
 */
export class ReplayClock extends SimulatedClock {
  set(time: number): void {
    // SimulatedClock's own fields (private in its types).
    const own = this as unknown as {
      _now: number;
      _flushing: boolean;
      timeouts?: Map<number, { start: number; timeout: number }>;
    };
    if (
      !own._flushing &&
      own._now <= time &&
      own.timeouts instanceof Map &&
      ![...own.timeouts.values()].some((t) => time - t.start >= t.timeout)
    )
      own._now = time;
    else super.set(time);
  }
}

function lastAt(tape: readonly TapeEntry[]): number {
  return tape.length ? tape[tape.length - 1].at : 0;
}

/**
 * Replays an already validated tape under a SimulatedClock. Timers due at or before an
 * entry's time fire before that entry is applied, so a session is gone at the very moment
 * its autodisconnect falls due.
 */
export function replay(config: NormalConfig, tape: readonly TapeEntry[], until: number): ServerContext {
  const clock = new ReplayClock();
  const actor = createActor(serverMachine, { clock, input: config });
  actor.start();
  for (const entry of tape) {
    if (entry.at > until) break;
    advanceClock(actor, clock, entry.at);
    actor.send(entry.event);
  }
  advanceClock(actor, clock, until);
  const context = actor.getSnapshot().context;
  actor.stop();
  return context;
}

type ServerActor = ReturnType<typeof createActor<typeof serverMachine>>;

/**
 * Moves the clock to `to`, stopping at each pending idle check on the way so it runs at its own
 * time, not at the end of a jump; `onCheck` hears of each. Shared by replay() and createTimeline().
 */
function advanceClock(
  actor: ServerActor,
  clock: SimulatedClock,
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

export function toView(context: ServerContext, now: number, log?: LogEntry[]): ServerView {
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
    log: log ?? logEntries(context.log),
  };
}

/**
 * The view of the server at `until` (default: the last entry's time, 0 for an empty tape).
 * Validates the configuration and the whole tape first; throws SimulationInputError.
 */
export function simulate(config: ServerConfig, tape: TapeEntry[], until?: number): ServerView {
  const normal = normalizeConfig(config);
  validateTape(tape);
  const end = until === undefined ? lastAt(tape) : validateUntil(until);
  return toView(replay(normal, tape, end), end);
}

/**
 * The time of the first autodisconnect strictly after `t`, given the whole tape, or null
 * when none will happen (autodisconnect off, open files, or no sessions left).
 */
export function nextAutodisconnect(config: ServerConfig, tape: TapeEntry[], t: number): number | null {
  const normal = normalizeConfig(config);
  validateTape(tape);
  validateUntil(t);
  const end = Math.max(lastAt(tape), t);
  const context = replay(normal, tape, end);
  let best: number | null = null;
  for (let node = context.log; node; node = node.prev) {
    const { entry } = node;
    if (entry.at <= t) break;
    if (entry.kind === 'autodisconnect') best = entry.at;
  }
  if (best !== null) return best;
  for (const { name } of world.computers) {
    const session = context.sessions[name];
    const deadline = session && idleDeadline(context, session);
    if (deadline === undefined) continue;
    const due = Math.max(deadline, end);
    if (due > t && (best === null || due < best)) best = due;
  }
  return best;
}

export interface TimelineOptions {
  /** Keep a checkpoint every this many tape entries (default 32). */
  everyEntries?: number;
  /** And at least every this many simulated ms when the clock runs on without entries (default 10 min). */
  everyMs?: number;
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
  const everyMs = Math.max(1, options.everyMs ?? 10 * 60_000);
  const checkpoints: Checkpoint[] = [];
  let clock = new ReplayClock();
  let actor = createActor(serverMachine, { clock, input: normal });
  actor.start();
  let index = 0;
  let time = 0;
  checkpoints.push({ index: 0, time: 0, context: actor.getSnapshot().context });
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
    const last = checkpoints[checkpoints.length - 1];
    if (time <= last.time && index <= last.index) return;
    if (index - last.index >= everyEntries || time - last.time >= everyMs) {
      if (time >= last.time) checkpoints.push({ index, time, context: actor.getSnapshot().context });
    }
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
      step?.(entries[index].at);
      index++;
      checkpoint();
    }
    advance(until);
    checkpoint();
    return actor.getSnapshot().context;
  };

  return {
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
  };
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
