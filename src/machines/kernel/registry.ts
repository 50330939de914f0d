import { SimulationInputError } from './errors';

/*
 * A model's event registry: each event type is declared once, with its fields. Validation (ranges
 * included), link codes and the property tests' arbitraries are derived from the declaration; the
 * model's rules and wording are typed by it.
 */

/** A field naming something in the model's world (a computer, a share, an account…). */
export interface NameField {
  readonly kind: 'name';
  /** What one value is called in messages: "computer" (the plural adds an s). */
  readonly noun: string;
  /** The values the event accepts, in the world's order. */
  readonly values: readonly string[];
  readonly optional?: boolean;
  /** Why a value is refused before the "unknown" check (a share that holds no files), or null. */
  readonly refuse?: (value: unknown) => string | null;
}

/** A whole number within a range. */
export interface IntField {
  readonly kind: 'int';
  readonly noun: string;
  readonly min: number;
  readonly max: number;
  readonly optional?: boolean;
  /** Added before a link stores the number (links store naturals). */
  readonly linkOffset: number;
  /** The model's own wording for a bad value, or null when the value is good; default: the range. */
  readonly problem?: (value: unknown) => string | null;
  /** The values property tests draw from, when the whole range would rarely matter: [min, max]. */
  readonly sample?: readonly [number, number];
}

export type FieldSpec = NameField | IntField;

export interface EventSpec {
  /** The event's fields, in order: name fields pick the link code, int fields follow it. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** How often property tests draw this event relative to the others (default 1). */
  readonly weight?: number;
}

export type EventSpecs<Type extends string> = { readonly [T in Type]: EventSpec };

/** A link code row: an event type and the values of its name fields, in declaration order. */
export type CodeRow<Type extends string> = readonly [Type, ...(string | undefined)[]];

export interface TapeEntry<Event> {
  /** ms from t = 0, non-decreasing along the tape. */
  at: number;
  event: Event;
}

export interface Registry<Event extends { type: string }> {
  readonly specs: EventSpecs<Event['type']>;
  /** Every event type, in declaration order. */
  readonly types: readonly Event['type'][];
  /** APPEND-ONLY link code table. */
  readonly codes: readonly CodeRow<Event['type']>[];
  /** The link code of an event, or undefined when the table has no row for it. */
  codeOf(event: Event): number | undefined;
  /** The event a code stands for, with its int fields from `values` (as stored, offsets included). */
  eventOfCode(code: number, stored?: readonly (number | undefined)[]): Event | undefined;
  /** Checks one entry; `previousAt` is the previous entry's time (or 0). */
  validateEntry(i: number, entry: unknown, previousAt: number): TapeEntry<Event>;
  /** Validates a whole tape (frozen tapes once). */
  validateTape(tape: readonly TapeEntry<Event>[]): void;
}

const list = (names: readonly string[]) => names.join(', ');

/** The registry's int fields of an event type, in order. */
export function intFields(spec: EventSpec): [string, IntField][] {
  return Object.entries(spec.fields).filter((f): f is [string, IntField] => f[1].kind === 'int');
}

function nameFields(spec: EventSpec): string[] {
  return Object.keys(spec.fields).filter((k) => spec.fields[k]?.kind === 'name');
}

/** Why `value` is not a good value of the int field, or null. */
export function intProblem(field: IntField, value: unknown): string | null {
  if (field.problem) return field.problem(value);
  return typeof value !== 'number' || !Number.isInteger(value) || value < field.min || value > field.max
    ? `${field.noun} ${String(value)} is not valid; use a whole number from ${field.min} to ${field.max}.`
    : null;
}

function entryLabel(i: number, entry: unknown): string {
  const e = entry as { at?: unknown; event?: { type?: unknown } } | null;
  const parts: string[] = [];
  if (e && typeof e === 'object') {
    if (typeof e.at === 'number' && Number.isFinite(e.at)) parts.push(`at ${e.at} ms`);
    if (e.event && typeof e.event === 'object' && typeof e.event.type === 'string') parts.push(e.event.type);
  }
  return `Tape entry ${i + 1}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function fail(i: number, entry: unknown, problem: string): never {
  throw new SimulationInputError(`${entryLabel(i, entry)}: ${problem}`, i);
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function defineRegistry<Event extends { type: string }>(
  specs: EventSpecs<Event['type']>,
  codes: readonly CodeRow<Event['type']>[],
): Registry<Event> {
  const types = Object.keys(specs) as Event['type'][];
  const key = (type: string, values: readonly (string | undefined)[]) => `${type}|${values.join('|')}`;
  const rowValues = (type: Event['type'], row: readonly (string | undefined)[]) =>
    nameFields(specs[type]).map((_, i) => row[i]);
  const codeOf = new Map(codes.map(([type, ...row], i) => [key(type, rowValues(type, row)), i]));
  const validated = new WeakSet<readonly TapeEntry<Event>[]>();

  const validateEntry = (i: number, entry: unknown, previousAt: number): TapeEntry<Event> => {
    if (typeof entry !== 'object' || entry === null)
      fail(i, entry, 'expected an object with "at" and "event".');
    const { at, event } = entry as { at: unknown; event: unknown };
    if (typeof at !== 'number' || !Number.isFinite(at))
      fail(i, entry, `time ${JSON.stringify(at ?? null)} is not a finite number of milliseconds.`);
    if (at < 0) fail(i, entry, `time ${at} ms is negative; the tape starts at 0.`);
    if (at < previousAt)
      fail(i, entry, `time ${at} ms goes backwards; the previous entry is at ${previousAt} ms.`);
    if (typeof event !== 'object' || event === null) fail(i, entry, 'the entry has no event.');
    // Untrusted input, read field by field (the checks above made it an object).
    const read = (name: string): unknown => Reflect.get(event, name);
    const type = read('type');
    if (typeof type !== 'string' || !(types as readonly string[]).includes(type))
      fail(i, entry, `unknown event type ${JSON.stringify(type ?? null)}; known types are ${list(types)}.`);
    for (const [name, field] of Object.entries(specs[type as Event['type']].fields)) {
      const value = read(name);
      if (field.optional && value === undefined) continue;
      if (field.kind === 'name') {
        const refused = field.refuse?.(value);
        if (refused) fail(i, entry, refused);
        if (typeof value !== 'string' || !field.values.includes(value))
          fail(
            i,
            entry,
            `unknown ${field.noun} ${JSON.stringify(value ?? null)}; known ${field.noun}s are ${list(field.values)}.`,
          );
      } else {
        const problem = intProblem(field, value);
        if (problem) fail(i, entry, lower(problem));
      }
    }
    return entry as TapeEntry<Event>;
  };

  return {
    specs,
    types,
    codes,
    codeOf(event) {
      const e = event as unknown as Record<string, string | undefined>;
      return codeOf.get(
        key(
          event.type,
          nameFields(specs[event.type as Event['type']]).map((f) => e[f]),
        ),
      );
    },
    eventOfCode(code, stored = []) {
      const row = codes[code];
      if (!row) return undefined;
      const [type, ...values] = row;
      const spec = specs[type];
      // Built from the spec of its own type: its fields, by name, decoded from the link.
      const fields: Record<string, unknown> = { type };
      nameFields(spec).forEach((name, i) => {
        if (values[i] !== undefined) fields[name] = values[i];
      });
      intFields(spec).forEach(([name, field], i) => {
        const n = stored[i];
        if (field.optional ? n : true) fields[name] = (n ?? 0) - field.linkOffset - (field.optional ? 1 : 0);
      });
      return fields as Event;
    },
    validateEntry,
    validateTape(tape) {
      if (validated.has(tape)) return;
      if (!Array.isArray(tape)) throw new SimulationInputError('Tape: expected an array of entries.');
      let previousAt = 0;
      for (let i = 0; i < tape.length; i++) previousAt = validateEntry(i, tape[i], previousAt).at;
      if (Object.isFrozen(tape) && tape.every((e) => Object.isFrozen(e) && Object.isFrozen(e.event)))
        validated.add(tape);
    },
  };
}
