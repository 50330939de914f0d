import { assertEvent } from 'xstate';
import { append as appendEntry, type LogNode } from '../kernel/log';
import type { Stamped } from '../kernel/model';
import type { SimEvent } from './registry';
import {
  type Counters,
  IPC,
  isAdmin,
  type LogEntry,
  type LogKind,
  loggedOnUser,
  type NtVersion,
  type SourceKey,
  uncPath,
} from './world';

/*
 * The server's state (context.ts), shared by its rules (rules/*.ts) and its machine (machine.ts).
 * The server and its workstations are one machine. Sessions and uses are data (one actor per
 * replay, for speed); session.ts states the per-computer rules as explicit states, and the
 * model-based tests check this machine against it. Every rule cites its source by key, such as
 * (implicit-ipc), or says "modelling choice": the keys are SOURCE_KEYS in world.ts, and
 * src/content/sources.yaml names the KB article behind each, so the kernel names no article.
 * Log entries carry the same keys (`cites`); the views print the articles after the text.
 */

export const MINUTE = 60_000;

/** How long NT 4.0 keeps a NetBIOS session after the client deletes its last mapping (netbios-linger). */
export const LINGER_MS = 255_000;

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

export interface ServerContext {
  readonly version: NtVersion;
  readonly limit: number;
  readonly minutes: number;
  /**
   * The Autodisconnect value in the registry (LanmanServer\Parameters), in minutes (-1: never, as
   * 4294967295 writes it): what the Server service reads when it starts (server.restart).
   */
  readonly registryMinutes: number;
  /** License Logging service running (always false on 3.5, which has none: licensing-arrived). */
  readonly logging: boolean;
  readonly inUse: number;
  readonly sessions: Readonly<Record<string, Session | undefined>>;
  /** Each workstation's uses, in the order they were made. */
  readonly uses: Readonly<Record<string, readonly Use[] | undefined>>;
  readonly counters: Counters;
  /** NT 4.0: when each computer's NetBIOS session began to linger after its last mapping went (netbios-linger). */
  readonly lingering: Readonly<Record<string, number | undefined>>;
  /**
   * Pending idle checks, in the order they were scheduled (ties fire in that order): the model's
   * timers, fired by the kernel's timeline when its clock reaches `due` (nextTimer).
   */
  readonly armed: readonly { readonly computer: string; readonly due: number }[];
  readonly log: LogNode<LogEntry> | null;
}

/** A pending idle check falls due: has the computer's session idled out? (at: when it was due) */
export type IdleEvent = { type: 'session.idle'; computer: string };
/** What the machine takes: the tape's events and its idle checks, each stamped with its time. */
export type ServerEvent = Stamped<SimEvent | IdleEvent>;
export type ShareEvent = Extract<ServerEvent, { share: string }>;

const SHARE_EVENTS = [
  'share.connect',
  'share.disconnect',
  'file.open',
  'file.close',
  'admin.disconnect',
] as const;

/** The event, narrowed to those naming a computer and a share. */
export function shareEvent(event: ServerEvent): ShareEvent {
  assertEvent(event, SHARE_EVENTS);
  return event;
}

/** What rules are called with. */
export interface Args {
  readonly context: ServerContext;
  readonly event: ServerEvent;
}
/** What a rule's action changes. */
export type Patch = Partial<ServerContext>;

export function hasLicensing(version: NtVersion): boolean {
  // License Manager and the License Logging service first shipped with NT Server 3.51;
  // NT Server 3.5 has no inbound connection limit (source: licensing-arrived).
  return version !== '3.5';
}

export function sessionOf(context: ServerContext, event: { computer: string }): Session | undefined {
  return context.sessions[event.computer];
}

/** The session the event is about, which the guards before this rule made sure exists. */
export function theSession(context: ServerContext, event: { computer: string }): Session {
  const session = context.sessions[event.computer];
  if (!session) throw new Error(`No session for ${event.computer}`);
  return session;
}

export function usesOf(context: ServerContext, computer: string): readonly Use[] {
  return context.uses[computer] ?? [];
}

export function useOf(context: ServerContext, event: { computer: string; share: string }): Use | undefined {
  return usesOf(context, event.computer).find((u) => u.share === event.share);
}

export function connectionOf(session: Session | undefined, share: string): ShareConnection | undefined {
  return session?.shares.find((c) => c.share === share);
}

/** Whether Server Manager lists `share` for the session. */
export function lists(session: Session | undefined, share: string): boolean {
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
export function requestedAccount(context: ServerContext, event: ShareEvent): string {
  const use = useOf(context, event);
  if (use && (event.type === 'file.open' || use.status === 'Disconnected')) return use.account;
  return (event.type === 'share.connect' ? event.user : undefined) ?? loggedOnUser(event.computer);
}

/**
 * The credentials the client's redirector already uses with the server: the live session's
 * account, else the account of any use it still keeps (one-credential-set: one virtual circuit per
 * server name). A leftover IPC$ carries none (implicit-ipc).
 */
export function heldCredentials(context: ServerContext, computer: string): string | null {
  const session = context.sessions[computer];
  if (session?.account) return session.account;
  return usesOf(context, computer)[0]?.account ?? null;
}

export function connectAsText(computer: string, account: string): string {
  return account !== loggedOnUser(computer) ? ' (CONNECT AS)' : '';
}

export function append(
  log: LogNode<LogEntry> | null,
  at: number,
  kind: LogKind,
  text: string,
  computer?: string,
  error?: number,
  cites?: readonly SourceKey[],
): LogNode<LogEntry> {
  return appendEntry<LogEntry>(log, at, kind, text, computer, error, cites);
}

export function withSession(
  sessions: ServerContext['sessions'],
  computer: string,
  session: Session | undefined,
): ServerContext['sessions'] {
  return { ...sessions, [computer]: session };
}

export function withUses(
  context: ServerContext,
  computer: string,
  uses: readonly Use[],
): ServerContext['uses'] {
  return { ...context.uses, [computer]: uses };
}

/** The client's uses with `share` set to OK as `account` (added at the end if new). */
export function withUseOk(
  context: ServerContext,
  computer: string,
  share: string,
  account: string,
): readonly Use[] {
  const uses = usesOf(context, computer);
  const fresh: Use = { share, account, status: 'OK' };
  return uses.some((u) => u.share === share)
    ? uses.map((u) => (u.share === share ? fresh : u))
    : [...uses, fresh];
}

/** When the server ends a session the client keeps its uses, marked Disconnected (autodisconnect-counters, reconnect). */
export function allDisconnected(context: ServerContext, computer: string): readonly Use[] {
  return usesOf(context, computer).map((u) => (u.status === 'OK' ? { ...u, status: 'Disconnected' } : u));
}

export function touched(session: Session | undefined, now: number): Session | undefined {
  return session && session.lastActivity !== now ? { ...session, lastActivity: now } : session;
}

export function licenceText(inUse: number, limit: number): string {
  return `${inUse} of ${limit} in use`;
}

export function released(context: ServerContext, session: Session): number {
  return session.counted ? context.inUse - 1 : context.inUse;
}

export function releaseText(context: ServerContext, session: Session): string {
  return session.counted
    ? ` Licence released (${licenceText(released(context, session), context.limit)}).`
    : '';
}

export function files(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

export function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

export function closedText(opens: number): string {
  return opens > 0 ? ` ${files(opens)} closed with it.` : '';
}

/** A refusal the server decides: logged, and activity on an existing session (row 5). */
export function serverRefusal(
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
export function clientRefusal(
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
export function accept(
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
      // ipc-not-disconnectable gives the command; that the leftover becomes a use listed under the
      // account is a modelling choice (explicit-ipc-use).
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
      uses: withUses(context, computer, withUseOk(context, computer, share, account)),
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
    // Modelling choice: a new session from a computer whose NetBIOS session lingers takes it over.
    ...(context.lingering[computer] !== undefined
      ? { lingering: { ...context.lingering, [computer]: undefined } }
      : {}),
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
    uses: withUses(context, computer, withUseOk(context, computer, share, account)),
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
export function dropped(context: ServerContext, session: Session): Partial<ServerContext> {
  return {
    inUse: released(context, session),
    sessions: withSession(context.sessions, session.computer, undefined),
    uses: withUses(context, session.computer, allDisconnected(context, session.computer)),
  };
}

export function licenceExhaustedFor(context: ServerContext, event: ShareEvent): boolean {
  // Per Server mode refuses a new session at the limit with error 71; administrators are let
  // in and counted (source: licence-limit, and the NT 3.51 Resource Kit "Concurrent Connections").
  return (
    context.logging &&
    context.inUse >= context.limit &&
    sessionOf(context, event) === undefined &&
    !isAdmin(requestedAccount(context, event))
  );
}

export const ERROR_71 =
  'System error 71: No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept.';

/**
 * When the session's autodisconnect falls due (possibly already past, just after the value
 * was lowered), or undefined when it cannot: open files keep a session (autodisconnect-zero, MS-CIFS
 * 3.3.6.2), or autodisconnect is off (-1). A pending idle check that fires early re-arms for
 * this time, so activity never has to cancel timers; the timeline steps its clock through `armed`.
 */
export function idleDeadline(
  context: Pick<ServerContext, 'minutes'>,
  session: Pick<Session, 'opens' | 'lastActivity'>,
): number | undefined {
  if (session.opens > 0 || context.minutes < 0) return undefined;
  return session.lastActivity + (context.minutes === 0 ? AUTODISCONNECT_ZERO_MS : context.minutes * MINUTE);
}

/** A computer whose session can idle out but has no idle check scheduled. */
export function unarmed(context: ServerContext): string | undefined {
  for (const computer in context.sessions) {
    const session = context.sessions[computer];
    if (
      session &&
      !context.armed.some((a) => a.computer === computer) &&
      idleDeadline(context, session) !== undefined
    ) {
      return computer;
    }
  }
  return undefined;
}
