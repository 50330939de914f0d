import { describe, expect, it } from 'vitest';
import { AUTODISCONNECT_ZERO_MS, type NtVersion, simulate } from '../../src/machines';
import { close, connect, disconnect, MIN, open, SEC, tape } from './helpers';

const versions: NtVersion[] = ['3.5', '3.51', '4.0'];

describe.each(versions)('NT %s', (version) => {
  const lingers = version !== '4.0';
  // NT 3.5 has no License Logging service and no per-server limit (Q122925).
  const licensing = version !== '3.5';
  // Registered only where licensing exists; NT 3.5's own licensing rows are in kernel.network.test.ts.
  const itLicensing = (name: string, fn: () => void) => {
    if (licensing) it(name, fn);
  };
  const shares = (view: ReturnType<typeof simulate>, computer = 'WKS1') =>
    view.connections.filter((c) => c.computer === computer).map((c) => c.share);

  it('row 1: a first connection lists IPC$ and the share on 3.5/3.51, only the share on 4.0', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]));

    expect(shares(view)).toEqual(lingers ? ['IPC$', 'PUBLIC'] : ['PUBLIC']);
    expect(view.log[0].text).toContain(lingers ? 'IPC$ connected as well' : 'dropped at once');
  });

  it('row 2: while a share is held Server Manager shows the account name', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'TOOLS', 'Administrator')]));

    for (const c of view.connections) {
      expect(c.shownUser).toBe('Administrator');
      expect(c.account).toBe('Administrator');
    }
  });

  it('row 3: after the last share goes, IPC$ stays with no account (3.5x) or the session ends (4.0)', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'TOOLS', 'Administrator')], [2 * MIN, disconnect('WKS1', 'TOOLS')]),
    );

    if (lingers) {
      expect(view.connections).toEqual([
        expect.objectContaining({ computer: 'WKS1', share: 'IPC$', account: null, shownUser: 'WKS1' }),
      ]);
      expect(view.licenses.inUse).toBe(licensing ? 1 : 0);
    } else {
      expect(view.connections).toEqual([]);
      expect(view.licenses.inUse).toBe(0);
    }
  });

  itLicensing('row 4: licensing counts sessions, not shares', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC', 'Administrator')],
        [SEC, connect('WKS1', 'TOOLS', 'Administrator')],
        [2 * SEC, connect('WKS2', 'PUBLIC')],
      ),
    );

    expect(view.licenses).toEqual({ inUse: 2, limit: 5, logging: true, service: 'running' });
  });

  itLicensing('row 4: a new session over the limit is refused with error 71', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')]),
    );

    expect(shares(view, 'WKS2')).toEqual([]);
    expect(view.log.at(-1)).toMatchObject({ error: 71, kind: 'refused' });
    expect(view.log.at(-1)?.text).toContain('1 of 1 in use');
  });

  itLicensing('row 4: Administrator over the limit is let in and counted', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'TOOLS', 'Administrator')]),
    );

    expect(shares(view, 'WKS2')).toContain('TOOLS');
    expect(view.licenses.inUse).toBe(2);
  });

  itLicensing('row 4: with License Logging stopped nothing is counted or refused', () => {
    const view = simulate(
      { version, licenseLimit: 1, licenseLogging: false },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')]),
    );

    expect(view.licenses).toEqual({ inUse: 0, limit: 1, logging: false, service: 'stopped' });
    expect(shares(view, 'WKS2')).toContain('PUBLIC');
  });

  itLicensing('row 4: stopping the service frees the licence and lets the refused user in', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS2', 'PUBLIC')],
        [2 * SEC, { type: 'licensing.stop' }],
        [3 * SEC, connect('WKS2', 'PUBLIC')],
      ),
    );

    expect(view.log.map((l) => l.error ?? 0)).toEqual([0, 71, 0, 0]);
    expect(view.licenses.inUse).toBe(0);
    expect(shares(view, 'WKS2')).toContain('PUBLIC');
  });

  itLicensing('row 4: starting the service again counts the sessions open at that moment', () => {
    const view = simulate(
      { version, licenseLimit: 1, licenseLogging: false },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS2', 'PUBLIC')],
        [2 * SEC, { type: 'licensing.start' }],
      ),
    );

    expect(view.licenses).toEqual({ inUse: 2, limit: 1, logging: true, service: 'running' });
  });

  it('row 4: a session that ends releases its licence', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]),
      20 * MIN,
    );

    expect(view.licenses.inUse).toBe(0);
    expect(view.connections).toEqual([]);
  });

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
    if (lingers) expect(at.log.at(-1)).toMatchObject({ kind: 'autodisconnect', at: dueAt });
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

  it('row 5: lowering autodisconnect applies to the idle time already counted', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [10 * MIN, { type: 'autodisconnect.set', minutes: 5 }]);

    const view = simulate({ version }, t);

    expect(view.connections).toEqual([]);
    expect(view.log.at(-1)).toMatchObject({ kind: 'autodisconnect', at: 10 * MIN });
  });

  it('row 5: raising autodisconnect keeps the session longer', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, { type: 'autodisconnect.set', minutes: 60 }]);

    expect(shares(simulate({ version }, t, 60 * MIN - SEC))).toContain('PUBLIC');
    expect(simulate({ version }, t, 60 * MIN).connections).toEqual([]);
  });

  it('row 6: a second set of credentials from the same computer is refused with error 1219', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS1', 'TOOLS', 'Administrator')]),
    );

    expect(view.log.at(-1)).toMatchObject({ error: 1219, kind: 'refused' });
    expect(shares(view)).not.toContain('TOOLS');
  });

  it('row 6: the user at the same computer must authenticate as themself and is refused TOOLS', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'TOOLS', 'Administrator')],
        [2 * MIN, disconnect('WKS1', 'TOOLS')],
        [3 * MIN, connect('WKS1', 'TOOLS')],
      ),
    );

    expect(view.log.at(-1)).toMatchObject({ error: 5 });
    expect(shares(view)).toEqual(lingers ? ['IPC$'] : []);
    expect(view.connections.every((c) => c.account === null)).toBe(true);
  });

  it('row 6: the next connection from the computer carries the logged-on user', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'TOOLS', 'Administrator')],
        [2 * MIN, disconnect('WKS1', 'TOOLS')],
        [3 * MIN, connect('WKS1', 'PUBLIC')],
      ),
    );

    expect(shares(view)).toEqual(lingers ? ['IPC$', 'PUBLIC'] : ['PUBLIC']);
    expect(view.connections.every((c) => c.account === 'jsmith' && c.shownUser === 'jsmith')).toBe(true);
    expect(view.licenses.inUse).toBe(licensing ? 1 : 0);
  });

  it('row 6: access denied on a brand-new session adds nothing and takes no licence', () => {
    const view = simulate({ version }, tape([0, connect('WKS2', 'TOOLS')]), 20 * MIN);

    expect(view.connections).toEqual([]);
    expect(view.licenses.inUse).toBe(0);
    expect(view.log).toHaveLength(1);
    expect(view.log[0]).toMatchObject({ error: 5, kind: 'refused', computer: 'WKS2' });
  });

  it('row 7: the same input gives the same view', () => {
    const t = tape(
      [0, connect('WKS1', 'TOOLS', 'Administrator')],
      [MIN, open('WKS1', 'TOOLS')],
      [2 * MIN, close('WKS1', 'TOOLS')],
      [3 * MIN, disconnect('WKS1', 'TOOLS')],
      [4 * MIN, connect('WKS2', 'PUBLIC')],
    );

    expect(simulate({ version }, t, 30 * MIN)).toEqual(simulate({ version }, t, 30 * MIN));
  });

  it('times: connectedMs counts from the connection, idleMs from the last activity', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [2 * MIN, connect('WKS1', 'TOOLS', 'jsmith')],
        [3 * MIN, open('WKS1', 'PUBLIC')],
      ),
      5 * MIN,
    );

    const pub = view.connections.find((c) => c.share === 'PUBLIC');
    expect(pub).toMatchObject({ connectedMs: 5 * MIN, idleMs: 2 * MIN, opens: 1 });
    if (lingers) expect(view.connections[0]).toMatchObject({ share: 'IPC$', connectedMs: 5 * MIN });
  });
});

describe('files and refusals without a connection', () => {
  it('refuses to open or close a file without a connection, and to close when nothing is open', () => {
    const view = simulate(
      { version: '3.51' },
      tape(
        [0, open('WKS1', 'PUBLIC')],
        [SEC, connect('WKS1', 'PUBLIC')],
        [2 * SEC, close('WKS1', 'PUBLIC')],
        [3 * SEC, disconnect('WKS1', 'TOOLS')],
      ),
    );

    expect(view.log.map((l) => l.kind)).toEqual(['refused', 'connect', 'refused', 'refused']);
    expect(view.log[0].text).toContain('no use of \\\\NTSERVER\\PUBLIC');
    expect(view.log[2].text).toContain('no open file');
    expect(view.log[3].text).toContain('no use of \\\\NTSERVER\\TOOLS.');
  });

  it('an empty tape shows an empty server at 0', () => {
    const none = {
      state: 'none',
      account: null,
      opens: 0,
      idleMs: 0,
      autodisconnectAt: null,
      licensed: false,
    };
    expect(simulate({ version: '4.0' }, [])).toEqual({
      now: 0,
      connections: [],
      licenses: { inUse: 0, limit: 5, logging: true, service: 'running' },
      clients: [
        { computer: 'WKS1', loggedOn: 'jsmith', uses: [] },
        { computer: 'WKS2', loggedOn: 'mlee', uses: [] },
      ],
      sessions: [
        { computer: 'WKS1', ...none },
        { computer: 'WKS2', ...none },
      ],
      counters: { sessionsTimedOut: 0, sessionsErroredOut: 0, sessionsForcedOff: 0, sessionsLoggedOff: 0 },
      lingering: [],
      autodisconnectMinutes: 15,
      log: [],
    });
  });

  it('reports the autodisconnect value in force at the moment asked', () => {
    const tape = [{ at: 60_000, event: { type: 'autodisconnect.set', minutes: -1 } } as const];

    expect(
      simulate({ version: '3.51', autodisconnectMinutes: 30 }, [...tape], 59_000).autodisconnectMinutes,
    ).toBe(30);
    expect(
      simulate({ version: '3.51', autodisconnectMinutes: 30 }, [...tape], 60_000).autodisconnectMinutes,
    ).toBe(-1);
  });
});
