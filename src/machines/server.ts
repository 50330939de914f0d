import { type AnyActorRef, assign, enqueueActions, setup } from 'xstate';
import type { NormalConfig } from './validate';
import {
  type Counters,
  IPC,
  isAdmin,
  type LogEntry,
  type LogKind,
  loggedOnUser,
  mayRead,
  type NtVersion,
  type SimEvent,
  type SourceKey,
  uncPath,
  world,
} from './world';

/*
 * The server and its workstations as one machine. Sessions and uses are data (one actor per
 * replay, for speed); session.ts states the per-computer rules as explicit states, and the
 * model-based tests check this machine against it. Every rule cites its source by key, such as
 * (implicit-ipc), or says "modelling choice": the keys are SOURCE_KEYS in world.ts, and
 * src/content/sources.yaml names the KB article behind each, so the kernel names no article.
 * Log entries carry the same keys (`cites`); the views print the articles after the text.
 */

export const MINUTE = 60_000;

/**
 * Autodisconnect 0 does not turn autodisconnect off: idle sessions go "within a few seconds"
 * (autodisconnect-zero). Modelling choice: 10 seconds of idleness, counted like any other idle time, so a
 * session is never dropped at the instant it is made.
 */
export const AUTODISCONNECT_ZERO_MS = 10_000;

export interface ShareConnection {
  readonly share: string;
  readonly since: number;
  readonly opens: number;
}

/**
 * The IPC$ connection of a session: 'implicit' is the one the server makes with the first
 * connection on NT 3.5/3.51 (implicit-ipc); 'explicit' is one the client asked for by name
 * (`net use \\server\ipc$`, ipc-not-disconnectable), so it is a use on the client; 'none' when there is none
 * (always on 4.0 unless asked for, or after Server Manager closed it).
 */
export type IpcConnection = 'none' | 'implicit' | 'explicit';

/** One client computer's session with the server. */
export interface Session {
  readonly computer: string;
  /** Credentials the session carries; null for a leftover IPC$ connection. */
  readonly account: string | null;
  /** When the session began. */
  readonly since: number;
  readonly ipc: IpcConnection;
  /** When the IPC$ connection was made, if there is one. */
  readonly ipcSince: number;
  /** Disk-share connections in the order they were made. */
  readonly shares: readonly ShareConnection[];
  readonly opens: number;
  readonly lastActivity: number;
  /** Holds a licence. */
  readonly counted: boolean;
}

/** A `net use` entry on a workstation. */
export interface Use {
  readonly share: string;
  readonly account: string;
  readonly status: 'OK' | 'Disconnected';
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
  /** License Logging service running (always false on 3.5, which has none: licensing-arrived). */
  readonly logging: boolean;
  readonly inUse: number;
  readonly sessions: Readonly<Record<string, Session | undefined>>;
  /** Each workstation's uses, in the order they were made. */
  readonly uses: Readonly<Record<string, readonly Use[] | undefined>>;
  readonly counters: Counters;
  /** When each computer's pending idle check fires, if one is scheduled. */
  readonly armed: Readonly<Record<string, number | undefined>>;
  readonly log: LogNode | null;
}

/** Fired by a delayed raise: time to check whether the computer's session has idled out. */
export type IdleEvent = { type: 'session.idle'; computer: string; due: number };
/** Sent by a timeline restoring a checkpoint: schedule the idle checks again (timers are not in the context). */
export type ResumeEvent = { type: 'clock.resume' };
export type ServerEvent = SimEvent | IdleEvent | ResumeEvent;

type ComputerEvent = Extract<ServerEvent, { computer: string }>;
type ConnectEvent = Extract<SimEvent, { type: 'share.connect' }>;
type ShareEvent = Extract<SimEvent, { share: string }>;
type LimitEvent = Extract<SimEvent, { type: 'licensing.limit' }>;

/** The actor's clock: simulate() always runs the machine under a ReplayClock (simulate.ts). */
function clockNow(self: AnyActorRef): number {
  const clock = (self as unknown as { clock?: { now?: () => number } }).clock;
  return typeof clock?.now === 'function' ? clock.now() : 0;
}

export function hasLicensing(version: NtVersion): boolean {
  // License Manager and the License Logging service first shipped with NT Server 3.51;
  // NT Server 3.5 has no inbound connection limit (source: licensing-arrived).
  return version !== '3.5';
}

function sessionOf(context: ServerContext, event: ServerEvent): Session | undefined {
  return context.sessions[(event as ComputerEvent).computer];
}

function usesOf(context: ServerContext, computer: string): readonly Use[] {
  return context.uses[computer] ?? [];
}

function useOf(context: ServerContext, event: ServerEvent): Use | undefined {
  const e = event as ShareEvent;
  return usesOf(context, e.computer).find((u) => u.share === e.share);
}

function connectionOf(session: Session | undefined, share: string): ShareConnection | undefined {
  return session?.shares.find((c) => c.share === share);
}

/** Whether Server Manager lists `share` for the session. */
function lists(session: Session | undefined, share: string): boolean {
  if (!session) return false;
  return share === IPC ? session.ipc !== 'none' : connectionOf(session, share) !== undefined;
}

/** The connections Server Manager lists for the session. */
export function listedCount(session: Session): number {
  return session.shares.length + (session.ipc === 'none' ? 0 : 1);
}

/**
 * The account a connection attempt carries. A use the server dropped reconnects as its own
 * account (reconnect: reconnecting is transparent); otherwise CONNECT AS or the logged-on user.
 */
function requestedAccount(context: ServerContext, event: ServerEvent): string {
  const use = useOf(context, event);
  if (use && (event.type === 'file.open' || use.status === 'Disconnected')) return use.account;
  const e = event as ConnectEvent;
  return e.user ?? loggedOnUser(e.computer);
}

/**
 * The credentials the client's redirector already uses with the server: the live session's
 * account, else the account of any use it still keeps (one-credential-set: one virtual circuit per
 * server name). A leftover IPC$ carries none (implicit-ipc).
 */
function heldCredentials(context: ServerContext, computer: string): string | null {
  const session = context.sessions[computer];
  if (session?.account) return session.account;
  return usesOf(context, computer)[0]?.account ?? null;
}

function connectAsText(computer: string, account: string): string {
  return account !== loggedOnUser(computer) ? ' (CONNECT AS)' : '';
}

function append(
  log: LogNode | null,
  at: number,
  kind: LogKind,
  text: string,
  computer?: string,
  error?: number,
  cites?: readonly SourceKey[],
): LogNode {
  const entry: LogEntry = { at, text, kind };
  if (error !== undefined) entry.error = error;
  if (computer !== undefined) entry.computer = computer;
  if (cites?.length) entry.cites = cites;
  return { entry, prev: log };
}

function withSession(
  sessions: ServerContext['sessions'],
  computer: string,
  session: Session | undefined,
): ServerContext['sessions'] {
  return { ...sessions, [computer]: session };
}

function withUses(context: ServerContext, computer: string, uses: readonly Use[]): ServerContext['uses'] {
  return { ...context.uses, [computer]: uses };
}

/** The client's uses with `share` set to OK as `account` (added at the end if new). */
function useOk(context: ServerContext, computer: string, share: string, account: string): readonly Use[] {
  const uses = usesOf(context, computer);
  const fresh: Use = { share, account, status: 'OK' };
  return uses.some((u) => u.share === share)
    ? uses.map((u) => (u.share === share ? fresh : u))
    : [...uses, fresh];
}

/** When the server ends a session the client keeps its uses, marked Disconnected (autodisconnect-counters, reconnect). */
function allDisconnected(context: ServerContext, computer: string): readonly Use[] {
  return usesOf(context, computer).map((u) => (u.status === 'OK' ? { ...u, status: 'Disconnected' } : u));
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

function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

function closedText(opens: number): string {
  return opens > 0 ? ` ${files(opens)} closed with it.` : '';
}

/** A refusal the server decides: logged, and activity on an existing session (row 5). */
function serverRefusal(
  context: ServerContext,
  computer: string,
  now: number,
  text: string,
  error?: number,
  cites?: readonly SourceKey[],
): Partial<ServerContext> {
  const session = context.sessions[computer];
  const next = touched(session, now);
  return {
    sessions: next === session ? context.sessions : withSession(context.sessions, computer, next),
    log: append(context.log, now, 'refused', text, computer, error, cites),
  };
}

/**
 * A refusal the client's redirector decides (1219, one-credential-set; or, a modelling choice, a use or
 * an open file it does not have): it never reaches the server, so it is not activity and
 * restarts no idle time (DESIGN row 5).
 */
function clientRefusal(
  context: ServerContext,
  computer: string,
  now: number,
  text: string,
  error?: number,
  cites?: readonly SourceKey[],
): Partial<ServerContext> {
  return { log: append(context.log, now, 'refused', text, computer, error, cites) };
}

/**
 * A connection the server accepts for `share` as `account`: onto the existing session (a
 * leftover IPC$ authenticates again, implicit-ipc), or a new session (a licence, implicit-ipc; on 3.5
 * and 3.51 with an implicit IPC$, on 4.0 without, implicit-ipc). `reconnect` marks the transparent
 * reconnection of a Disconnected use (reconnect, autodisconnect-counters).
 */
function accept(
  context: ServerContext,
  computer: string,
  share: string,
  account: string,
  now: number,
  how: 'connect' | 'reconnect',
): Partial<ServerContext> {
  const session = context.sessions[computer];
  const verb =
    how === 'reconnect'
      ? `${computer} reconnected its use of ${uncPath(share)} as ${account}`
      : `${computer}: ${account} connected to ${uncPath(share)}${connectAsText(computer, account)}`;
  const explicitIpc = share === IPC;
  if (session) {
    let ipc = session.ipc;
    let ipcSince = session.ipcSince;
    let shares = session.shares;
    let note: string;
    const cites: SourceKey[] = [];
    if (explicitIpc) {
      note =
        session.ipc === 'none'
          ? ' IPC$ connected by name, listed under the account.'
          : ' The IPC$ connection is now an explicit use, listed under the account.';
      if (session.ipc !== 'none') cites.push('ipc-not-disconnectable');
      if (session.ipc === 'none') ipcSince = now;
      ipc = 'explicit';
    } else {
      shares = [...session.shares, { share, since: now, opens: 0 }];
      note = '';
    }
    const how2 =
      session.account === null
        ? ` The leftover IPC$ connection carried no account, so the server checked ${account}'s credentials again. Same session, no extra licence.`
        : ' Same session, no extra licence.';
    if (session.account === null) cites.push('implicit-ipc');
    return {
      sessions: withSession(context.sessions, computer, {
        ...session,
        account,
        ipc,
        ipcSince,
        shares,
        lastActivity: now,
      }),
      uses: withUses(context, computer, useOk(context, computer, share, account)),
      log: append(context.log, now, 'connect', `${verb}.${note}${how2}`, computer, undefined, cites),
    };
  }
  const lingers = context.version !== '4.0';
  // Modelling choice for an IPC$ asked for by name with no session (ipc-not-disconnectable's `net use
  // \\server\ipc$`): the session holds just that IPC$, listed under the account, on every
  // version; what NT 4.0 drops at once is only the implicit IPC$ used to validate (implicit-ipc).
  const ipc: IpcConnection = explicitIpc ? 'explicit' : lingers ? 'implicit' : 'none';
  const counted = context.logging;
  const inUse = counted ? context.inUse + 1 : context.inUse;
  const ipcText = explicitIpc
    ? ' New session holding only IPC$, listed under the account.'
    : lingers
      ? ' New session; IPC$ connected as well.'
      : ` New session; IPC$ was used to validate ${account} and dropped at once.`;
  const licence = !hasLicensing(context.version)
    ? ''
    : !counted
      ? ' The License Logging service is stopped, so no licence is counted.'
      : inUse > context.limit
        ? ` The licence limit was already reached, but ${account} is an administrator: let in and counted (${licenceText(inUse, context.limit)}).`
        : ` Licence taken (${licenceText(inUse, context.limit)}).`;
  return {
    inUse,
    sessions: withSession(context.sessions, computer, {
      computer,
      account,
      since: now,
      ipc,
      ipcSince: now,
      shares: explicitIpc ? [] : [{ share, since: now, opens: 0 }],
      opens: 0,
      lastActivity: now,
      counted,
    }),
    uses: withUses(context, computer, useOk(context, computer, share, account)),
    log: append(
      context.log,
      now,
      'connect',
      `${verb}.${ipcText}${licence}`,
      computer,
      undefined,
      explicitIpc ? undefined : ['implicit-ipc'],
    ),
  };
}

/** The session ended by the server (autodisconnect, Server Manager): uses stay, Disconnected. */
function dropped(context: ServerContext, session: Session): Partial<ServerContext> {
  return {
    inUse: released(context, session),
    sessions: withSession(context.sessions, session.computer, undefined),
    uses: withUses(context, session.computer, allDisconnected(context, session.computer)),
  };
}

function licenceExhaustedFor(context: ServerContext, event: ServerEvent): boolean {
  // Per Server mode refuses a new session at the limit with error 71; administrators are let
  // in and counted (source: licence-limit, and the NT 3.51 Resource Kit "Concurrent Connections").
  return (
    context.logging &&
    context.inUse >= context.limit &&
    sessionOf(context, event) === undefined &&
    !isAdmin(requestedAccount(context, event))
  );
}

const ERROR_71 =
  'Error 71: No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept.';

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as NormalConfig,
  },
  guards: {
    credentialConflict: ({ context, event }) => {
      const held = heldCredentials(context, (event as ComputerEvent).computer);
      return held !== null && held !== requestedAccount(context, event);
    },
    useOk: ({ context, event }) => useOf(context, event)?.status === 'OK',
    useDisconnected: ({ context, event }) => useOf(context, event)?.status === 'Disconnected',
    noUse: ({ context, event }) => useOf(context, event) === undefined,
    licenceExhausted: ({ context, event }) => licenceExhaustedFor(context, event),
    accessDenied: ({ context, event }) =>
      !mayRead(requestedAccount(context, event), (event as ShareEvent).share),
    noOpenFile: ({ context, event }) =>
      useOf(context, event)?.status !== 'OK' ||
      (connectionOf(sessionOf(context, event), (event as ShareEvent).share)?.opens ?? 0) === 0,
    /** After this disconnect nothing but an implicit IPC$ is left (3.5/3.51). */
    leavesLeftover: ({ context, event }) => {
      const s = sessionOf(context, event);
      return !!s && s.ipc === 'implicit' && s.shares.length === 1 && (event as ShareEvent).share !== IPC;
    },
    /** After this disconnect the session lists nothing. */
    lastConnection: ({ context, event }) => {
      const s = sessionOf(context, event);
      return !!s && listedCount(s) === 1;
    },
    notListed: ({ context, event }) => !lists(sessionOf(context, event), (event as ShareEvent).share),
    leftoverIpc: ({ context, event }) =>
      (event as ShareEvent).share === IPC && sessionOf(context, event)?.account === null,
    noLicensing: ({ context }) => !hasLicensing(context.version),
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
      const held = heldCredentials(context, e.computer);
      return clientRefusal(
        context,
        e.computer,
        clockNow(self),
        `Refused by ${e.computer}: it already uses ${held}'s credentials with ${world.server}, so ${requestedAccount(context, e)} cannot connect to ${uncPath(e.share)}. Error 1219: one computer may use only one set of credentials with a server. The server never saw the attempt.`,
        1219,
        ['one-credential-set'],
      );
    }),
    noteAlreadyConnected: assign(({ context, event, self }) => {
      const e = event as ConnectEvent;
      // Modelling choice: the client answers from its own use list; nothing reaches the server.
      return {
        log: append(
          context.log,
          clockNow(self),
          'connect',
          `${e.computer} already uses ${uncPath(e.share)} as ${requestedAccount(context, e)}; nothing changed.`,
          e.computer,
        ),
      };
    }),
    refuseLicence: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const account = requestedAccount(context, e);
      const use = useOf(context, e);
      const stays = use?.status === 'Disconnected' ? ` The use stays Disconnected on ${e.computer}.` : '';
      return serverRefusal(
        context,
        e.computer,
        clockNow(self),
        `Refused: ${e.computer} (${account}) needs a new session for ${uncPath(e.share)}, but the licence limit is reached (${licenceText(context.inUse, context.limit)}). ${ERROR_71}${stays}`,
        71,
        ['licence-limit'],
      );
    }),
    refuseAccess: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const session = sessionOf(context, e);
      const rest = !session
        ? ' Nothing was connected and no session was made.'
        : session.account === null
          ? ' Nothing was added; the IPC$ connection stays, with no account.'
          : ' Nothing was added.';
      return serverRefusal(
        context,
        e.computer,
        clockNow(self),
        `Refused: ${requestedAccount(context, e)} may not read ${uncPath(e.share)}. Error 5: access denied.${rest}`,
        5,
      );
    }),
    connect: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const reconnect = useOf(context, e)?.status === 'Disconnected';
      return accept(
        context,
        e.computer,
        e.share,
        requestedAccount(context, e),
        clockNow(self),
        reconnect ? 'reconnect' : 'connect',
      );
    }),
    refuseNoUse: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const what =
        e.type === 'share.disconnect'
          ? e.share === IPC
            ? ' The implicit IPC$ connection is not a use; connect to IPC$ by name first.'
            : ''
          : e.type === 'file.open'
            ? ' A file can be opened only over a connection.'
            : '';
      return clientRefusal(
        context,
        e.computer,
        clockNow(self),
        `Refused by ${e.computer}: it has no use of ${uncPath(e.share)}.${what} Nothing reached the server.`,
        undefined,
        e.type === 'share.disconnect' && e.share === IPC ? ['ipc-not-disconnectable'] : undefined,
      );
    }),
    forgetUse: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      return {
        uses: withUses(
          context,
          e.computer,
          usesOf(context, e.computer).filter((u) => u.share !== e.share),
        ),
        log: append(
          context.log,
          clockNow(self),
          'disconnect',
          `${e.computer} deleted its Disconnected use of ${uncPath(e.share)}; the server had already ended that connection, so nothing reached it.`,
          e.computer,
        ),
      };
    }),
    refuseNoOpenFile: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      // Modelling choice: the client knows it holds no open file there; nothing reaches the server.
      return clientRefusal(
        context,
        e.computer,
        clockNow(self),
        `Refused by ${e.computer}: it has no open file on ${uncPath(e.share)} to close.`,
      );
    }),
    /** The client let go of its last connection: the session ends (row 11, sessionsLoggedOff). */
    endSession: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const conn = connectionOf(session, e.share);
      const simplification =
        context.version === '4.0' && e.share !== IPC
          ? ' (A simplification: on NT 4.0 the NetBIOS session lingers about 255 seconds more.)'
          : '';
      return {
        inUse: released(context, session),
        sessions: withSession(context.sessions, e.computer, undefined),
        uses: withUses(
          context,
          e.computer,
          usesOf(context, e.computer).filter((u) => u.share !== e.share),
        ),
        counters: { ...context.counters, sessionsLoggedOff: context.counters.sessionsLoggedOff + 1 },
        log: append(
          context.log,
          now,
          'disconnect',
          `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(conn?.opens ?? 0)} That was the session's last connection, so the session ended.${simplification}${releaseText(context, session)}`,
          e.computer,
          undefined,
          simplification ? ['netbios-linger'] : undefined,
        ),
      };
    }),
    /** NT 3.5/3.51: the last share goes, the implicit IPC$ stays with no account (implicit-ipc). */
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
        uses: withUses(
          context,
          e.computer,
          usesOf(context, e.computer).filter((u) => u.share !== e.share),
        ),
        log: append(
          context.log,
          now,
          'disconnect',
          `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(session.opens)} IPC$ stays connected with no account; Server Manager now shows ${e.computer} as its user and cannot disconnect it, and ${session.counted ? 'the session still holds its licence' : 'the session stays open (no licence counted)'}.`,
          e.computer,
          undefined,
          ['ipc-not-disconnectable', 'implicit-ipc'],
        ),
      };
    }),
    removeConnection: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const conn = connectionOf(session, e.share);
      const next: Session =
        e.share === IPC
          ? { ...session, ipc: 'none', lastActivity: now }
          : {
              ...session,
              shares: session.shares.filter((c) => c !== conn),
              opens: session.opens - (conn?.opens ?? 0),
              lastActivity: now,
            };
      return {
        sessions: withSession(context.sessions, e.computer, next),
        uses: withUses(
          context,
          e.computer,
          usesOf(context, e.computer).filter((u) => u.share !== e.share),
        ),
        log: append(
          context.log,
          now,
          'disconnect',
          `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(conn?.opens ?? 0)}`,
          e.computer,
        ),
      };
    }),
    openFile: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const next: Session = {
        ...session,
        shares: session.shares.map((c) => (c.share === e.share ? { ...c, opens: c.opens + 1 } : c)),
        opens: session.opens + 1,
        lastActivity: now,
      };
      return {
        sessions: withSession(context.sessions, e.computer, next),
        log: append(
          context.log,
          now,
          'file',
          `${e.computer}: ${next.account} opened a file on ${uncPath(e.share)} (${files(next.opens)} open in the session).`,
          e.computer,
        ),
      };
    }),
    closeFile: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const now = clockNow(self);
      const session = sessionOf(context, e) as Session;
      const next: Session = {
        ...session,
        shares: session.shares.map((c) => (c.share === e.share ? { ...c, opens: c.opens - 1 } : c)),
        opens: session.opens - 1,
        lastActivity: now,
      };
      const idle =
        next.opens === 0 && context.minutes >= 0 ? ' Nothing is open now, so the session can go idle.' : '';
      return {
        sessions: withSession(context.sessions, e.computer, next),
        log: append(
          context.log,
          now,
          'file',
          `${e.computer}: ${next.account} closed a file on ${uncPath(e.share)} (${files(next.opens)} open in the session).${idle}`,
          e.computer,
        ),
      };
    }),
    refuseAdminNotListed: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      return {
        log: append(
          context.log,
          clockNow(self),
          'admin',
          `Server Manager: ${e.computer} has no connection to ${uncPath(e.share)} to disconnect; nothing changed.`,
          e.computer,
        ),
      };
    }),
    refuseAdminLeftover: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      // ipc-not-disconnectable: listed under the computer name, the IPC$ cannot be broken in Server Manager.
      // The source gives no error number.
      return {
        log: append(
          context.log,
          clockNow(self),
          'admin',
          `Server Manager could not disconnect ${e.computer}'s IPC$ connection: it is listed under the computer name, not an account, and cannot be broken there. Autodisconnect will drop it, unless turned off; nothing changed.`,
          e.computer,
          undefined,
          ['ipc-not-disconnectable'],
        ),
      };
    }),
    /** Server Manager closes the session's last connection: the session ends (sessionsForcedOff). */
    forceOff: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const session = sessionOf(context, e) as Session;
      return {
        ...dropped(context, session),
        counters: { ...context.counters, sessionsForcedOff: context.counters.sessionsForcedOff + 1 },
        log: append(
          context.log,
          clockNow(self),
          'admin',
          `Server Manager disconnected ${e.computer}'s connection to ${uncPath(e.share)}.${closedText(connectionOf(session, e.share)?.opens ?? 0)} It was the session's last connection, so the session ended (Sessions Forced Off).${releaseText(context, session)} ${e.computer} keeps its uses, now Disconnected.`,
          e.computer,
        ),
      };
    }),
    /**
     * Server Manager closes one connection listed under an account (ipc-not-disconnectable), its open files
     * with it. Not the client's activity: the idle time runs on. Modelling choice: the session
     * keeps its account even when only the implicit IPC$ is left, since the client let go of
     * nothing; the client's use of the share turns Disconnected.
     */
    adminClose: assign(({ context, event, self }) => {
      const e = event as ShareEvent;
      const session = sessionOf(context, e) as Session;
      const conn = connectionOf(session, e.share);
      const next: Session =
        e.share === IPC
          ? { ...session, ipc: 'none' }
          : {
              ...session,
              shares: session.shares.filter((c) => c !== conn),
              opens: session.opens - (conn?.opens ?? 0),
            };
      return {
        sessions: withSession(context.sessions, e.computer, next),
        uses: withUses(
          context,
          e.computer,
          usesOf(context, e.computer).map((u) =>
            u.share === e.share && u.status === 'OK' ? { ...u, status: 'Disconnected' as const } : u,
          ),
        ),
        log: append(
          context.log,
          clockNow(self),
          'admin',
          `Server Manager disconnected ${e.computer}'s connection to ${uncPath(e.share)}, listed under ${session.account}.${closedText(conn?.opens ?? 0)} The session goes on with its other connections.`,
          e.computer,
        ),
      };
    }),
    stopLogging: assign(({ context, self }) => {
      const sessions: Record<string, Session | undefined> = {};
      for (const [computer, s] of Object.entries(context.sessions)) {
        sessions[computer] = s?.counted ? { ...s, counted: false } : s;
      }
      // The instant workaround (stop the License Logging service) of the source behind implicit-ipc,
      // taken at its word: nothing is counted while stopped.
      return {
        logging: false,
        inUse: 0,
        sessions,
        log: append(
          context.log,
          clockNow(self),
          'licensing',
          'License Logging service stopped: no licences are counted now (0 in use) and nobody is refused for lack of one.',
          undefined,
          undefined,
          ['implicit-ipc'],
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
          `License Logging service started: ${counted} (${licenceText(inUse, context.limit)}). Counting the sessions already open is a modelling choice; no source says how the service recounts.`,
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
    noteNoLicensing: assign(({ context, event, self }) => ({
      log: append(
        context.log,
        clockNow(self),
        'licensing',
        event.type === 'licensing.limit'
          ? 'NT Server 3.5 has no per-server licence limit (licensing arrived with 3.51); nothing changed.'
          : 'NT Server 3.5 has no License Logging service (it arrived with 3.51); nothing changed.',
        undefined,
        undefined,
        ['licensing-arrived'],
      ),
    })),
    setLimit: assign(({ context, event, self }) => {
      const limit = (event as LimitEvent).licenses;
      const over =
        context.logging && context.inUse > limit
          ? ` ${context.inUse} sessions are open, more than the new limit: they stay, and new sessions are refused until fewer than ${limit} are in use.`
          : '';
      return {
        limit,
        log: append(
          context.log,
          clockNow(self),
          'licensing',
          `Control Panel Licensing: ${limit} concurrent connection${limit === 1 ? '' : 's'} per server from now on (${licenceText(context.inUse, limit)}).${over}`,
          undefined,
          undefined,
          ['licence-limit'],
        ),
      };
    }),
    setAutodisconnect: assign(({ context, event, self }) => {
      const minutes = (event as Extract<SimEvent, { type: 'autodisconnect.set' }>).minutes;
      const text =
        minutes < 0
          ? 'Autodisconnect turned off (-1): idle sessions are never dropped.'
          : minutes === 0
            ? `Autodisconnect set to 0 minutes: it is not off; sessions with nothing open are dropped after ${AUTODISCONNECT_ZERO_MS / 1000} seconds idle (the source says "within a few seconds"; the number is a modelling choice).`
            : `Autodisconnect set to ${minutesText(minutes)}; time a session has already spent idle counts toward the new value.`;
      return {
        minutes,
        log: append(
          context.log,
          clockNow(self),
          'config',
          text,
          undefined,
          undefined,
          minutes === 0 ? ['autodisconnect-zero'] : undefined,
        ),
      };
    }),
    /** autodisconnect-zero: idle sessions go, IPC$ included; autodisconnect-counters: counted as timed out and errored out. */
    autodisconnect: assign(({ context, event }) => {
      const e = event as IdleEvent;
      const session = sessionOf(context, e) as Session;
      const idle =
        context.minutes === 0
          ? `had nothing open and no requests for ${AUTODISCONNECT_ZERO_MS / 1000} seconds or more (autodisconnect 0)`
          : `was idle for ${minutesText(context.minutes)}`;
      const uses = usesOf(context, e.computer).some((u) => u.status === 'OK')
        ? ` ${e.computer} keeps its uses, now Disconnected; the next access reconnects.`
        : '';
      return {
        ...dropped(context, session),
        armed: { ...context.armed, [e.computer]: undefined },
        counters: {
          ...context.counters,
          sessionsTimedOut: context.counters.sessionsTimedOut + 1,
          sessionsErroredOut: context.counters.sessionsErroredOut + 1,
        },
        log: append(
          context.log,
          e.due,
          'autodisconnect',
          `Autodisconnect: ${e.computer}'s session ${idle} and was dropped, ${session.ipc !== 'none' ? 'IPC$ included' : 'with all its connections'}.${releaseText(context, session)} Sessions Timed Out and Sessions Errored Out both go up.${uses}`,
          e.computer,
          undefined,
          ['autodisconnect-counters'],
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
    logging: hasLicensing(input.version) && input.licenseLogging,
    inUse: 0,
    sessions: {},
    uses: {},
    counters: { sessionsTimedOut: 0, sessionsErroredOut: 0, sessionsForcedOff: 0, sessionsLoggedOff: 0 },
    armed: {},
    log: null,
  }),
  // Activity never cancels a pending idle check (it re-arms when it fires early); this only
  // schedules one for a session that can idle out and has none.
  always: { guard: 'idleCheckMissing', actions: 'armIdle' },
  on: {
    'share.connect': [
      { guard: 'credentialConflict', actions: 'refuseCredentialConflict' },
      { guard: 'useOk', actions: 'noteAlreadyConnected' },
      { guard: 'licenceExhausted', actions: 'refuseLicence' },
      { guard: 'accessDenied', actions: 'refuseAccess' },
      { actions: 'connect' },
    ],
    'share.disconnect': [
      { guard: 'noUse', actions: 'refuseNoUse' },
      { guard: 'useDisconnected', actions: 'forgetUse' },
      { guard: 'leavesLeftover', actions: 'leaveIpc' },
      { guard: 'lastConnection', actions: 'endSession' },
      { actions: 'removeConnection' },
    ],
    'file.open': [
      { guard: 'noUse', actions: 'refuseNoUse' },
      { guard: 'useOk', actions: 'openFile' },
      // A Disconnected use reconnects transparently first (reconnect, autodisconnect-counters), as its account,
      // which could read the share when it connected.
      { guard: 'licenceExhausted', actions: 'refuseLicence' },
      { actions: ['connect', 'openFile'] },
    ],
    'file.close': [{ guard: 'noOpenFile', actions: 'refuseNoOpenFile' }, { actions: 'closeFile' }],
    'admin.disconnect': [
      { guard: 'notListed', actions: 'refuseAdminNotListed' },
      { guard: 'leftoverIpc', actions: 'refuseAdminLeftover' },
      { guard: 'lastConnection', actions: 'forceOff' },
      { actions: 'adminClose' },
    ],
    'licensing.stop': [
      { guard: 'noLicensing', actions: 'noteNoLicensing' },
      { guard: 'logging', actions: 'stopLogging' },
      { actions: 'noteLicensingUnchanged' },
    ],
    'licensing.start': [
      { guard: 'noLicensing', actions: 'noteNoLicensing' },
      { guard: 'logging', actions: 'noteLicensingUnchanged' },
      { actions: 'startLogging' },
    ],
    'licensing.limit': [{ guard: 'noLicensing', actions: 'noteNoLicensing' }, { actions: 'setLimit' }],
    'autodisconnect.set': { actions: ['setAutodisconnect', 'rearmAll'] },
    'session.idle': [{ guard: 'idleExpired', actions: 'autodisconnect' }, { actions: 'disarmIdle' }],
    'clock.resume': { actions: 'rearmAll' },
  },
});

/**
 * When the session's autodisconnect falls due (possibly already past, just after the value
 * was lowered), or undefined when it cannot: open files keep a session (autodisconnect-zero, MS-CIFS
 * 3.3.6.2), or autodisconnect is off (-1). A pending idle check that fires early re-arms for
 * this time, so activity never has to cancel timers; simulate() steps the clock through `armed`.
 */
export function idleDeadline(
  context: Pick<ServerContext, 'minutes'>,
  session: Pick<Session, 'opens' | 'lastActivity'>,
): number | undefined {
  if (session.opens > 0 || context.minutes < 0) return undefined;
  return session.lastActivity + (context.minutes === 0 ? AUTODISCONNECT_ZERO_MS : context.minutes * MINUTE);
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

/** Flattens the persistent log, oldest first. */
export function logEntries(log: LogNode | null): LogEntry[] {
  const out: LogEntry[] = [];
  for (let node = log; node; node = node.prev) out.push(node.entry);
  return out.reverse();
}

export { IPC };
