import type { LogEntry as KernelLogEntry } from '../kernel/log';
import type { TapeEntry as KernelTapeEntry } from '../kernel/registry';
import type { DomainEvent } from './registry';

export type { DomainEvent, DomainEventType } from './registry';
export type TapeEntry = KernelTapeEntry<DomainEvent>;

/*
 * The NT domain's world (DESIGN.md "Model `nt-domain`: the contract"): one domain, its domain
 * controllers, the workstations and who is logged on at each, the accounts. Each rule cites its
 * source by key (SOURCE_KEYS below); src/content/sources.yaml says which KB article each key is,
 * so no file in src/machines names an article.
 */

export type DomainVersion = '3.51' | '4.0';
export const DOMAIN_VERSIONS: readonly DomainVersion[] = ['3.51', '4.0'];

export interface DomainConfig {
  /** Default '4.0'. */
  version?: DomainVersion;
  /** "Lockout after N bad logon attempts": 1..999; 0 = no lockout; default 5. */
  lockoutThreshold?: number;
  /** "Reset count after": 1..99999 minutes; default 30. */
  resetCountMinutes?: number;
  /** 1..99999 minutes; -1 = "Forever (until admin unlocks)"; default 30. */
  lockoutDurationMinutes?: number;
  /** How often a BDC takes the PDC's changes (Netlogon's pulse), in minutes; default 5. */
  syncMinutes?: number;
}

export type DcRole = 'PDC' | 'BDC';

export interface DomainController {
  readonly name: string;
  readonly role: DcRole;
}

export interface Workstation {
  readonly name: string;
  readonly loggedOn: string;
  /** The domain controller that validates this computer's logons (its secure channel partner). */
  readonly dc: string;
}

export interface DomainWorld {
  readonly domain: string;
  readonly dcs: readonly DomainController[];
  readonly computers: readonly Workstation[];
  readonly accounts: readonly string[];
}

export const world: DomainWorld = {
  domain: 'MYDOMAIN',
  dcs: [
    { name: 'PDC1', role: 'PDC' },
    { name: 'BDC1', role: 'BDC' },
  ],
  computers: [
    { name: 'WKS1', loggedOn: 'jsmith', dc: 'BDC1' },
    { name: 'WKS2', loggedOn: 'mlee', dc: 'PDC1' },
  ],
  accounts: ['Administrator', 'jsmith', 'mlee'],
};

export const PDC = (world.dcs.find((d) => d.role === 'PDC') as DomainController).name;
export const BDCS: readonly string[] = world.dcs.filter((d) => d.role === 'BDC').map((d) => d.name);

export const PASSWORDS = ['good', 'bad'] as const;
export type Password = (typeof PASSWORDS)[number];
export const VIAS = ['console', 'net use', 'unc'] as const;
export type Via = (typeof VIAS)[number];

/** The DC that validates a computer's logons. */
export function dcOf(computer: string): string {
  return world.computers.find((c) => c.name === computer)?.dc ?? PDC;
}

export function roleOf(dc: string): DcRole {
  return world.dcs.find((d) => d.name === dc)?.role ?? 'BDC';
}

export function loggedOnAt(computer: string): string {
  return world.computers.find((c) => c.name === computer)?.loggedOn ?? computer;
}

/**
 * What the model's rules rest on, by key. src/content/sources.yaml names the KB article behind each
 * (tests/unit/sources.test.ts checks that every key has one).
 */
export const SOURCE_KEYS = [
  'count-per-dc', // each DC keeps its own bad password count per account; nltest shows it per DC
  'count-increments', // +1 for a console logon or net use, +3 for a UNC connection through MUP
  'bdc-failure-at-pdc', // NT 4.0: a failure at a BDC is counted at the PDC too
  'pdc-decides', // NT 4.0: the lockout policy reads the PDC's count; a BDC's stale count never locks
  'unlock-at-pdc', // NT 4.0: unlocking zeroes the PDC's count at once; a BDC keeps its figure until sync
  'good-logon-resets-pdc', // NT 4.0: a good logon at a BDC zeroes the PDC's count, not the BDC's
  'reset-count', // "Reset count after": no bad attempt for that long and the count returns to 0
  'lockout-duration', // the account logs on again after the lockout duration; Forever waits for an administrator
  'policy-order', // the lockout duration may not be shorter than the reset count time
  'bdc-sends-lockout', // NT 3.51: each BDC counts on its own and sends the lockout to the PDC at the threshold
  'pulse', // BDCs take the PDC's changes at Netlogon's pulse, five minutes by default
  'manual-sync', // Server Manager's Synchronize With Primary Domain Controller; an unsynchronized BDC refuses as locked out
  'locked-out-error', // error 1909's text
  'bad-password-error', // error 1326's text
  'retrier', // a program holding an old password retries every minute and locks the account
  'unlock-not-written', // NT 3.51: after an unlock the count was not written, and the account locked again
  'lockout-box', // the Account Locked Out box can only be cleared by an administrator, never set
] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/**
 * What the model does where the sources are silent or disagree, by key, each with its reason. "How
 * the simulation works" marks each; no quiz answer or troubleshooter result may rest on one.
 */
export const MODELLING_CHOICES = [
  // The view shows a count at 0 once its reset window has passed, rather than the stale figure NT
  // keeps until the next bad attempt looks at it: the figure shown is the one the next attempt starts from.
  'reset-shown',
  // Each DC runs its own reset window, from the last bad attempt it counted itself.
  'reset-per-dc',
  // Attempts against a locked-out account are refused before the password is checked: they add to no
  // count and restart no reset window (the sources show the refusal, not the count).
  'locked-not-counted',
  // Each of MUP's three tries is a validation of its own; once one locks the account the rest are
  // refused as locked out and not counted, so a UNC attempt never takes a count past the threshold.
  'mup-stops-at-lock',
  // NT 4.0: a BDC's copy of the account shows the lockout at once when one of its own forwarded
  // failures locked it (the PDC's answer says so), and otherwise at the next synchronization.
  'bdc-copy-of-lock',
  // The pulse runs every syncMinutes from the start; Synchronize does not move it. A pulse that
  // changes nothing is not logged. Synchronize chosen on the PDC synchronizes every BDC.
  'pulse-schedule',
  // NT 3.51: synchronization carries the lockout (and its end) to the BDCs, not the PDC's count: the
  // article on 3.51 says each BDC keeps its own counter. NT 4.0 carries both (its article shows the count).
  'sync-351-lock-only',
  // NT 3.51: a good logon zeroes the count at the DC that validated it (the sources say nothing).
  'good-logon-351',
  // NT 3.51 is modelled without the service pack that fixed the count not written after an unlock.
  'unpatched-351',
  // A new policy governs the next bad attempt; reset windows and lockouts already running keep the
  // end they were given. A lower threshold locks nobody until their next bad attempt.
  'policy-from-now',
  // A retrier makes its first try when it starts, then every everySeconds; a second retrier on the
  // same computer replaces the first. Its tries are bad `net use` attempts as its user.
  'retrier-timing',
  // Unlocking an account that is not locked out changes nothing (User Manager offers no box to clear).
  'unlock-when-clear',
  // The range of syncMinutes (1 to 2880: Netlogon's Pulse of 60 to 172,800 seconds) is not in the sources.
  'sync-range',
  // The lockout duration and threshold are checked with the reset count for the configuration as for
  // policy.set: a configuration User Manager would refuse is bad input.
  'config-policy-order',
] as const;
export type ModellingChoice = (typeof MODELLING_CHOICES)[number];

export type LogKind =
  | 'logon' // a logon let in (its `locks` says when it locked the account out again, NT 3.51)
  | 'refused' // a logon refused (1326, 1909; its `locks` says when it locked the account out)
  | 'unlock' // an administrator unlocked an account, or a lockout ended
  | 'reset' // a reset window ended and a count returned to 0
  | 'sync' // a BDC took the PDC's changes
  | 'retrier' // a program started or stopped retrying
  | 'policy'; // the account policy changed, or a change was refused

/** A log entry: the kernel's, with the account, the DC that validated it and how it was asked for. */
export interface LogEntry extends KernelLogEntry<LogKind, SourceKey> {
  user?: string;
  dc?: string;
  via?: Via;
  /** Set on the attempt that locked the account out. */
  locks?: true;
  /** Set when the domain did this on its own (a timer: a reset window, a lockout's end, a pulse, a retrier's try). */
  auto?: true;
}

/** A logon's outcome as a reader sees it (readings use the same texts). */
export type Outcome = 'Logged on' | 'Refused with error 1326' | 'Refused with error 1909' | 'Nothing happens';

export interface AccountAtDc {
  user: string;
  badPasswordCount: number;
  lockedOut: boolean;
  /** When this DC's lockout ends; null when not locked out or locked until an administrator unlocks. */
  lockoutEndsAt: number | null;
  /** When this count returns to 0 if no bad attempt comes first ("Reset count after"); null at 0. */
  countResetsAt: number | null;
  /** When this DC last counted a bad attempt for the account, or null. */
  lastBadAt: number | null;
}

export interface DcView {
  name: string;
  role: DcRole;
  accounts: AccountAtDc[];
  /** A BDC: when the next pulse brings it the PDC's changes. The PDC: null. */
  nextSyncAt: number | null;
  /** A BDC: whether its copy of any account differs from the PDC's (what a synchronization would change). */
  outOfStep: boolean;
}

export interface ComputerView {
  name: string;
  loggedOn: string;
  /** The DC that validates its logons. */
  dc: string;
  /** The last logon outcome there (a retrier's tries included), or 'Nothing happens'. */
  lastOutcome: Outcome;
  /** A program retrying with an old password on this computer, or null. */
  retrier: { user: string; everySeconds: number; nextAt: number } | null;
}

/** The account as the domain treats it now: what decides whether its next logon is let in. */
export interface AccountView {
  user: string;
  /**
   * Locked out as the domain decides: NT 4.0 at the PDC (pdc-decides); NT 3.51 at any DC's copy
   * (each DC refuses on its own copy until synchronized).
   */
  lockedOut: boolean;
  /** The DCs whose copy holds the account locked out. */
  lockedAt: string[];
  /**
   * The DCs that would refuse a logon now with error 1909: NT 4.0 every DC while the PDC's copy is
   * locked (pdc-decides); NT 3.51 each DC whose own copy is (manual-sync).
   */
  refusedAt: string[];
  /** When the lockout ends at the PDC; null when not locked there or locked until an administrator unlocks. */
  lockoutEndsAt: number | null;
  /** Locked out until an administrator unlocks (lockout duration Forever). */
  untilUnlocked: boolean;
}

export interface DomainView {
  now: number;
  policy: { lockoutThreshold: number; resetCountMinutes: number; lockoutDurationMinutes: number };
  dcs: DcView[];
  log: LogEntry[];
  /* Beyond the contract, for the picture and panels. */
  version: DomainVersion;
  syncMinutes: number;
  /** When the next pulse falls. */
  nextSyncAt: number;
  accounts: AccountView[];
  computers: ComputerView[];
}
