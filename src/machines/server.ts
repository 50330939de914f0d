import { type AnyActorRef, assign, enqueueActions, setup } from 'xstate';
import type { NormalConfig } from './validate';
import {
  IPC,
  isAdmin,
  type LogEntry,
  type LogKind,
  loggedOnUser,
  mayRead,
  type NtVersion,
  type SimEvent,
  uncPath,
  world,
} from './world';

export const MINUTE = 60_000;

export interface ShareConnection {
  readonly share: string;
  readonly since: number;
  readonly opens: number;
}

/** One client computer's session with the server. */
export interface Session {
  readonly computer: string;
  /** Credentials the session carries; null for a leftover IPC$ connection. */
  readonly account: string | null;
  /** When the session (and its IPC$ connection) began. */
  readonly since: number;
  /** Whether the IPC$ connection is still listed (never on 4.0). */
  readonly ipc: boolean;
  /** Disk-share connections in the order they were made. */
  readonly shares: readonly ShareConnection[];
  readonly opens: number;
  readonly lastActivity: number;
  /** Holds a licence. */
  readonly counted: boolean;
}

/** Persistent list, newest first: appending is O(1) without copying the log. */
export interface LogNode {
  readonly entry: LogEntry;
  readonly prev: LogNode | null;
}

export interface ServerContext {
  readonly version: NtVersion;
  readonly limit: number;
  readonly minutes: number;
  readonly logging: boolean;
  readonly inUse: number;
  readonly sessions: Readonly<Record<string, Session | undefined>>;
  /** When each computer's pending idle check fires, if one is scheduled. */
  readonly armed: Readonly<Record<string, number | undefined>>;
  readonly log: LogNode | null;
}

/** Fired by a delayed raise: time to check whether the computer's session has idled out. */
export type IdleEvent = { type: 'session.idle'; computer: string; due: number };
export type ServerEvent = SimEvent | IdleEvent;

type ComputerEvent = Extract<ServerEvent, { computer: string }>;
type ConnectEvent = Extract<SimEvent, { type: 'share.connect' }>;
type ShareEvent = Extract<SimEvent, { share: string }>;

/** The actor's clock: simulate() always runs the machine under a SimulatedClock. */
function clockNow(self: AnyActorRef): number {
  const clock = (self as unknown as { clock?: { now?: () => number } }).clock;
  return typeof clock?.now === 'function' ? clock.now() : 0;
}

function userOf(event: ConnectEvent): string {
  return event.user ?? loggedOnUser(event.computer);
}

function connectAs(event: ConnectEvent): string {
  return event.user !== undefined && event.user !== loggedOnUser(event.computer) ? ' (CONNECT AS)' : '';
}

function sessionOf(context: ServerContext, event: ServerEvent): Session | undefined {
  return context.sessions[(event as ComputerEvent).computer];
}

function connectionOf(session: Session | undefined, share: string): ShareConnection | undefined {
  return session?.shares.find((c) => c.share === share);
}

function append(
  log: LogNode | null,
  at: number,
  kind: LogKind,
  text: string,
  computer?: string,
  error?: number,
): LogNode {
  const entry: LogEntry = { at, text, kind };
  if (error !== undefined) entry.error = error;
  if (computer !== undefined) entry.computer = computer;
  return { entry, prev: log };
}

function withSession(
  sessions: ServerContext['sessions'],
  computer: string,
  session: Session | undefined,
): ServerContext['sessions'] {
  return { ...sessions, [computer]: session };
}

/** The session with one more (or one fewer) file open on `share`; any file event is activity. */
function withOpens(session: Session, share: string, delta: 1 | -1, now: number): Session {
  return {
    ...session,
    shares: session.shares.map((c) => (c.share === share ? { ...c, opens: c.opens + delta } : c)),
    opens: session.opens + delta,
    lastActivity: now,
  };
}

function touched(session: Session | undefined, now: number): Session | undefined {
  return session && session.lastActivity !== now ? { ...session, lastActivity: now } : session;
}

function licenceText(inUse: number, limit: number): string {
  return `${inUse} of ${limit} in use`;
}

function released(context: ServerContext, session: Session): number {
  return session.counted ? context.inUse - 1 : context.inUse;
}

function releaseText(context: ServerContext, session: Session): string {
  return session.counted
    ? ` Licence released (${licenceText(released(context, session), context.limit)}).`
    : '';
}

/** The log's opening words for any disconnect, with the files it closed. */
function disconnected(e: ShareEvent, account: string | null, opens: number): string {
  const closed = opens > 0 ? ` ${files(opens)} closed with it.` : '';
  return `${e.computer}: ${account} disconnected from ${uncPath(e.share)}.${closed}`;
}

/** A refusal from a computer: logged, and counts as activity on an existing session. */
function refusal(
  context: ServerContext,
  event: ComputerEvent,
  now: number,
  text: string,
  error?: number,
): Partial<ServerContext> {
  const session = context.sessions[event.computer];
  const next = touched(session, now);
  return {
    sessions: next === session ? context.sessions : withSession(context.sessions, event.computer, next),
    log: append(context.log, now, 'refused', text, event.computer, error),
  };
}

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as NormalConfig,
  },
  guards: {
    credentialConflict: ({ context, event }) => {
      const account = sessionOf(context, event)?.account;
      return account != null && account !== userOf(event as ConnectEvent);
    },
    alreadyConnected: ({ context, event }) =>
      connectionOf(sessionOf(context, event), (event as ShareEvent).share) !== undefined,
    licenceExhausted: ({ context, event }) =>
      context.logging &&
      context.inUse >= context.limit &&
      sessionOf(context, event) === undefined &&
      !isAdmin(userOf(event as ConnectEvent)),
    accessDenied: ({ event }) => !mayRead(userOf(event as ConnectEvent), (event as ConnectEvent).share),
    hasSession: ({ context, event }) => sessionOf(context, event) !== undefined,
    notConnected: ({ context, event }) =>
      connectionOf(sessionOf(context, event), (event as ShareEvent).share) === undefined,
    noOpenFile: ({ context, event }) =>
      (connectionOf(sessionOf(context, event), (event as ShareEvent).share)?.opens ?? 0) === 0,
    lastShareOn40: ({ context, event }) =>
      context.version === '4.0' && sessionOf(context, event)?.shares.length === 1,
    lastShare: ({ context, event }) => sessionOf(context, event)?.shares.length === 1,
    logging: ({ context }) => context.logging,
    idleExpired: ({ context, event }) => {
      const session = sessionOf(context, event);
      const deadline = session && idleDeadline(context, session);
      return deadline !== undefined && deadline <= (event as IdleEvent).due;
    },
    idleCheckMissing: ({ context }) => unarmed(context) !== undefined,
  },
  actions: {
    refuseCredentialConflict: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      const held = sessionOf(context, e)?.account;
      return refusal(
        context,
        e,
        clockNow(self),
        `Refused: ${e.computer}'s session already carries ${held}'s credentials, so ${userOf(e)} cannot connect to ${uncPath(e.share)} over it. Error 1219: one computer may use only one set of credentials with a server.`,
        1219,
      );
    }),
    noteAlreadyConnected: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      const now = clockNow(self);
      return {
        sessions: withSession(context.sessions, e.computer, touched(sessionOf(context, e), now)),
        log: append(
          context.log,
          now,
          'connect',
          `${e.computer}: ${userOf(e)} is already connected to ${uncPath(e.share)}; nothing changed.`,
          e.computer,
        ),
      };
    }),
    refuseLicence: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      return refusal(
        context,
        e,
        clockNow(self),
        `Refused: ${e.computer} (${userOf(e)}) needs a new session for ${uncPath(e.share)}, but the licence limit is reached (${licenceText(context.inUse, context.limit)}). Error 71: the network request was not accepted.`,
        71,
      );
    }),
    refuseAccess: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      const session = sessionOf(context, e);
      const rest = !session
        ? ' Nothing was connected and no session was made.'
        : session.account === null
          ? ' Nothing was added; the IPC$ connection stays, with no account.'
          : ' Nothing was added.';
      return refusal(
        context,
        e,
        clockNow(self),
        `Refused: ${userOf(e)} may not read ${uncPath(e.share)}. Error 5: access denied.${rest}`,
        5,
      );
    }),
    addShare: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const user = userOf(e);
      const how =
        session.account === null
          ? ` The leftover IPC$ connection carried no account, so the server checked ${user}'s credentials again. Same session, no extra licence.`
          : ' Same session, no extra licence.';
      return {
        sessions: withSession(context.sessions, e.computer, {
          ...session,
          account: user,
          shares: [...session.shares, { share: e.share, since: now, opens: 0 }],
          lastActivity: now,
        }),
        log: append(
          context.log,
          now,
          'connect',
          `${e.computer}: ${user} connected to ${uncPath(e.share)}${connectAs(e)}.${how}`,
          e.computer,
        ),
      };
    }),
    openSession: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      const now = clockNow(self);
      const user = userOf(e);
      const ipc = context.version !== '4.0';
      const counted = context.logging;
      const inUse = counted ? context.inUse + 1 : context.inUse;
      const ipcText = ipc
        ? ' New session; IPC$ connected as well.'
        : ` New session; IPC$ was used to validate ${user} and dropped at once.`;
      const licence = !counted
        ? ' The License Logging service is stopped, so no licence is counted.'
        : inUse > context.limit
          ? ` The licence limit was already reached, but ${user} is an administrator: let in and counted (${licenceText(inUse, context.limit)}).`
          : ` Licence taken (${licenceText(inUse, context.limit)}).`;
      return {
        inUse,
        sessions: withSession(context.sessions, e.computer, {
          computer: e.computer,
          account: user,
          since: now,
          ipc,
          shares: [{ share: e.share, since: now, opens: 0 }],
          opens: 0,
          lastActivity: now,
          counted,
        }),
        log: append(
          context.log,
          now,
          'connect',
          `${e.computer}: ${user} connected to ${uncPath(e.share)}${connectAs(e)}.${ipcText}${licence}`,
          e.computer,
        ),
      };
    }),
    refuseNotConnected: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const what =
        e.type === 'share.disconnect'
          ? 'to disconnect'
          : e.type === 'file.open'
            ? '; a file can be opened only over a connection'
            : '; there is no file to close';
      return refusal(
        context,
        e,
        clockNow(self),
        `Refused: ${e.computer} has no connection to ${uncPath(e.share)}${what}.`,
      );
    }),
    refuseNoOpenFile: assign(({ context, event, self }) =>
      refusal(
        context,
        event as ShareEvent,
        clockNow(self),
        `Refused: ${(event as ShareEvent).computer} has no open file on ${uncPath((event as ShareEvent).share)} to close.`,
      ),
    ),
    endSession: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      return {
        inUse: released(context, session),
        sessions: withSession(context.sessions, e.computer, undefined),
        log: append(
          context.log,
          now,
          'disconnect',
          `${disconnected(e, session.account, session.opens)} That was the last share, so the session ended.${releaseText(context, session)}`,
          e.computer,
        ),
      };
    }),
    leaveIpc: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      return {
        sessions: withSession(context.sessions, e.computer, {
          ...session,
          account: null,
          shares: [],
          opens: 0,
          lastActivity: now,
        }),
        log: append(
          context.log,
          now,
          'disconnect',
          `${disconnected(e, session.account, session.opens)} IPC$ stays connected with no account; Server Manager now shows ${e.computer} as its user, and ${session.counted ? 'the session still holds its licence' : 'the session stays open (no licence counted while License Logging is stopped)'}.`,
          e.computer,
        ),
      };
    }),
    removeShare: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const conn = connectionOf(session, e.share) as ShareConnection;
      return {
        sessions: withSession(context.sessions, e.computer, {
          ...session,
          shares: session.shares.filter((c) => c !== conn),
          opens: session.opens - conn.opens,
          lastActivity: now,
        }),
        log: append(context.log, now, 'disconnect', disconnected(e, session.account, conn.opens), e.computer),
      };
    }),
    openFile: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = withOpens(sessionOf(context, e) as Session, e.share, +1, now);
      return {
        sessions: withSession(context.sessions, e.computer, session),
        log: append(
          context.log,
          now,
          'file',
          `${e.computer}: ${session.account} opened a file on ${uncPath(e.share)} (${files(session.opens)} open in the session).`,
          e.computer,
        ),
      };
    }),
    closeFile: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = withOpens(sessionOf(context, e) as Session, e.share, -1, now);
      const idle =
        session.opens === 0 && context.minutes >= 0
          ? ' Nothing is open now, so the session can go idle.'
          : '';
      return {
        sessions: withSession(context.sessions, e.computer, session),
        log: append(
          context.log,
          now,
          'file',
          `${e.computer}: ${session.account} closed a file on ${uncPath(e.share)} (${files(session.opens)} open in the session).${idle}`,
          e.computer,
        ),
      };
    }),
    stopLogging: assign(({ context, self }) => {
      const sessions: Record<string, Session | undefined> = {};
      for (const [computer, s] of Object.entries(context.sessions)) {
        sessions[computer] = s?.counted ? { ...s, counted: false } : s;
      }
      return {
        logging: false,
        inUse: 0,
        sessions,
        log: append(
          context.log,
          clockNow(self),
          'licensing',
          'License Logging service stopped: no licences are counted now (0 in use) and nobody is refused for lack of one.',
        ),
      };
    }),
    startLogging: assign(({ context, self }) => {
      const sessions: Record<string, Session | undefined> = {};
      let inUse = 0;
      for (const [computer, s] of Object.entries(context.sessions)) {
        sessions[computer] = s ? { ...s, counted: true } : s;
        if (s) inUse++;
      }
      const counted =
        inUse === 0
          ? 'no sessions are open, so none are counted'
          : `the ${inUse === 1 ? 'session' : `${inUse} sessions`} open now ${inUse === 1 ? 'is' : 'are'} counted`;
      return {
        logging: true,
        inUse,
        sessions,
        log: append(
          context.log,
          clockNow(self),
          'licensing',
          `License Logging service started: ${counted} (${licenceText(inUse, context.limit)}).`,
        ),
      };
    }),
    noteLicensingUnchanged: assign(({ context, event, self }) => ({
      log: append(
        context.log,
        clockNow(self),
        'licensing',
        event.type === 'licensing.stop'
          ? 'License Logging service is already stopped; nothing changed.'
          : 'License Logging service is already running; nothing changed.',
      ),
    })),
    setAutodisconnect: assign(({ context, event, self }) => {
      const minutes = (event as Extract<SimEvent, { type: 'autodisconnect.set' }>).minutes;
      const text =
        minutes < 0
          ? 'Autodisconnect turned off (-1): idle sessions are never dropped.'
          : minutes === 0
            ? 'Autodisconnect set to 0 minutes: sessions with no open files are dropped at once.'
            : `Autodisconnect set to ${minutes} minute${minutes === 1 ? '' : 's'}; time a session has already spent idle counts toward the new value.`;
      return {
        minutes,
        log: append(context.log, clockNow(self), 'config', text),
      };
    }),
    autodisconnect: assign(({ context, event }) => {
      const e = event as IdleEvent;
      const session = sessionOf(context, e) as Session;
      const idle =
        context.minutes === 0 ? 'had nothing open' : `was idle for ${minutesText(context.minutes)}`;
      return {
        inUse: released(context, session),
        sessions: withSession(context.sessions, e.computer, undefined),
        armed: { ...context.armed, [e.computer]: undefined },
        log: append(
          context.log,
          e.due,
          'autodisconnect',
          `Autodisconnect: ${e.computer}'s session ${idle} and was dropped, ${session.ipc ? 'IPC$ included' : 'with all its connections'}.${releaseText(context, session)}`,
          e.computer,
        ),
      };
    }),
    armIdle: enqueueActions(({ context, self, enqueue }) => {
      const computer = unarmed(context) as string;
      const due = idleDeadline(context, context.sessions[computer] as Session) as number;
      enqueue.assign({ armed: { ...context.armed, [computer]: due } });
      enqueue.raise(
        { type: 'session.idle', computer, due },
        { id: `idle.${computer}`, delay: due - clockNow(self) },
      );
    }),
    disarmIdle: assign(({ context, event }) => ({
      armed: { ...context.armed, [(event as IdleEvent).computer]: undefined },
    })),
    rearmAll: enqueueActions(({ context, self, enqueue }) => {
      const now = clockNow(self);
      const armed: Record<string, number | undefined> = {};
      for (const { name } of world.computers) {
        enqueue.cancel(`idle.${name}`);
        const session = context.sessions[name];
        const deadline = session && idleDeadline(context, session);
        if (deadline === undefined) continue;
        const due = Math.max(deadline, now);
        armed[name] = due;
        enqueue.raise(
          { type: 'session.idle', computer: name, due },
          { id: `idle.${name}`, delay: due - now },
        );
      }
      enqueue.assign({ armed });
    }),
  },
}).createMachine({
  id: 'server',
  context: ({ input }) => ({
    version: input.version,
    limit: input.licenseLimit,
    minutes: input.autodisconnectMinutes,
    logging: input.licenseLogging,
    inUse: 0,
    sessions: {},
    armed: {},
    log: null,
  }),
  // Activity never cancels a pending idle check (it re-arms when it fires early); this only
  // schedules one for a session that can idle out and has none.
  always: { guard: 'idleCheckMissing', actions: 'armIdle' },
  on: {
    'share.connect': [
      { guard: 'credentialConflict', actions: ['refuseCredentialConflict'] },
      { guard: 'alreadyConnected', actions: ['noteAlreadyConnected'] },
      { guard: 'licenceExhausted', actions: 'refuseLicence' },
      { guard: 'accessDenied', actions: ['refuseAccess'] },
      { guard: 'hasSession', actions: ['addShare'] },
      { actions: ['openSession'] },
    ],
    'share.disconnect': [
      { guard: 'notConnected', actions: ['refuseNotConnected'] },
      { guard: 'lastShareOn40', actions: ['endSession'] },
      { guard: 'lastShare', actions: ['leaveIpc'] },
      { actions: ['removeShare'] },
    ],
    'file.open': [{ guard: 'notConnected', actions: ['refuseNotConnected'] }, { actions: ['openFile'] }],
    'file.close': [
      { guard: 'notConnected', actions: ['refuseNotConnected'] },
      { guard: 'noOpenFile', actions: ['refuseNoOpenFile'] },
      { actions: ['closeFile'] },
    ],
    'licensing.stop': [{ guard: 'logging', actions: 'stopLogging' }, { actions: 'noteLicensingUnchanged' }],
    'licensing.start': [{ guard: 'logging', actions: 'noteLicensingUnchanged' }, { actions: 'startLogging' }],
    'autodisconnect.set': { actions: ['setAutodisconnect', 'rearmAll'] },
    'session.idle': [{ guard: 'idleExpired', actions: 'autodisconnect' }, { actions: 'disarmIdle' }],
  },
});

/**
 * When the session's autodisconnect falls due (possibly already past, just after the value
 * was lowered), or undefined when it cannot: open files, or autodisconnect off. A pending idle check that fires early re-arms for this time, so
 * activity never has to cancel timers; simulate() steps the clock through `armed`.
 */
export function idleDeadline(context: ServerContext, session: Session): number | undefined {
  if (session.opens > 0 || context.minutes < 0) return undefined;
  return session.lastActivity + context.minutes * MINUTE;
}

/** A computer whose session can idle out but has no idle check scheduled. */
function unarmed(context: ServerContext): string | undefined {
  for (const computer in context.sessions) {
    const session = context.sessions[computer];
    if (session && context.armed[computer] === undefined && idleDeadline(context, session) !== undefined) {
      return computer;
    }
  }
  return undefined;
}

function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** Flattens the persistent log, oldest first. */
export function logEntries(log: LogNode | null): LogEntry[] {
  const out: LogEntry[] = [];
  for (let node = log; node; node = node.prev) out.push(node.entry);
  return out.reverse();
}

export { IPC };
