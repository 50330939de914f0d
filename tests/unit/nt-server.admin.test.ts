import { describe, expect, it } from 'vitest';
import {
  decode,
  encode,
  type NtVersion,
  type SimEvent,
  SimulationInputError,
  simulate,
} from '../../src/machines';
import {
  admin,
  close,
  connect,
  disconnect,
  hasLicensing,
  keepsLeftover,
  listed,
  MIN,
  open,
  SEC,
  state,
  tape,
  uses,
  VERSIONS,
} from './helpers';

/*
 * Rule area: Server Manager (src/machines/nt-server/rules/admin.ts). DESIGN.md's nt-server row 10 on
 * every version: Disconnect on a row listed under an account ends the computer's whole session; the
 * leftover IPC$ listed under the computer name cannot be disconnected; and `net session \\computer
 * /delete` at the server (session-delete, Q258837's workaround), which ends every logon from that
 * computer; whether it also takes a leftover IPC$ session is a modelling choice
 * (session-delete-leftover). Tests assert outcomes; nt-server.wording.test.ts holds the wording.
 */

const del = (computer: string): SimEvent => ({ type: 'session.delete', computer });

describe.each(VERSIONS)('NT %s', (version) => {
  const lingers = keepsLeftover(version);
  const licensing = hasLicensing(version);

  it('row 10: Server Manager on a row listed under an account ends the whole session: every connection, open files closed', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS1', 'IPC$')],
        [2 * SEC, open('WKS1', 'PUBLIC')],
        [3 * SEC, close('WKS1', 'PUBLIC')],
        [5 * MIN, open('WKS1', 'PUBLIC')],
        [6 * MIN, admin('WKS1', 'PUBLIC')],
      ),
      7 * MIN,
    );
    expect(listed(view)).toEqual([]);
    expect(state(view)).toBe('none');
    expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected', 'IPC$:jsmith:Disconnected']);
    expect(view.log.at(-1)).toMatchObject({
      kind: 'admin',
      code: 'admin.forced-off',
      computer: 'WKS1',
      cites: ['ipc-not-disconnectable'],
    });
    expect(view.counters).toMatchObject({ sessionsForcedOff: 1, sessionsLoggedOff: 0, sessionsTimedOut: 0 });
    expect(view.licenses.inUse).toBe(0);
  });

  it('row 10: the uses Server Manager cut reconnect transparently, as a new session with its licence (71 at the limit)', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, admin('WKS1', 'PUBLIC')],
      [2 * SEC, connect('WKS2', 'PUBLIC')],
      [3 * SEC, open('WKS1', 'PUBLIC')],
    );
    const view = simulate({ version, licenseLimit: 1 }, t);
    if (licensing) {
      expect(view.log.at(-1)).toMatchObject({ error: 71, code: 'session.refused.licence' });
      expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
    } else {
      expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
      expect(listed(view)).toContain('PUBLIC:jsmith');
    }
  });

  it('row 10: the leftover IPC$ listed under the computer name cannot be disconnected: refused in the log, nothing changes', () => {
    if (!lingers) return;
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]);
    const before = simulate({ version }, t, 3 * MIN);
    const view = simulate({ version }, [...t, { at: 2 * MIN, event: admin('WKS1', 'IPC$') }], 3 * MIN);
    expect(view.log.at(-1)).toMatchObject({ code: 'admin.refused.leftover', computer: 'WKS1' });
    expect(view.log.at(-1)?.cites).toEqual(['ipc-not-disconnectable']);
    expect({ ...view, log: [] }).toEqual({ ...before, log: [] });
  });

  it('row 10: while the share is held, Server Manager can disconnect the implicit IPC$ row, and the session goes with it (3.5/3.51)', () => {
    if (!lingers) return;
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')], [SEC, admin('WKS1', 'IPC$')]));
    expect(view.connections).toEqual([]);
    expect(view.counters.sessionsForcedOff).toBe(1);
    expect(view.licenses.inUse).toBe(0);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
  });

  it('row 10: Server Manager on a connection that is not listed changes nothing', () => {
    const view = simulate({ version }, tape([0, admin('WKS2', 'TOOLS')]));
    expect(view.log).toHaveLength(1);
    expect(view.log[0]).toMatchObject({ kind: 'admin', code: 'admin.refused.not-listed' });
    expect(view.connections).toEqual([]);
  });
});

describe.each<NtVersion>(['3.5', '3.51', '4.0'])('NT %s: net session \\\\computer /delete', (version) => {
  it('ends the whole session, open files closed, and leaves the client its uses, Disconnected', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, open('WKS1', 'PUBLIC')],
      [2 * SEC, connect('WKS1', 'TOOLS', 'jsmith')],
      [MIN, del('WKS1')],
    );
    const before = simulate({ version }, t, MIN - 1);
    expect(before.connections.filter((c) => c.computer === 'WKS1').length).toBeGreaterThan(0);
    const view = simulate({ version }, t, MIN);
    expect(view.connections).toEqual([]);
    expect(view.sessions.find((s) => s.computer === 'WKS1')?.state).toBe('none');
    expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
    expect(view.counters.sessionsForcedOff).toBe(1);
    const entry = view.log.at(-1);
    expect(entry?.cites).toEqual(['session-delete']);
    expect(entry?.code).toBe('admin.session-deleted');
  });

  it('leaves the other computer alone, and a second delete finds nothing and changes nothing', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')], [MIN, del('WKS1')]);
    const once = simulate({ version }, t, MIN);
    expect(once.connections.map((c) => c.computer)).not.toContain('WKS1');
    expect(once.connections.map((c) => c.computer)).toContain('WKS2');
    const twice = simulate({ version }, [...t, { at: MIN + SEC, event: del('WKS1') }], MIN + SEC);
    expect(twice.connections).toEqual(
      once.connections.map((c) => ({ ...c, connectedMs: c.connectedMs + SEC, idleMs: c.idleMs + SEC })),
    );
    expect(twice.counters).toEqual(once.counters);
    expect(twice.log.at(-1)?.code).toBe('admin.refused.no-session');
    expect(twice.log.at(-1)?.error).toBeUndefined();
  });

  it('is not the client’s activity: the next access reconnects transparently as a new session', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, del('WKS1')], [2 * MIN, open('WKS1', 'PUBLIC')]);
    const view = simulate({ version }, t, 2 * MIN);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(view.connections.find((c) => c.share === 'PUBLIC')?.account).toBe('jsmith');
  });

  it('bad input names the entry: an unknown computer is refused before it is replayed', () => {
    expect(() => simulate({ version }, tape([0, del('WKS9')]))).toThrow(SimulationInputError);
    expect(() => simulate({ version }, tape([0, del('WKS9')]))).toThrow(/WKS9/);
  });

  it('a shared moment with it decodes to the same moment', () => {
    const state = {
      config: { version },
      tape: tape([0, connect('WKS1', 'PUBLIC')], [MIN, del('WKS1')]),
      at: MIN,
    };
    const back = decode(encode(state));
    expect(back.ok && back.value.tape).toEqual(state.tape);
  });
});

describe.each<NtVersion>(['3.51', '4.0'])('NT %s: net session /delete and the licence limit', (version) => {
  it('frees the licence a session held, so the user refused with 71 gets in (Q258837’s way out)', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, open('WKS1', 'PUBLIC')],
      [MIN, connect('WKS2', 'PUBLIC')],
      [2 * MIN, del('WKS1')],
      [2 * MIN + SEC, connect('WKS2', 'PUBLIC')],
    );
    const refused = simulate({ version, licenseLimit: 1 }, t, MIN);
    expect(refused.log.at(-1)?.error).toBe(71);
    expect(refused.log.at(-1)?.code).toBe('session.refused.licence');
    const freed = simulate({ version, licenseLimit: 1 }, t, 2 * MIN);
    expect(freed.licenses.inUse).toBe(0);
    const after = simulate({ version, licenseLimit: 1 }, t, 2 * MIN + SEC);
    expect(after.licenses.inUse).toBe(1);
    expect(after.connections.map((c) => c.computer)).toEqual(version === '4.0' ? ['WKS2'] : ['WKS2', 'WKS2']);
  });
});

describe.each<NtVersion>(['3.5', '3.51'])('NT %s: net session /delete and the leftover IPC$', (version) => {
  it('ends the leftover IPC$ session that Server Manager cannot disconnect (modelling choice)', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, disconnect('WKS1', 'PUBLIC')],
      [MIN, { type: 'admin.disconnect', computer: 'WKS1', share: 'IPC$' }],
      [2 * MIN, del('WKS1')],
    );
    const refused = simulate({ version }, t, MIN);
    expect(refused.connections.map((c) => [c.share, c.shownUser])).toEqual([['IPC$', 'WKS1']]);
    const view = simulate({ version }, t, 2 * MIN);
    expect(view.connections).toEqual([]);
    expect(view.log.at(-1)?.code).toBe('admin.session-deleted');
  });
});
