import { defineRegistry, type EventSpecs, type IntField, type NameField } from '../kernel/registry';
import { diskShares, IPC, world } from './world';

/*
 * The NT server's event registry: every event type is declared here once, with its fields (names
 * from the world, numbers with their ranges). The event type (SimEvent), validation, link codes and
 * the property tests' arbitraries derive from it; rules (machine.ts) and wording (wording.ts) are
 * typed by it. Adding an event: its entry here and rows appended to LINK_CODES; its rule; the rule's
 * test; the reader's control; its row in "How the simulation works".
 */

export const AUTODISCONNECT_MIN = -1;
export const AUTODISCONNECT_MAX = 65535;
export const LICENSE_LIMIT_MAX = 9999;
/** A REG_DWORD: the registry's Autodisconnect takes 0 to 4294967295 minutes (all ones: never). */
export const REGISTRY_MAX = 4_294_967_295;

const computer: NameField = { kind: 'name', noun: 'computer', values: world.computers.map((c) => c.name) };
const anyShare: NameField = { kind: 'name', noun: 'share', values: world.shares.map((s) => s.name) };
const diskShare: NameField = {
  kind: 'name',
  noun: 'share',
  values: diskShares,
  refuse: (v) => (v === IPC ? `${IPC} holds no files to open or close; use ${diskShares.join(', ')}.` : null),
};
const user = {
  kind: 'name',
  noun: 'account',
  values: world.accounts.map((a) => a.name),
  optional: true,
} as const satisfies NameField;

export type AutodisconnectCheck = { ok: true; minutes: number } | { ok: false; reason: string };

/** The rules of `net config server /autodisconnect:N`: an integer from -1 to 65535. */
export function validateAutodisconnect(value: string | number): AutodisconnectCheck {
  const range = `${AUTODISCONNECT_MIN} to ${AUTODISCONNECT_MAX}`;
  let n: number;
  // The reader's own text, quoted back as typed (Number would turn 99999999999999999999 into 1e20).
  let shown: string;
  if (typeof value === 'number') {
    n = value;
    shown = String(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return { ok: false, reason: `Enter a number of minutes from ${range}.` };
    if (!/^[+-]?\d+$/.test(text))
      return {
        ok: false,
        reason: `"${text}" is not a whole number of minutes; enter an integer from ${range}.`,
      };
    n = Number(text);
    shown = text;
  } else {
    return { ok: false, reason: `Enter a number of minutes from ${range}.` };
  }
  if (!Number.isFinite(n) || !Number.isInteger(n))
    return {
      ok: false,
      reason: `${String(value)} is not a whole number of minutes; enter an integer from ${range}.`,
    };
  if (n < AUTODISCONNECT_MIN || n > AUTODISCONNECT_MAX)
    return {
      ok: false,
      reason: `${shown} is out of range: autodisconnect takes -1 (never) to ${AUTODISCONNECT_MAX} minutes.`,
    };
  return { ok: true, minutes: n === 0 ? 0 : n };
}

/** Why a per-server licence count is not one Control Panel Licensing accepts, or null. */
export function licenceProblem(n: unknown): string | null {
  return typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > LICENSE_LIMIT_MAX
    ? `licence limit ${String(n)} is not valid; use a whole number from 1 to ${LICENSE_LIMIT_MAX}.`
    : null;
}

export const MINUTES: IntField = {
  kind: 'int',
  noun: 'autodisconnect',
  min: AUTODISCONNECT_MIN,
  max: AUTODISCONNECT_MAX,
  linkOffset: 1,
  sample: [-1, 20],
  problem: (v) => {
    const check = validateAutodisconnect(v as number);
    return check.ok ? null : check.reason;
  },
};

export const LICENSES: IntField = {
  kind: 'int',
  noun: 'licence limit',
  min: 1,
  max: LICENSE_LIMIT_MAX,
  linkOffset: 0,
  sample: [1, 4],
  problem: licenceProblem,
};

const SPECS = {
  'share.connect': { fields: { computer, share: anyShare, user }, weight: 4 },
  'share.disconnect': { fields: { computer, share: anyShare }, weight: 2 },
  'file.open': { fields: { computer, share: diskShare }, weight: 2 },
  'file.close': { fields: { computer, share: diskShare }, weight: 2 },
  'licensing.stop': { fields: {} },
  'licensing.start': { fields: {} },
  'autodisconnect.set': { fields: { minutes: MINUTES } },
  /** Control Panel Licensing: per-server concurrent licences from this moment. */
  'licensing.limit': { fields: { licenses: LICENSES } },
  /** Server Manager's Disconnect on one listed connection (it ends that computer's session). */
  'admin.disconnect': { fields: { computer, share: anyShare } },
  /** regedit: LanmanServer\Parameters\Autodisconnect, read when the Server service starts. */
  'registry.autodisconnect': {
    fields: {
      minutes: {
        kind: 'int',
        noun: 'registry Autodisconnect value',
        min: 0,
        max: REGISTRY_MAX,
        linkOffset: 0,
        sample: [0, 20],
      },
    },
  },
  /** net stop server and net start server, or a reboot. */
  'server.restart': { fields: {} },
  /** `net session \\computer /delete` at the server: ends that computer's session (session-delete). */
  'session.delete': { fields: { computer } },
} as const satisfies EventSpecs<string>;

type Specs = typeof SPECS;
type Value<F> = F extends { kind: 'int' } ? number : string;
type Required<S> = { -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: Value<S[K]> };
type Optional<S> = { -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: Value<S[K]> };
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** Every event a tape may carry, derived from the registry. */
export type SimEvent = {
  [T in keyof Specs]: Flat<{ type: T } & Required<Specs[T]['fields']> & Optional<Specs[T]['fields']>>;
}[keyof Specs];
export type SimEventType = SimEvent['type'];

/** Every event type, in the order they were added (the first seven are link format 1's). */
export const EVENT_TYPES = Object.keys(SPECS) as SimEventType[];

/**
 * Link codes: APPEND-ONLY. A link stores each tape entry as an index into this table, so an index,
 * once published, must mean the same event forever. Never reorder, remove or edit a row; new events,
 * computers, shares or accounts get new rows at the end. Indices 0-30 are link format 1 as first
 * published (tests/unit/link-codes.test.ts checks them against the loop that first made them).
 * Row: [type, computer?, share?, user?] (the event's name fields, in declaration order).
 */
export const LINK_CODES: readonly (readonly [SimEventType, string?, string?, string?])[] = [
  ['licensing.stop'], // 0
  ['licensing.start'],
  ['autodisconnect.set'],
  ['share.connect', 'WKS1', 'PUBLIC'],
  ['share.connect', 'WKS1', 'PUBLIC', 'Administrator'],
  ['share.connect', 'WKS1', 'PUBLIC', 'jsmith'], // 5
  ['share.connect', 'WKS1', 'PUBLIC', 'mlee'],
  ['share.disconnect', 'WKS1', 'PUBLIC'],
  ['file.open', 'WKS1', 'PUBLIC'],
  ['file.close', 'WKS1', 'PUBLIC'],
  ['share.connect', 'WKS1', 'TOOLS'], // 10
  ['share.connect', 'WKS1', 'TOOLS', 'Administrator'],
  ['share.connect', 'WKS1', 'TOOLS', 'jsmith'],
  ['share.connect', 'WKS1', 'TOOLS', 'mlee'],
  ['share.disconnect', 'WKS1', 'TOOLS'],
  ['file.open', 'WKS1', 'TOOLS'], // 15
  ['file.close', 'WKS1', 'TOOLS'],
  ['share.connect', 'WKS2', 'PUBLIC'],
  ['share.connect', 'WKS2', 'PUBLIC', 'Administrator'],
  ['share.connect', 'WKS2', 'PUBLIC', 'jsmith'],
  ['share.connect', 'WKS2', 'PUBLIC', 'mlee'], // 20
  ['share.disconnect', 'WKS2', 'PUBLIC'],
  ['file.open', 'WKS2', 'PUBLIC'],
  ['file.close', 'WKS2', 'PUBLIC'],
  ['share.connect', 'WKS2', 'TOOLS'],
  ['share.connect', 'WKS2', 'TOOLS', 'Administrator'], // 25
  ['share.connect', 'WKS2', 'TOOLS', 'jsmith'],
  ['share.connect', 'WKS2', 'TOOLS', 'mlee'],
  ['share.disconnect', 'WKS2', 'TOOLS'],
  ['file.open', 'WKS2', 'TOOLS'],
  ['file.close', 'WKS2', 'TOOLS'], // 30
  // Added with the event registry (Control Panel Licensing, Server Manager, explicit IPC$).
  ['licensing.limit'],
  ['share.connect', 'WKS1', 'IPC$'],
  ['share.connect', 'WKS1', 'IPC$', 'Administrator'],
  ['share.connect', 'WKS1', 'IPC$', 'jsmith'],
  ['share.connect', 'WKS1', 'IPC$', 'mlee'], // 35
  ['share.disconnect', 'WKS1', 'IPC$'],
  ['share.connect', 'WKS2', 'IPC$'],
  ['share.connect', 'WKS2', 'IPC$', 'Administrator'],
  ['share.connect', 'WKS2', 'IPC$', 'jsmith'],
  ['share.connect', 'WKS2', 'IPC$', 'mlee'], // 40
  ['share.disconnect', 'WKS2', 'IPC$'],
  ['admin.disconnect', 'WKS1', 'IPC$'],
  ['admin.disconnect', 'WKS1', 'PUBLIC'],
  ['admin.disconnect', 'WKS1', 'TOOLS'],
  ['admin.disconnect', 'WKS2', 'IPC$'], // 45
  ['admin.disconnect', 'WKS2', 'PUBLIC'],
  ['admin.disconnect', 'WKS2', 'TOOLS'],
  // Added with the Server service's startup parameters.
  ['registry.autodisconnect'],
  ['server.restart'],
  // Added with net session /delete.
  ['session.delete', 'WKS1'], // 50
  ['session.delete', 'WKS2'],
];

export const registry = defineRegistry<SimEvent>(SPECS, LINK_CODES);
/** Each event type's declaration (fields, ranges). */
export const EVENTS: EventSpecs<SimEventType> = SPECS;
