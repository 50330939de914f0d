import { SimulationInputError } from './errors';
import type { Model, ModelContext } from './model';
import { intFields, type TapeEntry } from './registry';

/*
 * The link codec's frame, for any model. Format 2: "2.<model id>.<header>.<tape>.<check>"; format 1
 * (as first published, "1.<header>.<tape>", no model id, no check) is read for the one model that
 * published it. Numbers are self-delimiting base-32 varints: continuation digits from one alphabet,
 * the final digit from another, so no separators are needed.
 * Header: the model's configuration numbers, then the time.
 * Tape: per entry an event code (index into the model's append-only link code table), then the time
 * since the previous entry, then the event's int fields (required: value + offset; optional: 0 when
 * absent, else value + offset + 1). Times carry a unit bit: whole seconds as seconds, else ms.
 * Check: FNV-1a (32 bits) of everything before it, base 36, 7 digits: a damaged or truncated link
 * is refused, never read as another moment.
 */

export interface LinkState<Config, Event> {
  config: Config;
  tape: TapeEntry<Event>[];
  at: number;
}

export type LinkError = {
  code: 'empty' | 'version' | 'syntax' | 'range' | 'tape' | 'size' | 'check' | 'model';
  message: string;
};

export type LinkResult<Config, Event> =
  | { ok: true; value: LinkState<Config, Event> }
  | { ok: false; error: LinkError };

export type LinkFit = { ok: true; length: number } | { ok: false; reason: string };

export const LINK_VERSION = '2';
export const MAX_LINK_ENTRIES = 2000;
export const MAX_LINK_MS = 7 * 24 * 60 * 60 * 1000;
/** The link budget (DESIGN.md: links fit in 8 KB): encode never makes more. */
export const MAX_LINK_CHARS = 8192;
/**
 * What decode reads. Format 1 as first published made links of up to 2,000 actions with no length
 * limit (up to about 26,000 characters); those links keep their meaning, so decode still reads them,
 * while encode makes none over MAX_LINK_CHARS. Anything longer is refused unread.
 */
export const MAX_READ_CHARS = 32_768;

const FINAL = 'abcdefghijklmnopqrstuvwxyz012345';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_';

function putVarint(out: string[], n: number): void {
  const digits: number[] = [];
  let rest = n;
  do {
    digits.push(rest % 32);
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  for (let i = digits.length - 1; i > 0; i--) out.push(MORE[digits[i] as number] as string);
  out.push(FINAL[digits[0] as number] as string);
}

function putTime(out: string[], ms: number): void {
  putVarint(out, ms % 1000 === 0 ? (ms / 1000) * 2 + 1 : ms * 2);
}

/** FNV-1a, 32 bits, as 7 base-36 digits. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0');
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
      if (this.pos >= this.text.length)
        throw new LinkProblem('syntax', `The link is cut short while reading the ${what}.`);
      const ch = this.text[this.pos++] as string;
      const more = MORE.indexOf(ch);
      const final = FINAL.indexOf(ch);
      const digit = more >= 0 ? more : final;
      // The character is not quoted back: nothing from a link is echoed into the page.
      if (digit < 0) throw new LinkProblem('syntax', 'The link contains a character it cannot use.');
      n = n * 32 + digit;
      if (n > Number.MAX_SAFE_INTEGER / 64)
        throw new LinkProblem('range', `The ${what} in the link is far too large.`);
      if (final >= 0) return n;
    }
  }

  time(what: string): number {
    const raw = this.varint(what);
    const ms = raw % 2 === 1 ? ((raw - 1) / 2) * 1000 : raw / 2;
    if (ms > MAX_LINK_MS)
      throw new LinkProblem('range', `The ${what} in the link is more than 7 days after the start.`);
    return ms;
  }
}

/** Link codec for one model; `formatOne` marks the model that published format 1. */
export function linkCodec<
  C extends object,
  N extends C,
  E extends { type: string },
  X extends ModelContext,
  V,
>(model: Model<C, N, E, X, V>, formatOne = false) {
  const { registry, header } = model;

  /** Throws SimulationInputError for a state whose link decode() would refuse. */
  const write = (state: LinkState<C, E>): string => {
    const config = model.normalize(state.config);
    registry.validateTape(state.tape);
    if (state.tape.length > MAX_LINK_ENTRIES)
      throw new SimulationInputError(`A link holds at most ${MAX_LINK_ENTRIES} actions.`);
    const atMs = Math.max(0, Math.round(state.at));
    const last = state.tape[state.tape.length - 1];
    if (atMs > MAX_LINK_MS || (last && Math.round(last.at) > MAX_LINK_MS))
      throw new SimulationInputError('A link reaches at most 7 days after the start.');
    const head: string[] = [];
    for (const n of header.write(config)) putVarint(head, n);
    putTime(head, atMs);
    const body: string[] = [];
    let previous = 0;
    for (const { at, event } of state.tape) {
      const code = registry.codeOf(event);
      if (code === undefined) throw new SimulationInputError(`No link code for ${event.type}.`);
      putVarint(body, code);
      const ms = Math.round(at);
      putTime(body, ms - previous);
      previous = ms;
      for (const [name, field] of intFields(registry.specs[event.type as E['type']])) {
        const value = (event as unknown as Record<string, number | undefined>)[name];
        putVarint(body, value === undefined ? 0 : value + field.linkOffset + (field.optional ? 1 : 0));
      }
    }
    const text = `${LINK_VERSION}.${model.id}.${head.join('')}.${body.join('')}`;
    return `${text}.${checksum(text)}`;
  };

  const read = (headText: string, bodyText: string): LinkState<C, E> => {
    const head = new Reader(headText);
    const numbers = header.names.map((name) => head.varint(name));
    const at = head.time('time');
    if (!head.done()) throw new LinkProblem('syntax', 'The link has extra characters after its settings.');
    const config = header.read(numbers);
    if (typeof config === 'string') throw new LinkProblem('range', config);
    try {
      model.normalize(config);
    } catch (error) {
      throw new LinkProblem('range', `The link’s settings are out of range. ${(error as Error).message}`);
    }
    const body = new Reader(bodyText);
    const tape: TapeEntry<E>[] = [];
    let previous = 0;
    while (!body.done()) {
      if (tape.length >= MAX_LINK_ENTRIES)
        throw new LinkProblem('range', `The link holds more than ${MAX_LINK_ENTRIES} actions.`);
      const code = body.varint('action');
      const row = registry.codes[code];
      if (!row) throw new LinkProblem('range', 'The link contains an action this page does not know.');
      previous += body.time('action time');
      if (previous > MAX_LINK_MS)
        throw new LinkProblem('range', 'The link’s actions run past 7 days after the start.');
      const stored = intFields(registry.specs[row[0]]).map(([name]) => body.varint(`${name} value`));
      const event = registry.eventOfCode(code, stored) as E;
      // Frozen, like the tape below: validated once, it cannot change (see validateTape).
      tape.push(Object.freeze({ at: previous, event: Object.freeze(event) }));
    }
    Object.freeze(tape);
    try {
      registry.validateTape(tape);
    } catch (error) {
      throw new LinkProblem('tape', `The link’s actions cannot be replayed. ${(error as Error).message}`);
    }
    return { config, tape, at };
  };

  const decodeOrThrow = (text: string): LinkState<C, E> => {
    if (text.length > MAX_READ_CHARS)
      throw new LinkProblem(
        'size',
        `The link is ${text.length} characters long; links are at most ${MAX_READ_CHARS} characters.`,
      );
    const parts = text.split('.');
    if (parts[0] === '1' && formatOne) {
      if (parts.length !== 3)
        throw new LinkProblem('syntax', 'The link does not have the three parts it should.');
      return read(parts[1] as string, parts[2] as string);
    }
    if (parts[0] === LINK_VERSION) {
      const check = parts.pop() as string;
      if (parts.length !== 4 || check !== checksum(parts.join('.')))
        throw new LinkProblem(
          'check',
          'The link is damaged or cut short: its check does not match what it holds.',
        );
      if (parts[1] !== model.id) throw new LinkProblem('model', 'The link is for a different simulation.');
      return read(parts[2] as string, parts[3] as string);
    }
    if (/^\d+$/.test(parts[0] ?? '') && Number(parts[0]) > Number(LINK_VERSION))
      throw new LinkProblem(
        'version',
        'The link comes from a newer version of this page, which this one cannot read.',
      );
    throw new LinkProblem('syntax', 'The link does not start with a format this page knows.');
  };

  return {
    /** A compact, URL-safe text for a moment; throws SimulationInputError for a bad state or a link over 8 KB. */
    encode(state: LinkState<C, E>): string {
      const text = write(state);
      if (text.length > MAX_LINK_CHARS)
        throw new SimulationInputError(
          `The link would be ${text.length} characters long, over the ${MAX_LINK_CHARS}-character limit; shorten the tape.`,
        );
      return text;
    },
    /** Whether a state can be shared as a link, and its length. Never throws. */
    linkFits(state: LinkState<C, E>): LinkFit {
      try {
        const text = write(state);
        return text.length > MAX_LINK_CHARS
          ? {
              ok: false,
              reason: `The link would be ${text.length} characters long, over the ${MAX_LINK_CHARS}-character limit.`,
            }
          : { ok: true, length: text.length };
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    },
    /** The link for a state, or null when it is longer than a link may be (a moment opened from a long format-1 link). */
    linkOrNull(state: LinkState<C, E>): string | null {
      const text = write(state);
      return text.length > MAX_LINK_CHARS ? null : text;
    },
    /** Reads a link. Never throws; a tape it returns always replays. */
    decode(text: string): LinkResult<C, E> {
      try {
        if (typeof text !== 'string' || text.trim() === '')
          return { ok: false, error: { code: 'empty', message: 'The link holds no simulation.' } };
        return { ok: true, value: decodeOrThrow(text.trim()) };
      } catch (error) {
        if (error instanceof LinkProblem)
          return { ok: false, error: { code: error.code, message: error.message } };
        return { ok: false, error: { code: 'syntax', message: 'The link could not be read.' } };
      }
    },
  };
}
