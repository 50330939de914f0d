import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/machines';
import {
  close,
  codes,
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
 * Rule area: the client's uses (src/machines/nt-server/rules/uses.ts; reconnecting through
 * context.ts's accept). DESIGN.md's nt-server row 8 on every version, and the refusals the client
 * answers from its own list. Tests assert outcomes; nt-server.wording.test.ts holds the wording.
 */

describe.each(VERSIONS)('NT %s', (version) => {
  const lingers = keepsLeftover(version);
  const licensing = hasLicensing(version);

  it('row 1: the first connection adds a use and, on 3.5/3.51, an IPC$ that is not a use', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]));
    expect(listed(view)).toEqual(lingers ? ['IPC$:jsmith', 'PUBLIC:jsmith'] : ['PUBLIC:jsmith']);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(state(view)).toBe('holding');
    expect(uses(view, 'WKS2')).toEqual([]);
  });

  it('row 8: connecting again to a use the client has changes nothing', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')]);
    const view = simulate({ version }, [...t, { at: MIN, event: connect('WKS1', 'PUBLIC') }], 2 * MIN);
    expect(view.log.at(-1)?.code).toBe('use.already');
    expect({ ...view, log: [] }).toEqual({ ...simulate({ version }, t, 2 * MIN), log: [] });
  });

  it('row 8: the next file.open on a Disconnected use reconnects: a new session as the use account, licensed', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'TOOLS', 'Administrator')], [20 * MIN, open('WKS1', 'TOOLS')]),
    );
    expect(codes(view).slice(1)).toEqual(['autodisconnect', 'use.reconnect', 'file.open']);
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
      expect(view.log.slice(-2).map((l) => [l.error, l.code])).toEqual([
        [71, 'session.refused.licence'],
        [71, 'session.refused.licence'],
      ]);
      expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
      expect(state(view)).toBe('none');
    } else {
      expect(codes(view).slice(-2)).toEqual(['use.reconnect', 'file.open']);
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
    expect(view.log.at(-1)?.code).toBe('use.forget');
    expect(view.counters.sessionsLoggedOff).toBe(0);
  });

  it('row 8: the implicit IPC$ is never a use; disconnecting it is refused by the client', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, disconnect('WKS1', 'IPC$')]),
    );
    expect(uses(view)).toEqual(['PUBLIC:jsmith:OK']);
    expect(view.log.at(-1)).toMatchObject({ kind: 'refused', code: 'use.refused.implicit-ipc' });
    expect(view.log.at(-1)?.cites).toEqual(['ipc-not-disconnectable']);
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
    expect(view.log[0].code).toBe('use.refused.none');
    expect(view.log[2].code).toBe('file.refused.none-open');
    expect(view.log[3].code).toBe('use.refused.none');
  });
});
