import { EVENT_TYPES, EVENTS, type ShareRule } from './events';
import {
  diskShares,
  findAccount,
  findComputer,
  findShare,
  NT_VERSIONS,
  type NtVersion,
  type ServerConfig,
  type SimEvent,
  type TapeEntry,
  world,
} from './world';

/**
 * Bad input to the kernel. `index` is the 0-based tape index of the offending entry, or -1
 * when the configuration or `until` is at fault. Messages count entries from 1, as people do.
 */
export class SimulationInputError extends Error {
  readonly index: number;

  constructor(message: string, index = -1) {
    super(message);
    this.name = 'SimulationInputError';
    this.index = index;
  }
}

export const AUTODISCONNECT_MIN = -1;
export const AUTODISCONNECT_MAX = 65535;
export const LICENSE_LIMIT_MAX = 9999;

export interface NormalConfig {
  version: NtVersion;
  autodisconnectMinutes: number;
  licenseLimit: number;
  licenseLogging: boolean;
}

export const DEFAULT_CONFIG: Readonly<NormalConfig> = Object.freeze({
  version: '3.51',
  autodisconnectMinutes: 15,
  licenseLimit: 5,
  licenseLogging: true,
});

export type AutodisconnectCheck = { ok: true; minutes: number } | { ok: false; reason: string };

/** The rules of `net config server /autodisconnect:N`: an integer from -1 to 65535. */
export function validateAutodisconnect(value: string | number): AutodisconnectCheck {
  let n: number;
  // The reader's own text, quoted back as typed (Number would turn 99999999999999999999 into 1e20).
  let shown: string;
  if (typeof value === 'number') {
    n = value;
    shown = String(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return { ok: false, reason: 'Enter a number of minutes from -1 to 65535.' };
    if (!/^[+-]?\d+$/.test(text)) {
      return {
        ok: false,
        reason: `"${text}" is not a whole number of minutes; enter an integer from -1 to 65535.`,
      };
    }
    n = Number(text);
    shown = text;
  } else {
    return { ok: false, reason: 'Enter a number of minutes from -1 to 65535.' };
  }
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    return {
      ok: false,
      reason: `${String(value)} is not a whole number of minutes; enter an integer from -1 to 65535.`,
    };
  }
  if (n < AUTODISCONNECT_MIN || n > AUTODISCONNECT_MAX) {
    return {
      ok: false,
      reason: `${shown} is out of range: autodisconnect takes -1 (never) to 65535 minutes.`,
    };
  }
  return { ok: true, minutes: n === 0 ? 0 : n };
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** Fills in defaults and checks every field; throws SimulationInputError (index -1). */
export function normalizeConfig(config: ServerConfig): NormalConfig {
  if (typeof config !== 'object' || config === null) {
    throw new SimulationInputError('Configuration: expected an object with at least a version.');
  }
  const { version } = config;
  if (!NT_VERSIONS.includes(version)) {
    throw new SimulationInputError(
      `Configuration: unknown version ${JSON.stringify(version)}; known versions are ${list(NT_VERSIONS)}.`,
    );
  }
  let autodisconnectMinutes = DEFAULT_CONFIG.autodisconnectMinutes;
  if (config.autodisconnectMinutes !== undefined) {
    const check = validateAutodisconnect(config.autodisconnectMinutes);
    if (!check.ok) throw new SimulationInputError(`Configuration: ${lower(check.reason)}`);
    autodisconnectMinutes = check.minutes;
  }
  let licenseLimit = DEFAULT_CONFIG.licenseLimit;
  if (config.licenseLimit !== undefined) {
    const problem = licenceProblem(config.licenseLimit);
    if (problem) throw new SimulationInputError(`Configuration: ${problem}`);
    licenseLimit = config.licenseLimit;
  }
  let licenseLogging = DEFAULT_CONFIG.licenseLogging;
  if (config.licenseLogging !== undefined) {
    if (typeof config.licenseLogging !== 'boolean') {
      throw new SimulationInputError(
        'Configuration: licenseLogging must be true (service running) or false (stopped).',
      );
    }
    licenseLogging = config.licenseLogging;
  }
  return { version, autodisconnectMinutes, licenseLimit, licenseLogging };
}

/** Why a per-server licence count is not one Control Panel Licensing accepts, or null. */
export function licenceProblem(n: unknown): string | null {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > LICENSE_LIMIT_MAX) {
    return `licence limit ${String(n)} is not valid; use a whole number from 1 to ${LICENSE_LIMIT_MAX}.`;
  }
  return null;
}

function lower(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function entryLabel(i: number, entry: unknown): string {
  const e = entry as { at?: unknown; event?: { type?: unknown } } | null;
  const parts: string[] = [];
  if (e && typeof e === 'object') {
    if (typeof e.at === 'number' && Number.isFinite(e.at)) parts.push(`at ${e.at} ms`);
    if (e.event && typeof e.event === 'object' && typeof e.event.type === 'string') {
      parts.push(e.event.type);
    }
  }
  return `Tape entry ${i + 1}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function fail(i: number, entry: unknown, problem: string): never {
  throw new SimulationInputError(`${entryLabel(i, entry)}: ${problem}`, i);
}

function checkComputer(i: number, entry: unknown, computer: unknown): void {
  if (typeof computer !== 'string' || !findComputer(computer)) {
    fail(
      i,
      entry,
      `unknown computer ${JSON.stringify(computer ?? null)}; known computers are ${list(world.computers.map((c) => c.name))}.`,
    );
  }
}

function checkShare(i: number, entry: unknown, share: unknown, rule: ShareRule): void {
  if (rule === 'disk' && typeof share === 'string' && findShare(share)?.ipc) {
    fail(i, entry, `${share} holds no files to open or close; use ${list(diskShares)}.`);
  }
  if (typeof share !== 'string' || !findShare(share)) {
    const known = rule === 'disk' ? diskShares : world.shares.map((s) => s.name);
    fail(i, entry, `unknown share ${JSON.stringify(share ?? null)}; known shares are ${list(known)}.`);
  }
}

/** Checks one entry; `previousAt` is the previous entry's time (or 0). */
export function validateEntry(i: number, entry: unknown, previousAt: number): TapeEntry {
  if (typeof entry !== 'object' || entry === null) {
    fail(i, entry, 'expected an object with "at" and "event".');
  }
  const { at, event } = entry as { at: unknown; event: unknown };
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    fail(i, entry, `time ${JSON.stringify(at ?? null)} is not a finite number of milliseconds.`);
  }
  if (at < 0) fail(i, entry, `time ${at} ms is negative; the tape starts at 0.`);
  if (at < previousAt) {
    fail(i, entry, `time ${at} ms goes backwards; the previous entry is at ${previousAt} ms.`);
  }
  if (typeof event !== 'object' || event === null) {
    fail(i, entry, 'the entry has no event.');
  }
  const e = event as Record<string, unknown>;
  const type = e.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    fail(
      i,
      entry,
      `unknown event type ${JSON.stringify(type ?? null)}; known types are ${list(EVENT_TYPES)}.`,
    );
  }
  const spec = EVENTS[type as SimEvent['type']];
  if (spec.computer) checkComputer(i, entry, e.computer);
  if (spec.share) checkShare(i, entry, e.share, spec.share);
  if (spec.user && e.user !== undefined && (typeof e.user !== 'string' || !findAccount(e.user))) {
    fail(
      i,
      entry,
      `unknown account ${JSON.stringify(e.user)}; known accounts are ${list(world.accounts.map((a) => a.name))}.`,
    );
  }
  if (spec.param?.field === 'minutes') {
    const check = validateAutodisconnect(e.minutes as number);
    if (!check.ok) fail(i, entry, lower(check.reason));
  } else if (spec.param?.field === 'licenses') {
    const problem = licenceProblem(e.licenses);
    if (problem) fail(i, entry, problem);
  }
  return entry as TapeEntry;
}

/**
 * Tapes validated already that cannot have changed since: frozen, entries and events too (as decode
 * returns them). A link opened side by side is validated once, not again for each server's timeline.
 */
const validated = new WeakSet<readonly TapeEntry[]>();

/** Validates the whole tape before anything runs. */
export function validateTape(tape: readonly TapeEntry[]): void {
  if (validated.has(tape)) return;
  if (!Array.isArray(tape)) {
    throw new SimulationInputError('Tape: expected an array of entries.');
  }
  let previousAt = 0;
  for (let i = 0; i < tape.length; i++) {
    previousAt = validateEntry(i, tape[i], previousAt).at;
  }
  if (Object.isFrozen(tape) && tape.every((e) => Object.isFrozen(e) && Object.isFrozen(e.event)))
    validated.add(tape);
}

export function validateUntil(until: unknown): number {
  if (typeof until !== 'number' || !Number.isFinite(until) || until < 0) {
    throw new SimulationInputError(
      `Time to simulate to (${String(until)}) must be a finite number of milliseconds, 0 or more.`,
    );
  }
  return until;
}
