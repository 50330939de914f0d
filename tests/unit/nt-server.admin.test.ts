import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/machines';
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
 * leftover IPC$ listed under the computer name cannot be disconnected. Tests assert outcomes;
 * nt-server.wording.test.ts holds the wording.
 */

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
