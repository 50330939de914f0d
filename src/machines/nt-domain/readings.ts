import type { ModelReadings } from '../kernel/model';
import type { NormalConfig } from './config';
import { simulate } from './model';
import type { DomainConfig, DomainView, TapeEntry } from './world';
import { world } from './world';

/**
 * Questions a moment of the domain answers, read off the model's view. Quiz questions and
 * troubleshooter results name one of these readings instead of stating their answer, so the answer is
 * always what the simulation shows.
 */
export type DomainReading =
  | { what: 'bad-password-count'; dc: string; user: string }
  | { what: 'locked-out'; user: string; dc?: string }
  | { what: 'outcome'; computer: string }
  | { what: 'minutes-to-unlock'; user: string };

export interface DomainMoment {
  config: DomainConfig | NormalConfig;
  tape: readonly TapeEntry[];
  at: number;
}

const MINUTE = 60_000;
export const LOCKED = 'Locked out';
export const NOT_LOCKED = 'Not locked out';
/** A lockout of Forever: no number of minutes ends it (as the server's readings say 'Never'). */
export const UNTIL_UNLOCKED = 'Never';

const FIELDS: Record<DomainReading['what'], { required: string[]; optional: string[] }> = {
  'bad-password-count': { required: ['dc', 'user'], optional: [] },
  'locked-out': { required: ['user'], optional: ['dc'] },
  outcome: { required: ['computer'], optional: [] },
  'minutes-to-unlock': { required: ['user'], optional: [] },
};

const KNOWN: Record<string, readonly string[]> = {
  dc: world.dcs.map((d) => d.name),
  user: world.accounts,
  computer: world.computers.map((c) => c.name),
};
const NOUN: Record<string, string> = { dc: 'domain controller', user: 'user account', computer: 'computer' };

/** null when `r` is a reading this model answers; else what is wrong with it. */
function check(r: Record<string, unknown>): string | null {
  if (typeof r !== 'object' || r === null) return 'A reading must be an object with a "what".';
  const what = r.what;
  if (typeof what !== 'string' || !(what in FIELDS))
    return `Unknown reading ${JSON.stringify(what ?? null)}; the domain answers ${Object.keys(FIELDS).join(', ')}.`;
  const { required, optional } = FIELDS[what as DomainReading['what']];
  for (const key of Object.keys(r))
    if (key !== 'what' && !required.includes(key) && !optional.includes(key))
      return `The ${what} reading takes ${[...required, ...optional].join(' and ')}, not ${JSON.stringify(key)}.`;
  for (const key of [...required, ...optional]) {
    const value = r[key];
    if (value === undefined) {
      if (required.includes(key)) return `The ${what} reading needs a ${NOUN[key]} (${key}).`;
      continue;
    }
    const known = KNOWN[key] ?? [];
    if (typeof value !== 'string' || !known.includes(value))
      return `Unknown ${NOUN[key]} ${JSON.stringify(value)} in the ${what} reading; known ${NOUN[key]}s are ${known.join(', ')}.`;
  }
  return null;
}

/** The answer the simulation gives at that moment, as the text a quiz choice carries. */
function read(r: DomainReading, moment: DomainMoment, view?: DomainView): string {
  const v = view ?? simulate(moment.config, moment.tape as TapeEntry[], moment.at);
  switch (r.what) {
    case 'bad-password-count': {
      const dc = v.dcs.find((d) => d.name === r.dc);
      return String(dc?.accounts.find((a) => a.user === r.user)?.badPasswordCount ?? 0);
    }
    case 'locked-out': {
      if (r.dc !== undefined) {
        const copy = v.dcs.find((d) => d.name === r.dc)?.accounts.find((a) => a.user === r.user);
        return copy?.lockedOut ? LOCKED : NOT_LOCKED;
      }
      return v.accounts.find((a) => a.user === r.user)?.lockedOut ? LOCKED : NOT_LOCKED;
    }
    case 'outcome':
      return v.computers.find((c) => c.name === r.computer)?.lastOutcome ?? 'Nothing happens';
    case 'minutes-to-unlock': {
      const account = v.accounts.find((a) => a.user === r.user);
      if (!account?.lockedOut) return NOT_LOCKED;
      // The account logs on everywhere again when the last DC's copy of the lockout ends.
      let last = 0;
      for (const dc of v.dcs) {
        const copy = dc.accounts.find((a) => a.user === r.user);
        if (!copy?.lockedOut) continue;
        if (copy.lockoutEndsAt === null) return UNTIL_UNLOCKED;
        last = Math.max(last, copy.lockoutEndsAt);
      }
      return String(Math.ceil((last - moment.at) / MINUTE));
    }
  }
}

/** This model's readings (src/machines/readings.ts finds them; they run when the site builds). */
export const readings: ModelReadings<DomainMoment['config'], DomainMoment['tape'][number]['event']> = {
  check,
  read: (r: DomainReading, moment: DomainMoment): string => read(r, moment),
};

export { read as readDomain };
