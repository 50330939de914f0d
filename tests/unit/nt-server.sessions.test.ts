import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/machines';
import {
  close,
  codes,
  connect,
  disconnect,
  keepsLeftover,
  listed,
  MIN,
  open,
  SEC,
  shares,
  state,
  tape,
  uses,
  VERSIONS,
} from './helpers';

/*
 * Rule area: sessions (src/machines/nt-server/rules/sessions.ts and context.ts's accept). DESIGN.md's
 * nt-server rows 1-3, 6, 7 (same input, same view), 9 and 11, on every version they concern. Tests
 * assert outcomes (the view and the log's codes); nt-server.wording.test.ts holds the wording.
 */

describe.each(VERSIONS)('NT %s', (version) => {
  const lingers = keepsLeftover(version);

  it('row 1: a first connection lists IPC$ and the share on 3.5/3.51, only the share on 4.0', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]));

    expect(shares(view)).toEqual(lingers ? ['IPC$', 'PUBLIC'] : ['PUBLIC']);
    expect(view.log[0].code).toBe(lingers ? 'session.new' : 'session.new.ipc-dropped');
  });

  it('row 2: while a share is held Server Manager shows the account name', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'TOOLS', 'Administrator')]));

    for (const c of view.connections) {
      expect(c.shownUser).toBe('Administrator');
      expect(c.account).toBe('Administrator');
    }
  });

  it('row 2: a second share with the same account joins the session', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC', 'Administrator')], [SEC, connect('WKS1', 'TOOLS', 'Administrator')]),
    );

    expect(codes(view)).toEqual([lingers ? 'session.new' : 'session.new.ipc-dropped', 'session.join']);
    expect(listed(view)).toEqual(
      lingers
        ? ['IPC$:Administrator', 'PUBLIC:Administrator', 'TOOLS:Administrator']
        : ['PUBLIC:Administrator', 'TOOLS:Administrator'],
    );
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
      expect(view.licenses.inUse).toBe(version === '3.5' ? 0 : 1);
    } else {
      expect(view.connections).toEqual([]);
      expect(view.licenses.inUse).toBe(0);
    }
  });

  it('row 3: the last share disconnected leaves a leftover on 3.5/3.51; on 4.0 the session ends, logged off, its NetBIOS session lingering 255 s', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]);
    const view = simulate({ version }, t);
    expect(uses(view)).toEqual([]);
    if (lingers) {
      expect(state(view)).toBe('leftover');
      expect(listed(view)).toEqual(['IPC$:WKS1']);
      expect(view.counters.sessionsLoggedOff).toBe(0);
      expect(view.log.at(-1)?.code).toBe('session.leftover');
      expect(view.lingering).toEqual([]);
      return;
    }
    expect(state(view)).toBe('none');
    expect(view.counters.sessionsLoggedOff).toBe(1);
    expect(view.log.at(-1)?.code).toBe('session.end.netbios-linger');
    expect(view.log.at(-1)?.cites).toEqual(['netbios-linger']);
    // A transport-only line: no Server Manager row, no licence (a modelling choice), gone after 255 s.
    expect(view.lingering).toEqual([{ computer: 'WKS1', until: MIN + 255 * SEC }]);
    expect(view.connections).toEqual([]);
    expect(view.licenses.inUse).toBe(0);
    expect(simulate({ version }, t, MIN + 255 * SEC).lingering).toEqual([]);
    // A new session from that computer takes the transport over.
    const back = simulate({ version }, [...t, { at: 2 * MIN, event: connect('WKS1', 'PUBLIC') }]);
    expect(back.lingering).toEqual([]);
  });

  it('row 6: a second set of credentials from the same computer is refused with error 1219', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS1', 'TOOLS', 'Administrator')]),
    );

    expect(view.log.at(-1)).toMatchObject({
      error: 1219,
      kind: 'refused',
      code: 'session.refused.credentials',
    });
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

    expect(view.log.at(-1)).toMatchObject({ error: 5, code: 'share.refused.access' });
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
    expect(view.licenses.inUse).toBe(version === '3.5' ? 0 : 1);
    expect(view.log.at(-1)?.code).toBe(lingers ? 'session.reauth' : 'session.new.ipc-dropped');
  });

  it('row 6: access denied on a brand-new session adds nothing and takes no licence', () => {
    const view = simulate({ version }, tape([0, connect('WKS2', 'TOOLS')]), 20 * MIN);

    expect(view.connections).toEqual([]);
    expect(view.licenses.inUse).toBe(0);
    expect(view.log).toHaveLength(1);
    expect(view.log[0]).toMatchObject({
      error: 5,
      kind: 'refused',
      code: 'share.refused.access',
      computer: 'WKS2',
    });
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
    expect(view.log[3].code).toBe(lingers ? 'session.reauth' : 'session.new.ipc-dropped');
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
      expect(during.log.at(-1)).toMatchObject({
        code: 'ipc.explicit.reauth',
        cites: ['ipc-not-disconnectable', 'implicit-ipc'],
      });
      expect(during.licenses.inUse).toBe(version === '3.5' ? 0 : 1);
    } else {
      // 4.0 had no session left: a new one holding only IPC$.
      expect(listed(during)).toEqual(['IPC$:jsmith']);
      expect(during.log.at(-1)?.code).toBe('session.new.ipc-only');
      expect(during.licenses.inUse).toBe(1);
    }
    expect(uses(during)).toEqual(['IPC$:jsmith:OK']);

    const after = simulate({ version }, [...t, { at: 3 * MIN, event: disconnect('WKS1', 'IPC$') }]);
    expect(after.connections).toEqual([]);
    expect(uses(after)).toEqual([]);
    expect(after.licenses.inUse).toBe(0);
    expect(after.counters.sessionsLoggedOff).toBe(lingers ? 1 : 2);
    expect(after.log.at(-1)?.code).toBe('session.end');
  });

  it('row 9: explicit IPC$ from a computer with no session opens a session holding only IPC$', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS2', 'IPC$')], [SEC, connect('WKS1', 'PUBLIC')]),
    );
    expect(listed(view, 'WKS2')).toEqual(['IPC$:mlee']);
    expect(state(view, 'WKS2')).toBe('explicitIpc');
    expect(view.log[0].code).toBe('session.new.ipc-only');
    if (version !== '3.5') expect(view.log.at(-1)?.error).toBe(71);
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
    expect(codes(view).slice(1)).toEqual(['ipc.explicit', 'share.disconnect']);
  });

  it('row 9: disconnecting the explicit IPC$ while a share is held keeps the session and its share', () => {
    const view = simulate(
      { version },
      tape(
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS1', 'IPC$')],
        [2 * SEC, disconnect('WKS1', 'IPC$')],
      ),
    );
    expect(view.log.at(-1)?.code).toBe('ipc.disconnect');
    expect(listed(view)).toEqual(['PUBLIC:jsmith']);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(state(view)).toBe('holding');
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

describe('an empty tape', () => {
  it('shows an empty server at 0', () => {
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
});
