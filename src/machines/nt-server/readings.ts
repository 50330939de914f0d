import type { ModelReadings } from '../kernel/model';
import { nextAutodisconnect, simulate } from './model';
import type { ServerConfig, ServerView, TapeEntry } from './world';

/**
 * Questions a moment of a simulation answers, read off the kernel's view. Quiz questions name
 * one of these readings instead of stating their answer, so the answer is always what the
 * simulation shows.
 */
export type Reading =
  | { what: 'ipc-user'; computer: string }
  | { what: 'listing'; computer: string }
  | { what: 'outcome'; computer: string }
  | { what: 'licences-in-use' }
  | { what: 'minutes-to-autodisconnect' }
  | {
      what: 'counter';
      counter: 'sessionsTimedOut' | 'sessionsErroredOut' | 'sessionsForcedOff' | 'sessionsLoggedOff';
    };

export interface Moment {
  config: ServerConfig;
  tape: readonly TapeEntry[];
  at: number;
}

const nothingFor = (computer: string) => `Nothing is listed for ${computer}`;

/** The answer the simulation gives at that moment, as the text a quiz choice carries. */
export function read(
  reading: Reading,
  moment: Moment,
  view = simulate(moment.config, moment.tape, moment.at),
): string {
  switch (reading.what) {
    case 'ipc-user': {
      const row = view.connections.find((c) => c.computer === reading.computer && c.share === 'IPC$');
      return row ? row.shownUser : nothingFor(reading.computer);
    }
    case 'listing': {
      const rows = view.connections.filter((c) => c.computer === reading.computer);
      return rows.length
        ? rows.map((c) => `${c.share} under ${c.shownUser}`).join(', ')
        : nothingFor(reading.computer);
    }
    case 'outcome': {
      const last = [...view.log].reverse().find((e) => e.computer === reading.computer);
      if (!last) return 'Nothing happens';
      return last.error === undefined ? 'Connected' : `Refused with error ${last.error}`;
    }
    case 'licences-in-use':
      return String(view.licenses.inUse);
    case 'minutes-to-autodisconnect': {
      const due = nextAutodisconnect(moment.config, moment.tape, moment.at);
      return due === null ? 'Never' : String(Math.round((due - moment.at) / 60_000));
    }
    case 'counter': {
      const counters = (view as ServerView & { counters?: Record<string, number> }).counters;
      return String(counters?.[reading.counter] ?? 0);
    }
  }
}

const COUNTERS = ['sessionsTimedOut', 'sessionsErroredOut', 'sessionsForcedOff', 'sessionsLoggedOff'];
/** Each reading's fields beside `what`: a computer name, a counter, or none. */
const FIELDS: Record<Reading['what'], readonly string[]> = {
  'ipc-user': ['computer'],
  listing: ['computer'],
  outcome: ['computer'],
  'licences-in-use': [],
  'minutes-to-autodisconnect': [],
  counter: ['counter'],
};

/** Null for a reading this model answers, else why not (for the content schema's message). */
export function checkReading(reading: Record<string, unknown>): string | null {
  const what = reading.what;
  const fields = typeof what === 'string' ? FIELDS[what as Reading['what']] : undefined;
  if (!fields) return `what must be one of ${Object.keys(FIELDS).join(', ')}.`;
  for (const key of Object.keys(reading)) {
    if (key !== 'what' && !fields.includes(key)) return `${what} takes no ${key}.`;
  }
  for (const key of fields) {
    const value = reading[key];
    if (typeof value !== 'string' || value === '') return `${what} needs ${key}.`;
    if (key === 'counter' && !COUNTERS.includes(value))
      return `counter must be one of ${COUNTERS.join(', ')}.`;
  }
  return null;
}

export const readings: ModelReadings<ServerConfig, TapeEntry['event']> = { check: checkReading, read };
