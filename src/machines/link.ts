import { EVENTS, eventOfCode, linkCodeOf } from './events';
import { normalizeConfig, SimulationInputError, validateTape } from './validate';
import { NT_VERSIONS, type ServerConfig, type TapeEntry } from './world';

export interface LinkState {
  config: ServerConfig;
  tape: TapeEntry[];
  at: number;
}

export type LinkError = {
  code: 'empty' | 'version' | 'syntax' | 'range' | 'tape' | 'size';
  message: string;
};

export type LinkResult = { ok: true; value: LinkState } | { ok: false; error: LinkError };

export const LINK_VERSION = '1';
export const MAX_LINK_ENTRIES = 2000;
export const MAX_LINK_MS = 7 * 24 * 60 * 60 * 1000;
/** The link budget (DESIGN.md: links fit in 8 KB): encode never makes more. */
export const MAX_LINK_CHARS = 8192;
/**
 * What decode reads. Format 1 as first published made links of up to 2,000 actions with no length
 * limit (up to about 26,000 characters); those links keep their meaning (DESIGN.md), so decode
 * still reads them, while encode makes none over MAX_LINK_CHARS. Anything longer is refused unread.
 */
export const MAX_READ_CHARS = 32_768;

/*
 * Format "1.<header>.<tape>". Numbers are self-delimiting base-32 varints: continuation
 * digits from one alphabet, the final digit from another, so no separators are needed.
 * Header: version index, logging (0/1), licence limit, autodisconnect + 1, time.
 * Tape: per entry an event code (index into the append-only LINK_CODES table in events.ts)
 * then the time since the previous entry; an event with a number (autodisconnect.set,
 * licensing.limit) is followed by it, plus the registry's offset. Codes 31 and up came with
 * the event registry and need no new format: an older page refuses them as unknown actions.
 * Times carry a unit bit: whole seconds are stored as seconds, anything else as ms.
 */
const FINAL = 'abcdefghijklmnopqrstuvwxyz012345';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_';

function putVarint(out: string[], n: number): void {
  const digits: number[] = [];
  let rest = n;
  do {
    digits.push(rest % 32);
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  for (let i = digits.length - 1; i > 0; i--) out.push(MORE[digits[i]]);
  out.push(FINAL[digits[0]]);
}

function putTime(out: string[], ms: number): void {
  putVarint(out, ms % 1000 === 0 ? (ms / 1000) * 2 + 1 : ms * 2);
}

/**
 * A compact, URL-safe text for a moment of a simulation. The state must be one simulate()
 * accepts (throws SimulationInputError otherwise); times are rounded to whole milliseconds.
 */
export function encode(state: LinkState): string {
  const text = write(state);
  if (text.length > MAX_LINK_CHARS) {
    throw new SimulationInputError(
      `The link would be ${text.length} characters long, over the ${MAX_LINK_CHARS}-character limit; shorten the tape.`,
    );
  }
  return text;
}

/** Throws SimulationInputError for a state whose link decode() would refuse. */
function write(state: LinkState): string {
  const config = normalizeConfig(state.config);
  validateTape(state.tape);
  if (state.tape.length > MAX_LINK_ENTRIES) {
    throw new SimulationInputError(`A link holds at most ${MAX_LINK_ENTRIES} actions.`);
  }
  const atMs = Math.max(0, Math.round(state.at));
  const lastMs = state.tape.length ? Math.round(state.tape[state.tape.length - 1].at) : 0;
  if (atMs > MAX_LINK_MS || lastMs > MAX_LINK_MS) {
    throw new SimulationInputError('A link reaches at most 7 days after the start.');
  }
  const header: string[] = [];
  putVarint(header, NT_VERSIONS.indexOf(config.version));
  putVarint(header, config.licenseLogging ? 1 : 0);
  putVarint(header, config.licenseLimit);
  putVarint(header, config.autodisconnectMinutes + 1);
  putTime(header, atMs);
  const body: string[] = [];
  let previous = 0;
  for (const { at, event } of state.tape) {
    const code = linkCodeOf(event);
    if (code === undefined) throw new SimulationInputError(`No link code for ${event.type}.`);
    putVarint(body, code);
    const ms = Math.round(at);
    putTime(body, ms - previous);
    previous = ms;
    const param = EVENTS[event.type].param;
    if (param) putVarint(body, (event as unknown as Record<string, number>)[param.field] + param.linkOffset);
  }
  return `${LINK_VERSION}.${header.join('')}.${body.join('')}`;
}

export type LinkFit = { ok: true; length: number } | { ok: false; reason: string };

/**
 * Whether a state can be shared as a link, and its length: for UIs that must refuse an action
 * (one more tape entry, a later time) that would make the link too long. Never throws.
 */
export function linkFits(state: LinkState): LinkFit {
  try {
    const text = write(state);
    if (text.length > MAX_LINK_CHARS) {
      return {
        ok: false,
        reason: `The link would be ${text.length} characters long, over the ${MAX_LINK_CHARS}-character limit.`,
      };
    }
    return { ok: true, length: text.length };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

class LinkProblem extends Error {
  constructor(
    readonly code: LinkError['code'],
    message: string,
  ) {
    super(message);
  }
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  varint(what: string): number {
    let n = 0;
    for (;;) {
      if (this.pos >= this.text.length) {
        throw new LinkProblem('syntax', `The link is cut short while reading the ${what}.`);
      }
      const ch = this.text[this.pos++];
      const more = MORE.indexOf(ch);
      const final = FINAL.indexOf(ch);
      const digit = more >= 0 ? more : final;
      if (digit < 0) {
        throw new LinkProblem('syntax', `The link contains a character it cannot use ("${ch}").`);
      }
      n = n * 32 + digit;
      if (n > Number.MAX_SAFE_INTEGER / 64) {
        throw new LinkProblem('range', `The ${what} in the link is far too large.`);
      }
      if (final >= 0) return n;
    }
  }

  time(what: string): number {
    const raw = this.varint(what);
    const ms = raw % 2 === 1 ? ((raw - 1) / 2) * 1000 : raw / 2;
    if (ms > MAX_LINK_MS) {
      throw new LinkProblem('range', `The ${what} in the link is more than 7 days after the start.`);
    }
    return ms;
  }
}

function decodeOrThrow(text: string): LinkState {
  if (text.length > MAX_READ_CHARS) {
    throw new LinkProblem(
      'size',
      `The link is ${text.length} characters long; links are at most ${MAX_READ_CHARS} characters.`,
    );
  }
  const parts = text.split('.');
  if (parts[0] !== LINK_VERSION) {
    throw new LinkProblem(
      'version',
      /^\d+$/.test(parts[0] ?? '')
        ? `The link uses format ${parts[0]}, which this version of the page does not read.`
        : 'The link does not start with a format number this page knows.',
    );
  }
  if (parts.length !== 3) {
    throw new LinkProblem('syntax', 'The link does not have the three parts it should.');
  }
  const header = new Reader(parts[1]);
  const version = NT_VERSIONS[header.varint('version')];
  if (!version)
    throw new LinkProblem('range', 'The link names a Windows NT version this page does not know.');
  const logging = header.varint('License Logging setting');
  if (logging > 1)
    throw new LinkProblem('range', 'The link’s License Logging setting is neither on nor off.');
  const licenseLimit = header.varint('licence limit');
  const autodisconnectMinutes = header.varint('autodisconnect value') - 1;
  const at = header.time('time');
  if (!header.done()) throw new LinkProblem('syntax', 'The link has extra characters after its settings.');
  const config: ServerConfig = {
    version,
    autodisconnectMinutes,
    licenseLimit,
    licenseLogging: logging === 1,
  };
  try {
    normalizeConfig(config);
  } catch (error) {
    throw new LinkProblem('range', `The link’s settings are out of range. ${(error as Error).message}`);
  }
  const body = new Reader(parts[2]);
  const tape: TapeEntry[] = [];
  let previous = 0;
  while (!body.done()) {
    if (tape.length >= MAX_LINK_ENTRIES) {
      throw new LinkProblem('range', `The link holds more than ${MAX_LINK_ENTRIES} actions.`);
    }
    const code = body.varint('action');
    const row = eventOfCode(code);
    if (!row) throw new LinkProblem('range', 'The link contains an action this page does not know.');
    previous += body.time('action time');
    if (previous > MAX_LINK_MS) {
      throw new LinkProblem('range', 'The link’s actions run past 7 days after the start.');
    }
    const param = EVENTS[row.type].param;
    const event = param ? eventOfCode(code, body.varint(`${param.field} value`)) : row;
    // Frozen, like the tape itself below: validated once, it cannot change, so the timelines built
    // from it (one per server side by side) need not validate it again (see validateTape).
    tape.push(Object.freeze({ at: previous, event: Object.freeze(event as TapeEntry['event']) }));
  }
  Object.freeze(tape);
  try {
    validateTape(tape);
  } catch (error) {
    throw new LinkProblem('tape', `The link’s actions cannot be replayed. ${(error as Error).message}`);
  }
  return { config, tape, at };
}

/**
 * The link for a state, or null when the state is longer than a link may be (a moment opened from
 * a long link of the first published format, which decode reads and encode no longer makes).
 */
export function linkOrNull(state: LinkState): string | null {
  const text = write(state);
  return text.length > MAX_LINK_CHARS ? null : text;
}

/** Reads a link made by encode(). Never throws; a tape it returns always replays. */
export function decode(text: string): LinkResult {
  try {
    if (typeof text !== 'string' || text.trim() === '') {
      return { ok: false, error: { code: 'empty', message: 'The link holds no simulation.' } };
    }
    return { ok: true, value: decodeOrThrow(text.trim()) };
  } catch (error) {
    if (error instanceof LinkProblem)
      return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'syntax', message: 'The link could not be read.' } };
  }
}
