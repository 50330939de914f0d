import type { LogEntry as KernelLogEntry } from '../kernel/log';
import type { TapeEntry as KernelTapeEntry } from '../kernel/registry';
import type { SimEvent } from './registry';

export type { SimEvent, SimEventType } from './registry';
export type TapeEntry = KernelTapeEntry<SimEvent>;

export type NtVersion = '3.5' | '3.51' | '4.0';

export const NT_VERSIONS: readonly NtVersion[] = ['3.5', '3.51', '4.0'];

export interface ServerConfig {
  version: NtVersion;
  /** Default 15; integer -1..65535; -1 = never. */
  autodisconnectMinutes?: number;
  /** Per-server concurrent licences at t = 0, default 5; integer 1..9999. */
  licenseLimit?: number;
  /** License Logging service running at t = 0, default true. */
  licenseLogging?: boolean;
}

export type LogKind =
  | 'connect'
  | 'disconnect'
  | 'file'
  | 'refused'
  | 'autodisconnect'
  | 'licensing'
  | 'config'
  | 'session'
  | 'admin';

/**
 * What a log entry rests on, by topic. The kernel names no article: the site's content
 * (src/content/sources.yaml) says which KB article each one is, and the views cite it after the text.
 */
export const SOURCE_KEYS = [
  'implicit-ipc',
  'ipc-not-disconnectable',
  'licence-limit',
  'one-credential-set',
  'netbios-linger',
  'licensing-arrived',
  'autodisconnect-zero',
  'autodisconnect-counters',
  'reconnect',
  'startup-parameters',
  'session-delete',
] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/**
 * The model's modelling choices, by key: what it does where the sources are silent. "How the simulation
 * works" marks each; no quiz answer or troubleshooter result may rest on one (the article schema checks).
 */
export const MODELLING_CHOICES = [
  'timed-out-counter', // an autodisconnect also counts in Sessions Timed Out (the counter's name; no KB says)
  'logged-off-counter', // a session the client lets go counts in Sessions Logged Off
  'forced-off-counter', // Server Manager's Disconnect counts in Sessions Forced Off
  'linger-no-licence', // NT 4.0's lingering NetBIOS session holds no licence
  'linger-takeover', // a new session from a lingering computer takes its NetBIOS session over
  'activity', // what counts as a request: refusals the server decides do, the client's do not
  'zero-seconds', // autodisconnect 0 drops after 10 seconds idle
  'restart-counters', // a Server service restart counts in no counter and keeps the counters
  'logging-recount', // starting License Logging counts the sessions already open
  'ipc-by-name-alone', // IPC$ by name with no session opens a session holding only IPC$, on every version
  'explicit-ipc-use', // how the explicit IPC$ workaround works: the leftover becomes a use under the account, /d ends the session (its source gives only the two commands)
  'client-answers', // the client refuses a disconnect or close it has no use or open file for
  'session-delete-leftover', // net session /delete also ends a leftover IPC$ session (session-delete says "all logons")
] as const;

export type LogEntry = KernelLogEntry<LogKind, SourceKey>;

export interface ConnectionView {
  computer: string;
  /** 'IPC$' for the IPC$ connection. */
  share: string;
  /** What Server Manager shows: the account, or the computer name when there is none. */
  shownUser: string;
  /** Credentials the session carries. */
  account: string | null;
  opens: number;
  connectedMs: number;
  idleMs: number;
}

/** A use in a workstation's `net use` list. The implicit IPC$ is never one. */
export interface UseView {
  share: string;
  account: string;
  /** Disconnected: the server ended the session; the next access reconnects. */
  status: 'OK' | 'Disconnected';
}

export interface ClientView {
  computer: string;
  loggedOn: string;
  uses: UseView[];
}

/**
 * Where a computer's session with the server stands, for pictures and statecharts:
 * - none: no session;
 * - holding: a session carrying an account, with at least one connection listed under it;
 * - leftover: only the implicit IPC$ is left, with no account (listed under the computer
 *   name; NT 3.5 and 3.51, implicit-ipc);
 * - explicitIpc: the only connection is an IPC$ the client connected to by name (ipc-not-disconnectable).
 */
export type SessionState = 'none' | 'holding' | 'leftover' | 'explicitIpc';

export interface SessionView {
  computer: string;
  state: SessionState;
  account: string | null;
  opens: number;
  idleMs: number;
  /** When autodisconnect will drop the session if nothing happens, or null (off, open files). */
  autodisconnectAt: number | null;
  /** Holds a licence. */
  licensed: boolean;
}

/** Performance Monitor, Server object (autodisconnect-counters). */
export interface Counters {
  sessionsTimedOut: number;
  sessionsErroredOut: number;
  sessionsForcedOff: number;
  sessionsLoggedOff: number;
}

export type LicenseService = 'running' | 'stopped' | 'absent';

export interface ServerView {
  now: number;
  connections: ConnectionView[];
  licenses: { inUse: number; limit: number; logging: boolean; service: LicenseService };
  /** Each workstation's `net use` list, in world order. */
  clients: ClientView[];
  /** Each workstation's session state, in world order (state 'none' included). */
  sessions: SessionView[];
  counters: Counters;
  /**
   * NT 4.0: NetBIOS sessions still held after the client deleted its last mapping (netbios-linger), with
   * when they go. A transport-only line: never a Server Manager row, never a licence (modelling choice).
   */
  lingering: { computer: string; until: number }[];
  /** The autodisconnect value in force at `now`, in minutes (-1 = never). */
  autodisconnectMinutes: number;
  log: LogEntry[];
}

export interface Computer {
  readonly name: string;
  readonly loggedOn: string;
}

export interface Account {
  readonly name: string;
  readonly admin: boolean;
}

export interface Share {
  readonly name: string;
  /** 'everyone' or 'administrators'. */
  readonly access: 'everyone' | 'administrators';
  /** The IPC$ share: connected implicitly by the server; a tape may name it to connect explicitly (ipc-not-disconnectable). */
  readonly ipc: boolean;
}

export interface World {
  readonly server: string;
  readonly computers: readonly Computer[];
  readonly accounts: readonly Account[];
  readonly shares: readonly Share[];
}

export const IPC = 'IPC$';

export const world: World = {
  server: 'NTSERVER',
  computers: [
    { name: 'WKS1', loggedOn: 'jsmith' },
    { name: 'WKS2', loggedOn: 'mlee' },
  ],
  accounts: [
    { name: 'Administrator', admin: true },
    { name: 'jsmith', admin: false },
    { name: 'mlee', admin: false },
  ],
  shares: [
    { name: IPC, access: 'everyone', ipc: true },
    { name: 'PUBLIC', access: 'everyone', ipc: false },
    { name: 'TOOLS', access: 'administrators', ipc: false },
  ],
};

/** The disk shares (every share but IPC$): what files can be opened on. */
export const diskShares: readonly string[] = world.shares.filter((s) => !s.ipc).map((s) => s.name);

export function findComputer(name: string): Computer | undefined {
  return world.computers.find((c) => c.name === name);
}

export function findAccount(name: string): Account | undefined {
  return world.accounts.find((a) => a.name === name);
}

export function findShare(name: string): Share | undefined {
  return world.shares.find((s) => s.name === name);
}

export function isAdmin(account: string): boolean {
  return findAccount(account)?.admin === true;
}

export function mayRead(account: string, share: string): boolean {
  const s = findShare(share);
  if (!s) return false;
  return s.access === 'everyone' || isAdmin(account);
}

export function loggedOnUser(computer: string): string {
  return findComputer(computer)?.loggedOn ?? computer;
}

export function uncPath(share: string): string {
  return `\\\\${world.server}\\${share}`;
}
