import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  AUTODISCONNECT_ZERO_MS,
  createTimeline,
  decode,
  encode,
  type LinkState,
  MAX_LINK_CHARS,
  NT_VERSIONS,
  type NtVersion,
  simulate,
} from '../../src/machines';
import { LOG_CODES, type LogCode } from '../../src/machines/nt-server/codes';
import { configArb, opts, tapeArb, untilArb } from './arbitraries';

/** The outcomes in which a connection authenticates its account on the session. */
const AUTHENTICATED = new Set<LogCode>([
  'session.new',
  'session.new.ipc-dropped',
  'session.new.ipc-only',
  'session.join',
  'session.reauth',
  'ipc.explicit',
  'ipc.explicit.reauth',
  'use.reconnect',
]);

// Property runs take seconds, more on a busy machine: time is not what these tests assert.
vi.setConfig({ testTimeout: 10_000 });

describe('kernel invariants on random tapes', () => {
  it('every log entry carries one of the model’s outcome codes; refusals, and only they, carry a refusal code', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const wrong = simulate(config, tape, until).log.filter((entry) => {
          const refusal = entry.code.includes('.refused.');
          return (
            !Object.hasOwn(LOG_CODES, entry.code) ||
            ((entry.kind === 'refused' || entry.error !== undefined) && !refusal) ||
            (refusal && entry.kind !== 'refused' && entry.kind !== 'admin')
          );
        });
        expect(wrong).toEqual([]);
      }),
      opts,
    );
  });

  it('licences in use equal the counted sessions while logging, 0 when stopped or absent (3.5), never negative', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        expect(view.licenses.inUse).toBeGreaterThanOrEqual(0);
        expect(view.licenses.inUse).toBe(view.sessions.filter((s) => s.licensed).length);
        if (!view.licenses.logging) expect(view.licenses.inUse).toBe(0);
        expect(view.licenses.service).toBe(
          config.version === '3.5' ? 'absent' : view.licenses.logging ? 'running' : 'stopped',
        );
        if (config.version === '3.5') expect(view.log.some((l) => l.error === 71)).toBe(false);
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
            (l) => l.computer === c.computer && AUTHENTICATED.has(l.code) && l.text.includes(` ${c.account}`),
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

  it('a use is OK exactly when the server lists its connection; the implicit IPC$ is never a use', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        for (const client of view.clients) {
          const listed = view.connections.filter((c) => c.computer === client.computer);
          for (const use of client.uses) {
            const row = listed.find((c) => c.share === use.share);
            if (use.status === 'OK') {
              expect(row).toBeDefined();
              expect(row?.account).toBe(use.account);
            }
          }
          for (const row of listed) {
            const use = client.uses.find((u) => u.share === row.share);
            if (row.share !== 'IPC$') expect(use?.status).toBe('OK');
            if (row.account === null) expect(use).toBeUndefined();
          }
          const accounts = new Set(client.uses.map((u) => u.account));
          expect(accounts.size).toBeLessThanOrEqual(1);
        }
      }),
      opts,
    );
  });

  it('session states agree with the connections listed', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        for (const s of view.sessions) {
          const listed = view.connections.filter((c) => c.computer === s.computer);
          if (s.state === 'none') expect(listed).toEqual([]);
          if (s.state === 'leftover') {
            expect(listed.map((c) => [c.share, c.shownUser])).toEqual([['IPC$', s.computer]]);
            expect(config.version).not.toBe('4.0');
          }
          if (s.state === 'explicitIpc') expect(listed.map((c) => c.share)).toEqual(['IPC$']);
          if (s.state === 'holding') expect(listed.every((c) => c.account === s.account)).toBe(true);
        }
      }),
      opts,
    );
  });

  it('4.0 lists IPC$ only when asked for by name; 3.5 and 3.51 list it for every session not closed by Server Manager', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        const explicit = tape.some((e) => e.event.type === 'share.connect' && e.event.share === 'IPC$');
        const admin = tape.some((e) => e.event.type === 'admin.disconnect');
        const computers = new Set(view.connections.map((c) => c.computer));
        const ipc = view.connections.filter((c) => c.share === 'IPC$');
        if (config.version === '4.0' && !explicit) expect(ipc.length).toBe(0);
        if (config.version !== '4.0' && !admin) expect(ipc.length).toBe(computers.size);
      }),
      opts,
    );
  });

  it('3.5 lists what 3.51 lists with License Logging stopped and no licensing events', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const plain = tape.filter((e) => !e.event.type.startsWith('licensing.'));
        const a = simulate({ ...config, version: '3.5' }, plain, until);
        const b = simulate({ ...config, version: '3.51', licenseLogging: false }, plain, until);
        expect(a.connections).toEqual(b.connections);
        expect(a.clients).toEqual(b.clients);
        expect(a.counters).toEqual(b.counters);
      }),
      opts,
    );
  });

  it('replay is deterministic and the log is in time order, with every entry answered', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const a = simulate(config, tape, until);
        expect(simulate(config, tape, until)).toEqual(a);
        for (let i = 1; i < a.log.length; i++) expect(a.log[i].at).toBeGreaterThanOrEqual(a.log[i - 1].at);
        const applied = tape.filter((e) => e.at <= until).length;
        expect(a.log.filter((l) => l.kind !== 'autodisconnect').length).toBeGreaterThanOrEqual(applied);
        for (const c of a.connections) {
          expect(c.idleMs).toBeGreaterThanOrEqual(0);
          expect(c.connectedMs).toBeGreaterThanOrEqual(0);
          expect(c.opens).toBeGreaterThanOrEqual(0);
        }
      }),
      opts,
    );
  });

  it('an idle session without open files never outlives autodisconnect (0 = AUTODISCONNECT_ZERO_MS)', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const view = simulate(config, tape, until);
        const minutes = view.autodisconnectMinutes;
        if (minutes < 0) return;
        const limit = minutes === 0 ? AUTODISCONNECT_ZERO_MS : minutes * 60_000;
        for (const s of view.sessions) {
          if (s.state !== 'none' && s.opens === 0) {
            expect(s.idleMs).toBeLessThan(limit);
            expect(s.autodisconnectAt).toBe(until - s.idleMs + limit);
          }
        }
      }),
      opts,
    );
  });

  it('counters only go up; timed out equals errored out equals the autodisconnects logged (Q159600)', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.array(untilArb, { minLength: 2, maxLength: 5 }),
        (config, tape, times) => {
          const timeline = createTimeline(config, tape);
          let previous = simulate(config, [], 0).counters;
          for (const t of [...times].sort((x, y) => x - y)) {
            const view = timeline.viewAt(t);
            const { counters } = view;
            expect(counters.sessionsTimedOut).toBe(counters.sessionsErroredOut);
            expect(counters.sessionsTimedOut).toBe(
              view.log.filter((l) => l.kind === 'autodisconnect').length,
            );
            for (const k of Object.keys(counters) as (keyof typeof counters)[]) {
              expect(counters[k]).toBeGreaterThanOrEqual(previous[k]);
            }
            previous = counters;
          }
        },
      ),
      opts,
    );
  });
});

describe('what the client decides never reaches the server', () => {
  it('a connection refused with 1219 changes nothing but the log, now or later (Q173199)', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        untilArb,
        fc.integer({ min: 0, max: 60 * 60_000 }),
        fc.constantFrom('WKS1', 'WKS2'),
        (config, tape, t, later, computer) => {
          const before = simulate(config, tape, t);
          const held =
            before.sessions.find((s) => s.computer === computer)?.account ??
            before.clients.find((c) => c.computer === computer)?.uses[0]?.account;
          if (!held) return;
          const other = ['Administrator', 'jsmith', 'mlee'].find((a) => a !== held) as string;
          // A share the client has no use of (a Disconnected use would reconnect as its own account).
          const used = new Set(before.clients.find((c) => c.computer === computer)?.uses.map((u) => u.share));
          const share = ['PUBLIC', 'TOOLS', 'IPC$'].find((x) => !used.has(x));
          if (!share) return;
          const i = tape.findIndex((e) => e.at > t);
          const at = i < 0 ? tape.length : i;
          const withRefusal = [
            ...tape.slice(0, at),
            { at: t, event: { type: 'share.connect' as const, computer, share, user: other } },
            ...tape.slice(at),
          ];
          const u = t + later;
          const a = simulate(config, withRefusal, u);
          const b = simulate(config, tape, u);
          const refusal = a.log.find((l) => l.at === t && l.error === 1219 && l.computer === computer);
          expect(refusal).toBeDefined();
          expect({ ...a, log: a.log.filter((l) => l !== refusal) }).toEqual(b);
        },
      ),
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
        expect(text.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
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
