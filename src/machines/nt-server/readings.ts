import type { ModelReadings } from '../kernel/model';
import { nextAutodisconnect, simulate } from './model';
import { type ServerConfig, type ServerView, type TapeEntry, world } from './world';

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
const COMPUTERS: readonly string[] = world.computers.map((c) => c.name);
/** Each reading's fields beside `what`: a computer name, a counter, or none. */
const FIELDS: Record<Reading['what'], readonly string[]> = {
  'ipc-user': ['computer'],
  listing: ['computer'],
  outcome: ['computer'],
  'licences-in-use': [],
  'minutes-to-autodisconnect': [],
  counter: ['counter'],
};

/** null when `r` is a reading of this model; else what is wrong with it. */
function check(r: Record<string, unknown>): string | null {
  if (typeof r !== 'object' || r === null) return 'A reading must be an object with a "what".';
  const what = r.what;
  if (typeof what !== 'string' || !(what in FIELDS))
    return `Unknown reading ${JSON.stringify(what ?? null)}; the server answers ${Object.keys(FIELDS).join(', ')}.`;
  const fields = FIELDS[what as Reading['what']];
  for (const key of Object.keys(r))
    if (key !== 'what' && !fields.includes(key))
      return `The ${what} reading takes ${fields.length ? fields.join(' and ') : 'nothing else'}, not ${JSON.stringify(key)}.`;
  if (fields.includes('computer') && (typeof r.computer !== 'string' || !COMPUTERS.includes(r.computer)))
    return `Unknown computer ${JSON.stringify(r.computer ?? null)} in the ${what} reading; known computers are ${COMPUTERS.join(', ')}.`;
  if (fields.includes('counter') && (typeof r.counter !== 'string' || !COUNTERS.includes(r.counter)))
    return `Unknown counter ${JSON.stringify(r.counter ?? null)}; known counters are ${COUNTERS.join(', ')}.`;
  return null;
}

/** This model's readings (src/machines/readings.ts finds them; they run when the site builds). */
export const readings: ModelReadings<ServerConfig, TapeEntry['event']> = { check, read };
