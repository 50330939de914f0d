import { describe, expect, it } from 'vitest';
import { AUTODISCONNECT_ZERO_MS, type SimEvent, simulate } from '../../src/machines';
import {
  close,
  codes,
  connect,
  disconnect,
  keepsLeftover,
  MIN,
  open,
  SEC,
  setAutodisconnect,
  shares,
  state,
  tape,
  uses,
  VERSIONS,
} from './helpers';

/*
 * Rule area: autodisconnect (src/machines/nt-server/rules/autodisconnect.ts). DESIGN.md's nt-server
 * row 5 on every version: what is idle, what counts as a request, -1 and 0, changing the value, and
 * the counters. Tests assert outcomes; nt-server.wording.test.ts holds the wording.
 */

describe.each(VERSIONS)('NT %s', (version) => {
  const lingers = keepsLeftover(version);

  it('row 5: an idle session is still listed 1 s before autodisconnect and gone at it', () => {
    const t = tape([0, connect('WKS1', 'TOOLS', 'Administrator')], [2 * MIN, disconnect('WKS1', 'TOOLS')]);
    const dueAt = lingers ? 17 * MIN : 2 * MIN;

    const before = simulate({ version }, t, 17 * MIN - SEC);
    const at = simulate({ version }, t, 17 * MIN);

    if (lingers) {
      expect(shares(before)).toEqual(['IPC$']);
      expect(before.connections[0].idleMs).toBe(15 * MIN - SEC);
    }
    expect(at.connections).toEqual([]);
    expect(at.licenses.inUse).toBe(0);
    if (lingers) expect(at.log.at(-1)).toMatchObject({ code: 'autodisconnect', at: dueAt });
  });

  it('row 5: any event from the computer is activity that restarts the idle time', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [10 * MIN, connect('WKS1', 'TOOLS')], // refused with error 5, still activity
      ),
      24 * MIN,
    );

    expect(shares(view)).toContain('PUBLIC');
    expect(view.connections[0].idleMs).toBe(14 * MIN);
  });

  it('row 5: an open file keeps the session past the autodisconnect time', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, open('WKS1', 'PUBLIC')]);

    const view = simulate({ version }, t, 3 * 60 * MIN);

    expect(shares(view)).toContain('PUBLIC');
    expect(view.connections.find((c) => c.share === 'PUBLIC')?.opens).toBe(1);
  });

  it('row 5: closing the last file starts the idle time from that moment', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [MIN, open('WKS1', 'PUBLIC')],
      [60 * MIN, close('WKS1', 'PUBLIC')],
    );

    expect(shares(simulate({ version }, t, 75 * MIN - SEC))).toContain('PUBLIC');
    expect(simulate({ version }, t, 75 * MIN).connections).toEqual([]);
  });

  it('row 5: -1 never drops an idle session, even after 30 days', () => {
    const view = simulate(
      { version, autodisconnectMinutes: -1 },
      tape([0, connect('WKS1', 'PUBLIC')]),
      30 * 24 * 60 * MIN,
    );

    expect(shares(view)).toContain('PUBLIC');
  });

  it('row 5: 0 drops a session after AUTODISCONNECT_ZERO_MS idle, never at the instant it is made', () => {
    const t = tape([5 * SEC, connect('WKS1', 'PUBLIC')]);
    const config = { version, autodisconnectMinutes: 0 };

    expect(shares(simulate(config, t))).toContain('PUBLIC');
    expect(shares(simulate(config, t, 5 * SEC + AUTODISCONNECT_ZERO_MS - 1))).toContain('PUBLIC');
    const view = simulate(config, t, 5 * SEC + AUTODISCONNECT_ZERO_MS);
    expect(view.connections).toEqual([]);
    expect(view.log.map((l) => [l.kind, l.at])).toEqual([
      ['connect', 5 * SEC],
      ['autodisconnect', 5 * SEC + AUTODISCONNECT_ZERO_MS],
    ]);
    expect(AUTODISCONNECT_ZERO_MS).toBeGreaterThanOrEqual(5 * SEC);
    expect(AUTODISCONNECT_ZERO_MS).toBeLessThanOrEqual(30 * SEC);
  });

  it('row 5: autodisconnect 0 waits AUTODISCONNECT_ZERO_MS of idleness, whatever the connection', () => {
    const view = simulate(
      { version, autodisconnectMinutes: 0 },
      tape([0, connect('WKS1', 'PUBLIC')], [5 * SEC, open('WKS1', 'PUBLIC')], [MIN, close('WKS1', 'PUBLIC')]),
      MIN + AUTODISCONNECT_ZERO_MS,
    );
    expect(view.log.filter((l) => l.code === 'autodisconnect').map((l) => l.at)).toEqual([
      MIN + AUTODISCONNECT_ZERO_MS,
    ]);
  });

  it('row 5: lowering autodisconnect applies to the idle time already counted', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [10 * MIN, setAutodisconnect(5)]);

    const view = simulate({ version }, t);

    expect(view.connections).toEqual([]);
    expect(codes(view).slice(1)).toEqual(['autodisconnect.set', 'autodisconnect']);
    expect(view.log.at(-1)).toMatchObject({ code: 'autodisconnect', at: 10 * MIN });
  });

  it('row 5: raising autodisconnect keeps the session longer', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, setAutodisconnect(60)]);

    expect(shares(simulate({ version }, t, 60 * MIN - SEC))).toContain('PUBLIC');
    expect(simulate({ version }, t, 60 * MIN).connections).toEqual([]);
  });

  it('row 5: autodisconnect counts in Sessions Timed Out and Sessions Errored Out, and leaves the uses Disconnected', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]), 15 * MIN);
    expect(state(view)).toBe('none');
    expect(view.counters).toEqual({
      sessionsTimedOut: 1,
      sessionsErroredOut: 1,
      sessionsForcedOff: 0,
      sessionsLoggedOff: 0,
    });
    expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
    expect(view.log.at(-1)).toMatchObject({ code: 'autodisconnect', cites: ['autodisconnect-counters'] });
  });

  it('row 5: error 1219 never reaches the server and is not activity; error 5 is', () => {
    const base: [number, SimEvent][] = [[0, connect('WKS1', 'PUBLIC')]];
    const with1219 = simulate(
      { version },
      tape(...base, [10 * MIN, connect('WKS1', 'TOOLS', 'Administrator')]),
      15 * MIN,
    );
    expect(with1219.log[1]).toMatchObject({
      error: 1219,
      kind: 'refused',
      code: 'session.refused.credentials',
    });
    expect(state(with1219)).toBe('none');
    expect(with1219.log.at(-1)).toMatchObject({ code: 'autodisconnect', at: 15 * MIN });

    const with5 = simulate({ version }, tape(...base, [10 * MIN, connect('WKS1', 'TOOLS')]), 15 * MIN);
    expect(with5.log[1]).toMatchObject({ error: 5, code: 'share.refused.access' });
    expect(state(with5)).toBe('holding');
    expect(with5.sessions[0].idleMs).toBe(5 * MIN);
  });
});

describe('the autodisconnect value in force', () => {
  it('is the one at the moment asked', () => {
    const t = tape([60_000, setAutodisconnect(-1)]);

    expect(simulate({ version: '3.51', autodisconnectMinutes: 30 }, t, 59_000).autodisconnectMinutes).toBe(
      30,
    );
    expect(simulate({ version: '3.51', autodisconnectMinutes: 30 }, t, 60_000).autodisconnectMinutes).toBe(
      -1,
    );
  });
});
