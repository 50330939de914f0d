import { createActor, SimulatedClock } from 'xstate';
import { logEntries, MINUTE, type ServerContext, serverMachine } from './server';
import { type NormalConfig, normalizeConfig, validateTape, validateUntil } from './validate';
import { type ConnectionView, IPC, type ServerConfig, type ServerView, type TapeEntry, world } from './world';

function lastAt(tape: readonly TapeEntry[]): number {
  return tape.length ? tape[tape.length - 1].at : 0;
}

/**
 * Replays an already validated tape under a SimulatedClock. Timers due at or before an
 * entry's time fire before that entry is applied, so a session is gone at the very moment
 * its autodisconnect falls due.
 */
export function replay(config: NormalConfig, tape: readonly TapeEntry[], until: number): ServerContext {
  const clock = new SimulatedClock();
  const actor = createActor(serverMachine, { clock, input: config });
  actor.start();
  const advance = (to: number): void => {
    // Stop at each pending idle check so it runs at its own time, not at the end of a jump.
    for (;;) {
      const next = earliest(actor.getSnapshot().context.armed);
      if (next === undefined || next > to || next < clock.now()) break;
      clock.set(next);
      if (earliest(actor.getSnapshot().context.armed) === next) break;
    }
    clock.set(to);
  };
  for (const entry of tape) {
    if (entry.at > until) break;
    advance(entry.at);
    actor.send(entry.event);
  }
  advance(until);
  const context = actor.getSnapshot().context;
  actor.stop();
  return context;
}

function earliest(armed: ServerContext['armed']): number | undefined {
  let min: number | undefined;
  for (const key in armed) {
    const due = armed[key];
    if (due !== undefined && (min === undefined || due < min)) min = due;
  }
  return min;
}

export function toView(context: ServerContext, now: number): ServerView {
  const connections: ConnectionView[] = [];
  for (const { name } of world.computers) {
    const session = context.sessions[name];
    if (!session) continue;
    const shownUser = session.account ?? name;
    const idleMs = now - session.lastActivity;
    if (session.ipc) {
      connections.push({
        computer: name,
        share: IPC,
        shownUser,
        account: session.account,
        opens: 0,
        connectedMs: now - session.since,
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
  return {
    now,
    connections,
    licenses: { inUse: context.inUse, limit: context.limit, logging: context.logging },
    autodisconnectMinutes: context.minutes,
    log: logEntries(context.log),
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
  if (context.minutes < 0) return null;
  for (const { name } of world.computers) {
    const session = context.sessions[name];
    if (!session || session.opens > 0) continue;
    const due = Math.max(session.lastActivity + context.minutes * MINUTE, end);
    if (due > t && (best === null || due < best)) best = due;
  }
  return best;
}
