import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, SimulatedClock, setup } from 'xstate';
import {
  append,
  createTimeline,
  defineRegistry,
  type LogNode,
  type Model,
  type Stamped,
  simulateModel,
} from '../../src/machines/kernel';
import { opts } from './arbitraries';

/*
 * The kernel with a model of its own making (timers and nothing else), to show it is generic and to
 * hold its clock to XState's SimulatedClock: the timers a model keeps as data fire at the same times,
 * in the same order, as XState's delayed events would under SimulatedClock.
 */

type ToyEvent = { type: 'timer.set'; ms: number } | { type: 'timer.clear'; pick: number };
type Fire = { type: 'timer.fire'; id: number };
interface ToyContext {
  readonly log: LogNode | null;
  readonly next: number;
  readonly armed: readonly { id: number; due: number }[];
}

const registry = defineRegistry<ToyEvent>(
  {
    'timer.set': { fields: { ms: { kind: 'int', noun: 'delay', min: 1, max: 50, linkOffset: 0 } } },
    'timer.clear': { fields: { pick: { kind: 'int', noun: 'pick', min: 0, max: 20, linkOffset: 0 } } },
  },
  [['timer.set'], ['timer.clear']],
);

const toyMachine = setup({
  types: { context: {} as ToyContext, events: {} as Stamped<ToyEvent | Fire>, input: {} as object },
}).createMachine({
  context: { log: null, next: 0, armed: [] },
  on: {
    'timer.set': {
      actions: assign(({ context, event }) => ({
        next: context.next + 1,
        armed: [...context.armed, { id: context.next, due: event.at + event.ms }],
      })),
    },
    'timer.clear': {
      actions: assign(({ context, event }) => ({
        armed: context.armed.filter((a) => a.id !== event.pick % Math.max(1, context.next)),
      })),
    },
    'timer.fire': {
      actions: assign(({ context, event }) => ({
        armed: context.armed.filter((a) => a.id !== event.id),
        log: append(context.log, { at: event.at, kind: 'fire', code: 'timer.fire', text: `t${event.id}` }),
      })),
    },
  },
});

const toy: Model<object, object, ToyEvent, ToyContext, string[]> = {
  id: 'toy-timers',
  variants: { field: 'variant' as never, values: ['one'], compared: ['one', 'one'] },
  registry,
  rules: { sourced: [], choices: [] },
  normalize: (config) => config,
  machine: toyMachine,
  nextTimer(context) {
    let first: { id: number; due: number } | undefined;
    for (const a of context.armed) if (!first || a.due < first.due) first = a;
    return first && { at: first.due, event: { type: 'timer.fire', id: first.id } };
  },
  view: (_context, _now, log) => log.map((e) => `${e.text}@${e.at}`),
  next: { find: () => null, none: '', beyond: (at) => at },
  tail: () => 0,
  figures: (context) => [context.armed.length],
  header: { names: [], write: () => [], read: () => ({}) },
};

type Op = { kind: 'timeout'; ms: number } | { kind: 'clear'; pick: number } | { kind: 'wait'; by: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('timeout' as const), ms: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('clear' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), by: fc.integer({ min: 0, max: 30 }) }),
);

/** The same operations as XState's delayed events would meet them: setTimeout under SimulatedClock. */
function underSimulatedClock(ops: Op[], until: number): string[] {
  const clock = new SimulatedClock();
  const heard: string[] = [];
  const ids: ReturnType<SimulatedClock['setTimeout']>[] = [];
  for (const o of ops) {
    if (o.kind === 'timeout') {
      const id = ids.length;
      const due = clock.now() + o.ms;
      ids.push(clock.setTimeout(() => heard.push(`t${id}@${due}`), o.ms));
    } else if (o.kind === 'clear') {
      const id = ids[o.pick % Math.max(1, ids.length)];
      if (id !== undefined) clock.clearTimeout(id);
    } else clock.set(clock.now() + o.by);
  }
  clock.set(until);
  return heard;
}

/** The operations as a tape, replayed by the kernel's timeline. */
function onTimeline(ops: Op[], until: number): string[] {
  let at = 0;
  const tape: { at: number; event: ToyEvent }[] = [];
  for (const o of ops) {
    if (o.kind === 'wait') at += o.by;
    else
      tape.push({
        at,
        event: o.kind === 'timeout' ? { type: 'timer.set', ms: o.ms } : { type: 'timer.clear', pick: o.pick },
      });
  }
  return simulateModel(toy, {}, tape, until);
}

describe('the kernel’s timeline, for any model', () => {
  it('fires a model’s timers at the times, and in the order, XState’s SimulatedClock fires delayed events', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: 100 }), (ops, extra) => {
        const end = ops.reduce((t, o) => t + (o.kind === 'wait' ? o.by : 0), 0) + extra;
        expect(onTimeline(ops, end)).toEqual(underSimulatedClock(ops, end));
      }),
      opts,
    );
  });

  it('shows the same moment from a checkpoint, going back and forth, as from a fresh replay', () => {
    const tape = Array.from({ length: 100 }, (_, i) => ({
      at: i * 10,
      event: { type: 'timer.set', ms: 1 + (i % 7) } as const,
    }));
    const timeline = createTimeline(toy, {}, tape, { everyEntries: 8 });
    for (const t of [990, 5, 500, 1000, 250])
      expect(timeline.viewAt(t)).toEqual(simulateModel(toy, {}, tape, t));
    expect(timeline.checkpoints).toBeGreaterThan(5);
  });
});
