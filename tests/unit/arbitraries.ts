import fc from 'fast-check';
import {
  diskShares,
  NT_VERSIONS,
  type NtVersion,
  registry,
  type SimEvent,
  type TapeEntry,
  world,
} from '../../src/machines';
import type { Registry } from '../../src/machines/kernel';

export const RUNS = Number(process.env.FC_RUNS ?? 1000);
export const SEED = Number(process.env.FC_SEED ?? 153066);
export const opts = { seed: SEED, numRuns: RUNS };

export const computer = fc.constantFrom(...world.computers.map((c) => c.name));
export const share = fc.constantFrom(...diskShares);
/** Any share a connection event may name, IPC$ included. */
export const anyShare = fc.constantFrom(...world.shares.map((s) => s.name));
export const user = fc.option(fc.constantFrom(...world.accounts.map((a) => a.name)), { nil: undefined });

/**
 * Any event of a model, derived from its registry: every declared type (weighted by its `weight`),
 * each name field from the world's values (an optional one sometimes left out), each number from its
 * `sample` range (else its whole range). A new event in a registry is generated without a test edit.
 */
export function eventsOf<E extends { type: string }>(registry: Registry<E>): fc.Arbitrary<E> {
  return fc.oneof(
    ...registry.types.map((type) => {
      const spec = registry.specs[type as E['type']];
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        const value: fc.Arbitrary<unknown> =
          field.kind === 'name'
            ? fc.constantFrom(...field.values)
            : fc.integer({ min: field.sample?.[0] ?? field.min, max: field.sample?.[1] ?? field.max });
        fields[name] = field.optional ? fc.option(value, { nil: undefined }) : value;
      }
      const arbitrary = fc.record(fields).map((values) => {
        const event: Record<string, unknown> = { type };
        for (const [k, v] of Object.entries(values)) if (v !== undefined) event[k] = v;
        return event as E;
      });
      return { weight: spec.weight ?? 1, arbitrary };
    }),
  );
}

/** Every NT server event, weighted toward the client's (the registry's weights). */
export const event: fc.Arbitrary<SimEvent> = eventsOf(registry);

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
