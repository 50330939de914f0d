import fc from 'fast-check';
import {
  DOMAIN_VERSIONS,
  type DomainConfig,
  type DomainEvent,
  type DomainVersion,
  registry,
  type TapeEntry,
} from '../../src/machines/nt-domain';
import { eventsOf } from './arbitraries';

/** Every domain event, from its registry (a new event is generated without a test edit). */
const eventArb: fc.Arbitrary<DomainEvent> = eventsOf(registry);

/** Up to 30 entries, up to 8 minutes apart. */
export const domainTapeArb: fc.Arbitrary<TapeEntry[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 8 * 60_000 }), eventArb), { maxLength: 30 })
  .map((pairs) => {
    let at = 0;
    return pairs.map(([delta, event]) => {
      at += delta;
      return { at, event };
    });
  });

/** Any configuration User Manager accepts (the duration never shorter than the reset window). */
export const domainConfigArb: fc.Arbitrary<DomainConfig> = fc
  .record({
    version: fc.constantFrom<DomainVersion>(...DOMAIN_VERSIONS),
    lockoutThreshold: fc.integer({ min: 0, max: 6 }),
    resetCountMinutes: fc.integer({ min: 1, max: 40 }),
    extra: fc.integer({ min: 0, max: 30 }),
    forever: fc.boolean(),
    syncMinutes: fc.integer({ min: 1, max: 15 }),
  })
  .map(({ extra, forever, ...c }) => ({
    ...c,
    lockoutDurationMinutes: forever ? -1 : c.resetCountMinutes + extra,
  }));
