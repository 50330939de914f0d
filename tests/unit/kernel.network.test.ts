import { describe, expect, it } from 'vitest';
import {
  AUTODISCONNECT_ZERO_MS,
  diffSummary,
  diffViews,
  type NtVersion,
  type ServerView,
  type SimEvent,
  simulate,
} from '../../src/machines';
import { close, connect, disconnect, MIN, open, SEC, tape } from './helpers';

/*
 * DESIGN.md "The kernel contract", rows 1-11, for what the client keeps, the counters, the
 * licensing limit, Server Manager and explicit IPC$ (kernel.rows.test.ts has the first rows'
 * original cases). Every row runs on every version it concerns.
 */

const versions: NtVersion[] = ['3.5', '3.51', '4.0'];
const admin = (computer: string, share: string): SimEvent => ({ type: 'admin.disconnect', computer, share });
const limit = (licenses: number): SimEvent => ({ type: 'licensing.limit', licenses });

const listed = (view: ServerView, computer = 'WKS1') =>
  view.connections.filter((c) => c.computer === computer).map((c) => `${c.share}:${c.shownUser}`);
const uses = (view: ServerView, computer = 'WKS1') =>
  view.clients.find((c) => c.computer === computer)?.uses.map((u) => `${u.share}:${u.account}:${u.status}`);
const state = (view: ServerView, computer = 'WKS1') =>
  view.sessions.find((s) => s.computer === computer)?.state;

describe.each(versions)('NT %s', (version) => {
  const lingers = version !== '4.0';
  const licensing = version !== '3.5';

  it('row 1: the first connection adds a use and, on 3.5/3.51, an IPC$ that is not a use', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]));
    expect(listed(view)).toEqual(lingers ? ['IPC$:jsmith', 'PUBLIC:jsmith'] : ['PUBLIC:jsmith']);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(state(view)).toBe('holding');
    expect(uses(view, 'WKS2')).toEqual([]);
  });

  it('row 3: the last share disconnected leaves a leftover on 3.5/3.51; on 4.0 the session ends, logged off, its NetBIOS session lingering 255 s', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]),
    );
    expect(uses(view)).toEqual([]);
    if (lingers) {
      expect(state(view)).toBe('leftover');
      expect(listed(view)).toEqual(['IPC$:WKS1']);
      expect(view.counters.sessionsLoggedOff).toBe(0);
    } else {
      expect(state(view)).toBe('none');
      expect(view.counters.sessionsLoggedOff).toBe(1);
      expect(view.log.at(-1)?.text).toMatch(/NetBIOS session lingers about 255 seconds/);
      expect(view.log.at(-1)?.cites).toEqual(['netbios-linger']);
      // A transport-only line: no Server Manager row, no licence (a modelling choice), gone after 255 s.
      expect(view.lingering).toEqual([{ computer: 'WKS1', until: MIN + 255 * SEC }]);
      expect(view.connections).toEqual([]);
      expect(view.licenses.inUse).toBe(0);
      const later = simulate(
        { version },
        tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]),
        MIN + 255 * SEC,
      );
      expect(later.lingering).toEqual([]);
      // A new session from that computer takes the transport over.
      const back = simulate(
        { version },
        tape(
          [0, connect('WKS1', 'PUBLIC')],
          [MIN, disconnect('WKS1', 'PUBLIC')],
          [2 * MIN, connect('WKS1', 'PUBLIC')],
        ),
      );
      expect(back.lingering).toEqual([]);
    }
    if (lingers) expect(view.lingering).toEqual([]);
    expect(view.log.at(-1)?.text).not.toMatch(/PUBLICto/);
  });

  it('row 4: NT 3.5 has no License Logging service; 3.51 and 4.0 count one licence per session', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')]),
    );
    if (licensing) {
      expect(view.licenses).toEqual({ inUse: 1, limit: 1, logging: true, service: 'running' });
      const refusal = view.log.at(-1);
      expect(refusal?.error).toBe(71);
      expect(refusal?.text).toContain(
        'No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept',
      );
      expect(refusal?.text).not.toContain('The network request was not accepted');
    } else {
      expect(view.licenses).toEqual({ inUse: 0, limit: 1, logging: false, service: 'absent' });
      expect(listed(view, 'WKS2')).toEqual(['IPC$:mlee', 'PUBLIC:mlee']);
    }
  });

  it('row 4: licensing events on 3.5 are answered in the log, not thrown', () => {
    const t = tape([0, { type: 'licensing.stop' }], [SEC, { type: 'licensing.start' }], [2 * SEC, limit(3)]);
    const view = simulate({ version }, t);
    expect(view.log).toHaveLength(3);
    if (!licensing) {
      for (const entry of view.log)
        expect(entry).toMatchObject({
          text: expect.stringMatching(
            /NT Server 3\.5 has no inbound connection limit and no .*; nothing changed/,
          ),
          cites: ['licensing-arrived'],
        });
      expect(view.licenses.limit).toBe(5);
    } else {
      expect(view.licenses.limit).toBe(3);
    }
  });

  it('row 4: licensing.limit changes the limit from that moment; sessions already over it stay', () => {
    const view = simulate(
      { version, licenseLimit: 5 },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS2', 'PUBLIC')],
        [2 * SEC, limit(1)],
        [3 * SEC, disconnect('WKS2', 'PUBLIC')],
        [4 * SEC, connect('WKS2', 'PUBLIC')],
      ),
      5 * SEC,
    );
    expect(listed(view)).toContain('PUBLIC:jsmith');
    if (!licensing) return;
    expect(view.log[2].text).toMatch(/1 concurrent connection per server.*2 of 1 in use.*they stay/);
    expect(view.licenses.limit).toBe(1);
    // WKS2's leftover (3.51) still holds its licence, so the reconnect over it needs none.
    if (lingers) expect(view.log.at(-1)?.error).toBeUndefined();
    else expect(view.log.at(-1)?.error).toBe(71);
  });

  it('row 4: restarting License Logging recounts the open sessions, and says it is a modelling choice', () => {
    if (!licensing) return;
    const view = simulate(
      { version, licenseLogging: false },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, { type: 'licensing.start' }]),
    );
    expect(view.licenses.inUse).toBe(1);
    expect(view.log.at(-1)?.text).toContain('modelling choice');
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
    expect(view.log.at(-1)?.cites).toEqual(['autodisconnect-counters']);
  });

  it('row 5: error 1219 never reaches the server and is not activity; error 5 is', () => {
    const base: [number, SimEvent][] = [[0, connect('WKS1', 'PUBLIC')]];
    const with1219 = simulate(
      { version },
      tape(...base, [10 * MIN, connect('WKS1', 'TOOLS', 'Administrator')]),
      15 * MIN,
    );
    expect(with1219.log[1]).toMatchObject({ error: 1219, kind: 'refused' });
    expect(with1219.log[1].text).toContain('never saw');
    expect(state(with1219)).toBe('none');
    expect(with1219.log.at(-1)).toMatchObject({ kind: 'autodisconnect', at: 15 * MIN });

    const with5 = simulate({ version }, tape(...base, [10 * MIN, connect('WKS1', 'TOOLS')]), 15 * MIN);
    expect(with5.log[1]).toMatchObject({ error: 5 });
    expect(state(with5)).toBe('holding');
    expect(with5.sessions[0].idleMs).toBe(5 * MIN);
  });

  it('row 5: autodisconnect 0 waits AUTODISCONNECT_ZERO_MS of idleness, whatever the connection', () => {
    const view = simulate(
      { version, autodisconnectMinutes: 0 },
      tape([0, connect('WKS1', 'PUBLIC')], [5 * SEC, open('WKS1', 'PUBLIC')], [MIN, close('WKS1', 'PUBLIC')]),
      MIN + AUTODISCONNECT_ZERO_MS,
    );
    expect(view.log.filter((l) => l.kind === 'autodisconnect').map((l) => l.at)).toEqual([
      MIN + AUTODISCONNECT_ZERO_MS,
    ]);
  });

  it('row 6: CONNECT AS over a leftover authenticates again; a share the account may not read gets 5 and adds nothing', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [MIN, disconnect('WKS1', 'PUBLIC')],
        [2 * MIN, connect('WKS1', 'TOOLS')],
        [3 * MIN, connect('WKS1', 'TOOLS', 'Administrator')],
      ),
    );
    expect(view.log[2].error).toBe(5);
    expect(listed(view)).toEqual(
      lingers ? ['IPC$:Administrator', 'TOOLS:Administrator'] : ['TOOLS:Administrator'],
    );
    expect(uses(view)).toEqual(['TOOLS:Administrator:OK']);
  });

  it('row 7: bad licensing.limit and admin.disconnect input throws a SimulationInputError', () => {
    expect(() => simulate({ version }, tape([0, limit(0)]))).toThrow(/licence limit 0 is not valid/);
    expect(() => simulate({ version }, tape([0, admin('WKS1', 'DATA')]))).toThrow(/unknown share "DATA"/);
  });

  it('row 8: the next file.open on a Disconnected use reconnects: a new session as the use account, licensed', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'TOOLS', 'Administrator')], [20 * MIN, open('WKS1', 'TOOLS')]),
    );
    expect(view.log[2].text).toMatch(/WKS1 reconnected its use of \\\\NTSERVER\\TOOLS as Administrator/);
    expect(listed(view)).toEqual(
      lingers ? ['IPC$:Administrator', 'TOOLS:Administrator'] : ['TOOLS:Administrator'],
    );
    expect(view.connections.find((c) => c.share === 'TOOLS')?.opens).toBe(1);
    expect(uses(view)).toEqual(['TOOLS:Administrator:OK']);
    expect(view.licenses.inUse).toBe(licensing ? 1 : 0);
  });

  it('row 8: share.connect on a Disconnected use reconnects too; at the licence limit it gets 71 and stays Disconnected', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [20 * MIN, connect('WKS2', 'PUBLIC')],
      [21 * MIN, connect('WKS1', 'PUBLIC')],
      [22 * MIN, open('WKS1', 'PUBLIC')],
    );
    const view = simulate({ version, licenseLimit: 1 }, t);
    if (licensing) {
      expect(view.log.slice(-2).map((l) => l.error)).toEqual([71, 71]);
      expect(view.log.at(-1)?.text).toContain('The use stays Disconnected');
      expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
      expect(state(view)).toBe('none');
    } else {
      expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
      expect(view.connections.find((c) => c.computer === 'WKS1' && c.share === 'PUBLIC')?.opens).toBe(1);
    }
  });

  it('row 8: share.disconnect of a Disconnected use deletes it without reaching the server', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [20 * MIN, disconnect('WKS1', 'PUBLIC')]),
    );
    expect(uses(view)).toEqual([]);
    expect(view.log.at(-1)?.text).toContain('nothing reached it');
    expect(view.counters.sessionsLoggedOff).toBe(0);
  });

  it('row 8: the implicit IPC$ is never a use; disconnecting it is refused by the client', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, disconnect('WKS1', 'IPC$')]),
    );
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(view.log.at(-1)).toMatchObject({ kind: 'refused' });
    expect(view.log.at(-1)?.text).toContain('not a use');
  });

  it('row 9: explicit IPC$ over a leftover authenticates, lists IPC$ under the account, and /d ends the session (logged off)', () => {
    const t = tape(
      [0, connect('WKS1', 'TOOLS', 'Administrator')],
      [MIN, disconnect('WKS1', 'TOOLS')],
      [2 * MIN, connect('WKS1', 'IPC$')],
    );
    const during = simulate({ version }, t);
    if (lingers) {
      expect(listed(during)).toEqual(['IPC$:jsmith']);
      expect(state(during)).toBe('explicitIpc');
      expect(during.log.at(-1)?.cites).toEqual(['ipc-not-disconnectable', 'implicit-ipc']);
      expect(during.licenses.inUse).toBe(licensing ? 1 : 0);
    } else {
      // 4.0 had no session left: a new one holding only IPC$.
      expect(listed(during)).toEqual(['IPC$:jsmith']);
      expect(during.licenses.inUse).toBe(1);
    }
    expect(uses(during)).toEqual(['IPC$:jsmith:OK']);

    const after = simulate({ version }, [...t, { at: 3 * MIN, event: disconnect('WKS1', 'IPC$') }]);
    expect(after.connections).toEqual([]);
    expect(uses(after)).toEqual([]);
    expect(after.licenses.inUse).toBe(0);
    expect(after.counters.sessionsLoggedOff).toBe(lingers ? 1 : 2);
  });

  it('row 9: explicit IPC$ from a computer with no session opens a session holding only IPC$', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS2', 'IPC$')], [SEC, connect('WKS1', 'PUBLIC')]),
    );
    expect(listed(view, 'WKS2')).toEqual(['IPC$:mlee']);
    expect(state(view, 'WKS2')).toBe('explicitIpc');
    if (licensing) expect(view.log.at(-1)?.error).toBe(71);
  });

  it('row 9: explicit IPC$ while a share is held; after the share goes the session stays with IPC$ under the account', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS1', 'IPC$')],
        [2 * SEC, disconnect('WKS1', 'PUBLIC')],
      ),
    );
    expect(listed(view)).toEqual(['IPC$:jsmith']);
    expect(state(view)).toBe('explicitIpc');
    expect(uses(view)).toEqual(['IPC$:jsmith:OK']);
  });

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
      computer: 'WKS1',
      cites: ['ipc-not-disconnectable'],
    });
    expect(view.log.at(-1)?.text).toContain('1 file closed with it');
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
      expect(view.log.at(-1)?.error).toBe(71);
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
    expect(view.log.at(-1)?.text).toMatch(/could not disconnect WKS1's IPC\$/);
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
    expect(view.log[0].kind).toBe('admin');
    expect(view.connections).toEqual([]);
  });

  it('row 11: only the client letting go counts in Sessions Logged Off', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS1', 'IPC$')],
        [2 * SEC, disconnect('WKS1', 'PUBLIC')],
        [3 * SEC, disconnect('WKS1', 'IPC$')],
      ),
    );
    expect(view.counters).toEqual({
      sessionsTimedOut: 0,
      sessionsErroredOut: 0,
      sessionsForcedOff: 0,
      sessionsLoggedOff: 1,
    });
    expect(state(view)).toBe('none');
  });
});

describe('diffViews', () => {
  const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]);

  it('names the rows, licences, session states and counters that differ, in one sentence', () => {
    const a = simulate({ version: '3.51' }, t);
    const b = simulate({ version: '4.0' }, t);
    const d = diffViews(a, b);
    expect(d).toMatchObject({
      same: false,
      rows: ['WKS1/IPC$'],
      rowsInB: [],
      licences: true,
      uses: [],
      sessions: ['WKS1'],
      counters: ['sessionsLoggedOff'],
    });
    expect(diffSummary(a, b, ['NT 3.51', 'NT 4.0'])).toBe(
      'Right now NT 3.51 lists 1 connection, including IPC$ from WKS1 (shown as WKS1); 1 licence in use; NT 4.0 lists no connections; 0 licences in use.',
    );
  });

  it('says when both show the same, and what else differs when only that does', () => {
    const a = simulate({ version: '3.51' }, t, 30 * MIN);
    expect(diffSummary(a, simulate({ version: '4.0' }, t, 30 * MIN))).toBe(
      'Right now both servers show the same connections and licences (lists no connections; 0 licences in use), but differ in Sessions Timed Out, Sessions Errored Out, Sessions Logged Off.',
    );
    const [x, y] = [simulate({ version: '3.51' }, []), simulate({ version: '4.0' }, [])];
    expect(diffViews(x, y).same).toBe(true);
    expect(diffSummary(x, y)).toBe(
      'Right now both servers show the same: lists no connections; 0 licences in use.',
    );
  });
});
