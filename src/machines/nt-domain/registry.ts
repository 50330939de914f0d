import { defineRegistry, type EventSpecs, type IntField, type NameField } from '../kernel/registry';
import { PASSWORDS, VIAS, world } from './world';

/*
 * The NT domain's event registry: every event type is declared here once, with its fields (names from
 * the world, numbers with their ranges). The event type (DomainEvent), validation, link codes and the
 * property tests' arbitraries derive from it; the rules (machine.ts) and wording (wording.ts) are typed
 * by it. Adding an event: its entry here and rows appended to LINK_CODES; its rule; the rule's test.
 */

export const THRESHOLD_MAX = 999;
export const MINUTES_MAX = 99_999;
/** Netlogon's Pulse takes 60 to 172,800 seconds; the model counts whole minutes (sync-range). */
export const SYNC_MAX = 2880;
/** A retrier waits at least a second and at most a day between tries. */
export const RETRY_MAX = 86_400;

/** Why a value is not a lockout threshold (0 = no lockout, 1..999), or null. */
export function thresholdProblem(v: unknown): string | null {
  return typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > THRESHOLD_MAX
    ? `lockout threshold ${String(v)} is not valid; use a whole number of bad attempts from 1 to ${THRESHOLD_MAX}, or 0 for no lockout.`
    : null;
}

/** Why a value is not a "Reset count after" (1..99999 minutes), or null. */
export function resetProblem(v: unknown): string | null {
  return typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MINUTES_MAX
    ? `reset count time ${String(v)} is not valid; use a whole number of minutes from 1 to ${MINUTES_MAX}.`
    : null;
}

/** Why a value is not a lockout duration (1..99999 minutes, or -1 for Forever), or null. */
export function durationProblem(v: unknown): string | null {
  return typeof v !== 'number' || !Number.isInteger(v) || v === 0 || v < -1 || v > MINUTES_MAX
    ? `lockout duration ${String(v)} is not valid; use a whole number of minutes from 1 to ${MINUTES_MAX}, or -1 for Forever (until an administrator unlocks).`
    : null;
}

/** Why a value is not a synchronization interval (1..2880 minutes), or null. */
export function syncProblem(v: unknown): string | null {
  return typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SYNC_MAX
    ? `synchronization interval ${String(v)} is not valid; use a whole number of minutes from 1 to ${SYNC_MAX}.`
    : null;
}

const computer: NameField = { kind: 'name', noun: 'computer', values: world.computers.map((c) => c.name) };
const user: NameField = { kind: 'name', noun: 'user account', values: world.accounts };
const dc: NameField = { kind: 'name', noun: 'domain controller', values: world.dcs.map((d) => d.name) };
const password = { kind: 'name', noun: 'password', values: PASSWORDS } as const satisfies NameField;
const via = { kind: 'name', noun: 'way of logging on', values: VIAS } as const satisfies NameField;

export const THRESHOLD: IntField = {
  kind: 'int',
  noun: 'lockout threshold',
  min: 0,
  max: THRESHOLD_MAX,
  linkOffset: 0,
  sample: [0, 8],
  problem: thresholdProblem,
};
export const RESET: IntField = {
  kind: 'int',
  noun: 'reset count time',
  min: 1,
  max: MINUTES_MAX,
  linkOffset: 0,
  sample: [1, 40],
  problem: resetProblem,
};
export const DURATION: IntField = {
  kind: 'int',
  noun: 'lockout duration',
  min: -1,
  max: MINUTES_MAX,
  linkOffset: 1,
  // A sample is one range and 0 is not a duration: random tapes draw 1..60 (configurations draw Forever).
  sample: [1, 60],
  problem: durationProblem,
};

const SPECS = {
  /** A logon at a workstation, validated by its DC: at the console, by `net use`, or a UNC path through MUP. */
  'logon.attempt': { fields: { computer, user, password, via }, weight: 6 },
  /** A program on the computer that retries with an old password (retrier): each try a bad `net use`. */
  'retrier.start': {
    fields: {
      computer,
      user,
      everySeconds: {
        kind: 'int',
        noun: 'retry interval in seconds',
        min: 1,
        max: RETRY_MAX,
        linkOffset: 0,
        sample: [10, 600],
      },
    },
  },
  'retrier.stop': { fields: { computer } },
  /** User Manager for Domains (on the PDC): clear Account Locked Out. */
  'admin.unlock': { fields: { user }, weight: 2 },
  /** Server Manager: Synchronize With Primary Domain Controller (on the PDC: every BDC). */
  'admin.sync': { fields: { dc } },
  /** User Manager for Domains: Policies, Account. */
  'policy.set': {
    fields: {
      lockoutThreshold: { ...THRESHOLD, optional: true },
      resetCountMinutes: { ...RESET, optional: true },
      lockoutDurationMinutes: { ...DURATION, optional: true },
    },
  },
} as const satisfies EventSpecs<string>;

type Specs = typeof SPECS;
type Value<F> = F extends { kind: 'int' } ? number : F extends { values: readonly (infer V)[] } ? V : string;
type Required<S> = { -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: Value<S[K]> };
type Optional<S> = { -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: Value<S[K]> };
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** Every event a tape may carry, derived from the registry. */
export type DomainEvent = {
  [T in keyof Specs]: Flat<{ type: T } & Required<Specs[T]['fields']> & Optional<Specs[T]['fields']>>;
}[keyof Specs];
export type DomainEventType = DomainEvent['type'];

export const EVENT_TYPES = Object.keys(SPECS) as DomainEventType[];

/**
 * Link codes: APPEND-ONLY. A link stores each tape entry as an index into this table, so an index,
 * once published, must mean the same event forever. Never reorder, remove or edit a row; new events,
 * computers, accounts or DCs get new rows at the end. Row: [type, ...the event's name fields in
 * declaration order].
 */
export const LINK_CODES: readonly (readonly [DomainEventType, ...string[]])[] = [
  ['logon.attempt', 'WKS1', 'Administrator', 'good', 'console'], // 0
  ['logon.attempt', 'WKS1', 'Administrator', 'good', 'net use'],
  ['logon.attempt', 'WKS1', 'Administrator', 'good', 'unc'],
  ['logon.attempt', 'WKS1', 'Administrator', 'bad', 'console'],
  ['logon.attempt', 'WKS1', 'Administrator', 'bad', 'net use'],
  ['logon.attempt', 'WKS1', 'Administrator', 'bad', 'unc'], // 5
  ['logon.attempt', 'WKS1', 'jsmith', 'good', 'console'],
  ['logon.attempt', 'WKS1', 'jsmith', 'good', 'net use'],
  ['logon.attempt', 'WKS1', 'jsmith', 'good', 'unc'],
  ['logon.attempt', 'WKS1', 'jsmith', 'bad', 'console'],
  ['logon.attempt', 'WKS1', 'jsmith', 'bad', 'net use'], // 10
  ['logon.attempt', 'WKS1', 'jsmith', 'bad', 'unc'],
  ['logon.attempt', 'WKS1', 'mlee', 'good', 'console'],
  ['logon.attempt', 'WKS1', 'mlee', 'good', 'net use'],
  ['logon.attempt', 'WKS1', 'mlee', 'good', 'unc'],
  ['logon.attempt', 'WKS1', 'mlee', 'bad', 'console'], // 15
  ['logon.attempt', 'WKS1', 'mlee', 'bad', 'net use'],
  ['logon.attempt', 'WKS1', 'mlee', 'bad', 'unc'],
  ['logon.attempt', 'WKS2', 'Administrator', 'good', 'console'],
  ['logon.attempt', 'WKS2', 'Administrator', 'good', 'net use'],
  ['logon.attempt', 'WKS2', 'Administrator', 'good', 'unc'], // 20
  ['logon.attempt', 'WKS2', 'Administrator', 'bad', 'console'],
  ['logon.attempt', 'WKS2', 'Administrator', 'bad', 'net use'],
  ['logon.attempt', 'WKS2', 'Administrator', 'bad', 'unc'],
  ['logon.attempt', 'WKS2', 'jsmith', 'good', 'console'],
  ['logon.attempt', 'WKS2', 'jsmith', 'good', 'net use'], // 25
  ['logon.attempt', 'WKS2', 'jsmith', 'good', 'unc'],
  ['logon.attempt', 'WKS2', 'jsmith', 'bad', 'console'],
  ['logon.attempt', 'WKS2', 'jsmith', 'bad', 'net use'],
  ['logon.attempt', 'WKS2', 'jsmith', 'bad', 'unc'],
  ['logon.attempt', 'WKS2', 'mlee', 'good', 'console'], // 30
  ['logon.attempt', 'WKS2', 'mlee', 'good', 'net use'],
  ['logon.attempt', 'WKS2', 'mlee', 'good', 'unc'],
  ['logon.attempt', 'WKS2', 'mlee', 'bad', 'console'],
  ['logon.attempt', 'WKS2', 'mlee', 'bad', 'net use'],
  ['logon.attempt', 'WKS2', 'mlee', 'bad', 'unc'], // 35
  ['retrier.start', 'WKS1', 'Administrator'],
  ['retrier.start', 'WKS1', 'jsmith'],
  ['retrier.start', 'WKS1', 'mlee'],
  ['retrier.start', 'WKS2', 'Administrator'],
  ['retrier.start', 'WKS2', 'jsmith'], // 40
  ['retrier.start', 'WKS2', 'mlee'],
  ['retrier.stop', 'WKS1'],
  ['retrier.stop', 'WKS2'],
  ['admin.unlock', 'Administrator'],
  ['admin.unlock', 'jsmith'], // 45
  ['admin.unlock', 'mlee'],
  ['admin.sync', 'PDC1'],
  ['admin.sync', 'BDC1'],
  ['policy.set'],
];

export const registry = defineRegistry<DomainEvent>(SPECS, LINK_CODES);
/** Each event type's declaration (fields, ranges). */
export const EVENTS: EventSpecs<DomainEventType> = SPECS;
