import type { LogNode } from '../kernel/log';
import type { Stamped } from '../kernel/model';
import type { PolicyValues } from './config';
import type { DomainEvent } from './registry';
import {
  type DomainVersion,
  dcOf,
  type LogEntry,
  type LogKind,
  type Outcome,
  type Password,
  PDC,
  type SourceKey,
  type Via,
  world,
} from './world';

/*
 * The domain's state (context.ts), shared by its rules (rules/*.ts) and its machine (machine.ts).
 * Every domain controller keeps its own copy of each account's lockout data (count-per-dc). Timers
 * are data: each copy's reset window and lockout end, the next pulse, each retrier's next try; the
 * kernel's timeline fires the earliest (nextTimer in rules/timers.ts) when its clock reaches it.
 */

export const MINUTE = 60_000;
export const SECOND = 1000;

/** One DC's copy of one account's lockout data. */
export interface AccountRecord {
  /** BadPasswordCount as this DC holds it. */
  readonly count: number;
  /** When this DC last counted a bad attempt, or null. */
  readonly lastBad: number | null;
  /** When the count returns to 0 unless another bad attempt comes first (reset-count), or null at 0. */
  readonly resetAt: number | null;
  /** This copy holds the account locked out: since when, and until when (null: until unlocked). */
  readonly lock: { readonly since: number; readonly until: number | null } | null;
  /** NT 3.51: unlocked without the count being written (unlock-not-written); the next good logon locks again. */
  readonly relock: boolean;
}

export interface Retrier {
  readonly user: string;
  readonly everySeconds: number;
  readonly next: number;
}

export interface DomainContext {
  readonly version: DomainVersion;
  readonly policy: PolicyValues;
  readonly syncMinutes: number;
  /** When the next pulse falls (pulse, pulse-schedule). */
  readonly nextSync: number;
  /** Each DC's copies, by DC then account. */
  readonly dcs: Readonly<Record<string, Readonly<Record<string, AccountRecord>>>>;
  /** Programs retrying with an old password, by computer. */
  readonly retriers: Readonly<Record<string, Retrier | undefined>>;
  /** Each workstation's last logon outcome. */
  readonly outcomes: Readonly<Record<string, Outcome | undefined>>;
  readonly log: LogNode<LogEntry> | null;
}

/** The model's own timers, fired by the kernel's timeline. */
export type TimerEvent =
  | { type: 'count.reset'; dc: string; user: string }
  | { type: 'lockout.end'; dc: string; user: string }
  | { type: 'sync.pulse' }
  | { type: 'retrier.tick'; computer: string };

/** What the machine takes: the tape's events and its timers, each stamped with its time. */
export type MachineEvent = Stamped<DomainEvent | TimerEvent>;

/** What rules are called with. */
export interface Args {
  readonly context: DomainContext;
  readonly event: MachineEvent;
}
/** What a rule's action changes. */
export type Patch = Partial<DomainContext>;

/** One logon attempt, from the tape or a retrier's try. */
export interface Attempt {
  readonly computer: string;
  readonly user: string;
  readonly password: Password;
  readonly via: Via;
  readonly dc: string;
  readonly at: number;
  /** A retrier's try, not the reader's. */
  readonly retrier: boolean;
}

export const CLEAR: AccountRecord = Object.freeze({
  count: 0,
  lastBad: null,
  resetAt: null,
  lock: null,
  relock: false,
});

export function initialDcs(): DomainContext['dcs'] {
  const dcs: Record<string, Record<string, AccountRecord>> = {};
  for (const { name } of world.dcs) {
    dcs[name] = {};
    for (const user of world.accounts) (dcs[name] as Record<string, AccountRecord>)[user] = CLEAR;
  }
  return dcs;
}

export function recordOf(context: Pick<DomainContext, 'dcs'>, dc: string, user: string): AccountRecord {
  return context.dcs[dc]?.[user] ?? CLEAR;
}

/** The DCs with the record for `user` at `dc` replaced. */
export function withRecord(
  dcs: DomainContext['dcs'],
  dc: string,
  user: string,
  record: AccountRecord,
): DomainContext['dcs'] {
  return { ...dcs, [dc]: { ...dcs[dc], [user]: record } };
}

/**
 * Whether the logon validated at `dc` is refused as locked out: NT 4.0 asks the PDC's copy
 * (pdc-decides); NT 3.51 reads the validating DC's own copy, which a BDC keeps until it synchronizes
 * (bdc-sends-lockout, manual-sync).
 */
export function lockedFor(context: DomainContext, dc: string, user: string): boolean {
  const decider = context.version === '4.0' ? PDC : dc;
  return recordOf(context, decider, user).lock !== null;
}

/** The DC whose count decides the lockout of an attempt validated at `dc` (pdc-decides, bdc-sends-lockout). */
export function decidingDc(context: DomainContext, dc: string): string {
  return context.version === '4.0' ? PDC : dc;
}

/** A lock starting now under the policy in force: Forever (-1) has no end. */
export function newLock(context: DomainContext, at: number): NonNullable<AccountRecord['lock']> {
  const minutes = context.policy.lockoutDurationMinutes;
  return { since: at, until: minutes === -1 ? null : at + minutes * MINUTE };
}

/** The attempt a logon event or a retrier's try makes. */
export function attemptOf(context: DomainContext, event: MachineEvent): Attempt {
  if (event.type === 'logon.attempt')
    return {
      computer: event.computer,
      user: event.user,
      password: event.password,
      via: event.via,
      dc: dcOf(event.computer),
      at: event.at,
      retrier: false,
    };
  if (event.type === 'retrier.tick') {
    const retrier = context.retriers[event.computer];
    if (!retrier) throw new Error(`No retrier on ${event.computer}`);
    return {
      computer: event.computer,
      user: retrier.user,
      password: 'bad',
      via: 'net use',
      dc: dcOf(event.computer),
      at: event.at,
      retrier: true,
    };
  }
  throw new Error(`${event.type} is not a logon attempt`);
}

/** A log entry; optional fields are set only when given, so views compare equal however made. */
export function append(
  log: LogNode<LogEntry> | null,
  at: number,
  kind: LogKind,
  text: string,
  about: {
    computer?: string;
    user?: string;
    dc?: string;
    via?: Via;
    error?: number;
    auto?: boolean;
    locks?: boolean;
  } = {},
  cites?: readonly SourceKey[],
): LogNode<LogEntry> {
  const entry: LogEntry = { at, text, kind };
  if (about.error !== undefined) entry.error = about.error;
  if (about.computer !== undefined) entry.computer = about.computer;
  if (about.user !== undefined) entry.user = about.user;
  if (about.dc !== undefined) entry.dc = about.dc;
  if (about.via !== undefined) entry.via = about.via;
  if (about.locks) entry.locks = true;
  if (about.auto) entry.auto = true;
  if (cites?.length) entry.cites = cites;
  return { entry, prev: log };
}
