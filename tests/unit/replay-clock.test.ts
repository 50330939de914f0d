import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ReplayClock } from '../../src/machines/simulate';
import { opts } from './arbitraries';

type Op = { kind: 'timeout'; ms: number } | { kind: 'clear'; pick: number } | { kind: 'set'; by: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('timeout' as const), ms: fc.integer({ min: -5, max: 50 }) }),
  fc.record({ kind: fc.constant('clear' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('set' as const), by: fc.integer({ min: 0, max: 30 }) }),
);

/** Runs the operations on a clock; timers that fire schedule a later one now and then, as the server's do. */
function run(
  clock: Pick<SimulatedClock, 'setTimeout' | 'clearTimeout' | 'now' | 'set'>,
  ops: Op[],
): string[] {
  const heard: string[] = [];
  const ids: number[] = [];
  let n = 0;
  for (const o of ops) {
    if (o.kind === 'timeout') {
      const name = `t${n++}`;
      ids.push(
        clock.setTimeout(() => {
          heard.push(`${name}@${clock.now()}`);
          // Set for later, as the server's re-armed idle checks are (see ReplayClock).
          if (o.ms % 3 === 0)
            clock.setTimeout(() => heard.push(`${name}'@${clock.now()}`), 1 + Math.abs(o.ms % 2));
        }, o.ms),
      );
    } else if (o.kind === 'clear') {
      const id = ids[o.pick % Math.max(1, ids.length)];
      if (id !== undefined) clock.clearTimeout(id);
    } else {
      clock.set(clock.now() + o.by);
      heard.push(`now ${clock.now()}`);
    }
  }
  return heard;
}

describe('ReplayClock', () => {
  it('fires the same timers at the same times, in the same order, as XState’s SimulatedClock', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        expect(run(new ReplayClock(), ops)).toEqual(run(new SimulatedClock(), ops));
      }),
      opts,
    );
  });

  it('cannot go back in time either', () => {
    const clock = new ReplayClock();
    clock.set(10);
    expect(() => clock.set(5)).toThrow();
  });
});
