import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decode,
  diskShares,
  encode,
  type LinkState,
  NT_VERSIONS,
  type NtVersion,
  type SimEvent,
  simulate,
  type TapeEntry,
  world,
} from '../../src/machines';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const SEED = Number(process.env.FC_SEED ?? 153066);
const opts = { seed: SEED, numRuns: RUNS };

const computer = fc.constantFrom(...world.computers.map((c) => c.name));
const share = fc.constantFrom(...diskShares);
const user = fc.option(fc.constantFrom(...world.accounts.map((a) => a.name)), { nil: undefined });

const event: fc.Arbitrary<SimEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ computer, share, user })
      .map(
        ({ computer, share, user }): SimEvent =>
          user === undefined
            ? { type: 'share.connect', computer, share }
            : { type: 'share.connect', computer, share, user },
      ),
  },
  {
    weight: 2,
    arbitrary: fc.record({ computer, share }).map((e): SimEvent => ({ type: 'share.disconnect', ...e })),
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
    arbitrary: fc.constantFrom<SimEvent>({ type: 'licensing.stop' }, { type: 'licensing.start' }),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -1, max: 20 })
      .map((minutes): SimEvent => ({ type: 'autodisconnect.set', minutes })),
  },
);

const tapeArb: fc.Arbitrary<TapeEntry[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 * 60_000 }), event), { maxLength: 40 })
  .map((pairs) => {
    let at = 0;
    return pairs.map(([delta, e]) => {
      at += delta;
      return { at, event: e };
    });
  });

const configArb = fc.record({
  version: fc.constantFrom<NtVersion>(...NT_VERSIONS),
  autodisconnectMinutes: fc.integer({ min: -1, max: 30 }),
  licenseLimit: fc.integer({ min: 1, max: 3 }),
  licenseLogging: fc.boolean(),
});

const untilArb = fc.integer({ min: 0, max: 6 * 60 * 60_000 });

describe('kernel invariants on random tapes', () => {
  it('licences in use equal the counted sessions while logging, 0 when stopped, never negative', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        const sessions = new Set(view.connections.map((c) => c.computer)).size;
        expect(view.licenses.inUse).toBeGreaterThanOrEqual(0);
        expect(view.licenses.inUse).toBe(view.licenses.logging ? sessions : 0);
      }),
      opts,
    );
  });

  it('no connection carries an account that did not authenticate on its session', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        for (const c of view.connections) {
          expect(c.shownUser).toBe(c.account ?? c.computer);
          if (c.account === null) {
            expect(c.share).toBe('IPC$');
            continue;
          }
          const authenticated = view.log.some(
            (l) =>
              l.computer === c.computer &&
              l.kind === 'connect' &&
              l.text.startsWith(`${c.computer}: ${c.account} connected`),
          );
          expect(authenticated).toBe(true);
          if (c.share === 'TOOLS') expect(c.account).toBe('Administrator');
        }
        const perComputer = new Map<string, Set<string | null>>();
        for (const c of view.connections) {
          const set = perComputer.get(c.computer) ?? new Set();
          set.add(c.account);
          perComputer.set(c.computer, set);
        }
        for (const accounts of perComputer.values()) expect(accounts.size).toBe(1);
      }),
      opts,
    );
  });

  it('4.0 never lists IPC$; 3.5 and 3.51 list it for every session', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        const computers = new Set(view.connections.map((c) => c.computer));
        const ipc = view.connections.filter((c) => c.share === 'IPC$');
        expect(ipc.length).toBe(config.version === '4.0' ? 0 : computers.size);
      }),
      opts,
    );
  });

  it('3.5 behaves exactly like 3.51', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        expect(simulate({ ...config, version: '3.5' }, tape, until)).toEqual(
          simulate({ ...config, version: '3.51' }, tape, until),
        );
      }),
      opts,
    );
  });

  it('replay is deterministic and the log is in time order, with every entry applied', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const a = simulate(config, tape, until);
        expect(simulate(config, tape, until)).toEqual(a);
        for (let i = 1; i < a.log.length; i++) expect(a.log[i].at).toBeGreaterThanOrEqual(a.log[i - 1].at);
        const applied = tape.filter((e) => e.at <= until).length;
        expect(a.log.filter((l) => l.kind !== 'autodisconnect').length).toBe(applied);
        for (const c of a.connections) {
          expect(c.idleMs).toBeGreaterThanOrEqual(0);
          expect(c.connectedMs).toBeGreaterThanOrEqual(0);
          expect(c.opens).toBeGreaterThanOrEqual(0);
        }
      }),
      opts,
    );
  });

  it('an idle session without open files never outlives autodisconnect', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        const minutes = [
          config.autodisconnectMinutes,
          ...tape
            .filter((e) => e.at <= until)
            .map((e) => (e.event.type === 'autodisconnect.set' ? e.event.minutes : null))
            .filter((m): m is number => m !== null),
        ].at(-1) as number;
        if (minutes < 0) return;
        for (const c of view.connections) {
          const opens = view.connections
            .filter((x) => x.computer === c.computer)
            .reduce((n, x) => n + x.opens, 0);
          if (opens === 0) expect(c.idleMs).toBeLessThan(minutes * 60_000);
        }
      }),
      opts,
    );
  });
});

describe('deep links on random states', () => {
  const linkArb: fc.Arbitrary<LinkState> = fc.record({
    config: fc.record({
      version: fc.constantFrom<NtVersion>(...NT_VERSIONS),
      autodisconnectMinutes: fc.integer({ min: -1, max: 65535 }),
      licenseLimit: fc.integer({ min: 1, max: 9999 }),
      licenseLogging: fc.boolean(),
    }),
    tape: tapeArb,
    at: fc.integer({ min: 0, max: 7 * 24 * 60 * 60_000 }),
  });

  it('decode(encode(x)) gives x back, in URL-safe characters', () => {
    fc.assert(
      fc.property(linkArb, (state) => {
        const text = encode(state);
        expect(text).toMatch(/^[A-Za-z0-9._~-]+$/);
        expect(decode(text)).toEqual({ ok: true, value: state });
      }),
      opts,
    );
  });

  const accepted = (text: string) => {
    const result = decode(text);
    if (result.ok) {
      expect(() => simulate(result.value.config, result.value.tape, result.value.at)).not.toThrow();
    } else {
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  };

  it('decode never throws on arbitrary strings, and what it accepts replays', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), accepted), opts);
    fc.assert(
      fc.property(fc.stringMatching(/^1\.[a-zA-Z0-9_~-]{0,12}\.[a-zA-Z0-9_~-]{0,40}$/), accepted),
      opts,
    );
  });

  it('decode never throws on truncated or mutated valid links', () => {
    fc.assert(
      fc.property(linkArb, fc.nat(), fc.nat(), fc.constantFrom(...'aZ5_-~.9!%'), (state, cut, pos, ch) => {
        const text = encode(state);
        accepted(text.slice(0, cut % (text.length + 1)));
        const i = pos % text.length;
        accepted(text.slice(0, i) + ch + text.slice(i + 1));
      }),
      opts,
    );
  });
});
