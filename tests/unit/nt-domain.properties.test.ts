import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeline, dcOf, PDC, SOURCE_KEYS, simulate } from '../../src/machines/nt-domain';
import { domainConfigArb, domainTapeArb } from './nt-domain.arbitraries';

/* Properties of the domain model over random tapes (fast-check; FC_RUNS, FC_SEED as for the server). */

const RUNS = Math.max(40, Math.floor(Number(process.env.FC_RUNS ?? 1000) / 8));
const opts = { seed: Number(process.env.FC_SEED ?? 297157), numRuns: RUNS };

const untilArb = fc.integer({ min: 0, max: 4 * 60 * 60_000 });

// Each property replays up to a few hundred random tapes: more than Vitest's 5 s on a loaded 2-core machine.
describe('nt-domain properties', { timeout: 30_000 }, () => {
  it('the same input gives the same view, and the log is in time order', () => {
    fc.assert(
      fc.property(domainConfigArb, domainTapeArb, untilArb, (config, tape, until) => {
        const a = simulate(config, tape, until);
        expect(simulate(config, tape, until)).toEqual(a);
        for (let i = 1; i < a.log.length; i++)
          expect(a.log[i]?.at).toBeGreaterThanOrEqual(a.log[i - 1]?.at ?? 0);
      }),
      opts,
    );
  });

  it('no count is ever negative, and a count at 0 has no reset window running', () => {
    fc.assert(
      fc.property(domainConfigArb, domainTapeArb, untilArb, (config, tape, until) => {
        for (const dc of simulate(config, tape, until).dcs)
          for (const a of dc.accounts) {
            expect(a.badPasswordCount).toBeGreaterThanOrEqual(0);
            if (a.badPasswordCount === 0) expect(a.countResetsAt).toBeNull();
            else expect(a.countResetsAt).toBeGreaterThan(until);
          }
      }),
      opts,
    );
  });

  it('a locked-out account never logs on: each attempt against a locked copy is refused with 1909', () => {
    let refusals = 0;
    fc.assert(
      fc.property(domainConfigArb, domainTapeArb, (config, tape) => {
        const timeline = createTimeline(config, tape);
        tape.forEach((entry, i) => {
          if (entry.event.type !== 'logon.attempt') return;
          const { computer, user } = entry.event;
          // The domain just before this entry: the earlier entries, and every timer due by its time.
          const before = simulate(config, tape.slice(0, i), entry.at);
          const decider = before.version === '4.0' ? PDC : dcOf(computer);
          const lockedCopy = before.dcs
            .find((d) => d.name === decider)
            ?.accounts.find((a) => a.user === user);
          const after = timeline.viewAt(entry.at);
          const answer = after.log.filter((e) => e.at === entry.at && e.computer === computer && !e.auto);
          const mine =
            answer[
              tape
                .slice(0, i)
                .filter((e) => e.at === entry.at && 'computer' in e.event && e.event.computer === computer)
                .length
            ];
          if (lockedCopy?.lockedOut) {
            expect(mine?.error).toBe(1909);
            refusals++;
          }
          if (mine?.error === undefined) expect(lockedCopy?.lockedOut).toBe(false);
        });
      }),
      { ...opts, numRuns: Math.ceil(RUNS / 2) },
    );
    // The random tapes do lock accounts: the property was put to the test.
    expect(refusals).toBeGreaterThan(0);
  });

  it('the view at t equals replaying the prefix of the tape up to t', () => {
    fc.assert(
      fc.property(
        domainConfigArb,
        domainTapeArb,
        fc.array(untilArb, { minLength: 1, maxLength: 4 }),
        (config, tape, times) => {
          const timeline = createTimeline(config, tape);
          for (const t of times) {
            const prefix = tape.filter((e) => e.at <= t);
            expect(timeline.viewAt(t)).toEqual(simulate(config, prefix, t));
          }
        },
      ),
      { ...opts, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('each attempt names the DC that validated it, errors are 1326 or 1909, and cites are source keys', () => {
    fc.assert(
      fc.property(domainConfigArb, domainTapeArb, untilArb, (config, tape, until) => {
        for (const e of simulate(config, tape, until).log) {
          if (e.error !== undefined) expect([1326, 1909]).toContain(e.error);
          if (e.via !== undefined) expect(e.dc).toBe(dcOf(e.computer ?? ''));
          for (const key of e.cites ?? []) expect(SOURCE_KEYS).toContain(key);
        }
      }),
      opts,
    );
  });
});
