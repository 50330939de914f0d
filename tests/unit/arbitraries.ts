import fc from 'fast-check';
import {
  diskShares,
  NT_VERSIONS,
  type NtVersion,
  type SimEvent,
  type TapeEntry,
  world,
} from '../../src/machines';

export const RUNS = Number(process.env.FC_RUNS ?? 1000);
export const SEED = Number(process.env.FC_SEED ?? 153066);
export const opts = { seed: SEED, numRuns: RUNS };

export const computer = fc.constantFrom(...world.computers.map((c) => c.name));
export const share = fc.constantFrom(...diskShares);
/** Any share a connection event may name, IPC$ included. */
export const anyShare = fc.constantFrom(...world.shares.map((s) => s.name));
export const user = fc.option(fc.constantFrom(...world.accounts.map((a) => a.name)), { nil: undefined });

/** Every event type, weighted toward the client's. */
export const event: fc.Arbitrary<SimEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ computer, share: anyShare, user })
      .map(
        ({ computer, share, user }): SimEvent =>
          user === undefined
            ? { type: 'share.connect', computer, share }
            : { type: 'share.connect', computer, share, user },
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ computer, share: anyShare })
      .map((e): SimEvent => ({ type: 'share.disconnect', ...e })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ computer, share }).map((e): SimEvent => ({ type: 'file.open', ...e })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ computer, share }).map((e): SimEvent => ({ type: 'file.close', ...e })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ computer, share: anyShare })
      .map((e): SimEvent => ({ type: 'admin.disconnect', ...e })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SimEvent>({ type: 'licensing.stop' }, { type: 'licensing.start' }),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 4 })
      .map((licenses): SimEvent => ({ type: 'licensing.limit', licenses })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -1, max: 20 })
      .map((minutes): SimEvent => ({ type: 'autodisconnect.set', minutes })),
  },
);

export const tapeArb: fc.Arbitrary<TapeEntry[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 * 60_000 }), event), { maxLength: 40 })
  .map((pairs) => {
    let at = 0;
    return pairs.map(([delta, e]) => {
      at += delta;
      return { at, event: e };
    });
  });

export const configArb = fc.record({
  version: fc.constantFrom<NtVersion>(...NT_VERSIONS),
  autodisconnectMinutes: fc.integer({ min: -1, max: 30 }),
  licenseLimit: fc.integer({ min: 1, max: 3 }),
  licenseLogging: fc.boolean(),
});

export const untilArb = fc.integer({ min: 0, max: 6 * 60 * 60_000 });
