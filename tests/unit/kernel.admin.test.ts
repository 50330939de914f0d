import { describe, expect, it } from 'vitest';
import {
  decode,
  encode,
  type NtVersion,
  type ServerView,
  type SimEvent,
  SimulationInputError,
  simulate,
} from '../../src/machines';
import { connect, disconnect, MIN, open, SEC, tape } from './helpers';

/*
 * net session \\computer /delete at the server (session-delete, Q258837's workaround): it ends every
 * logon from that computer and closes its open files. Whether it also takes a leftover IPC$ session
 * is a modelling choice (session-delete-leftover).
 */

const del = (computer: string): SimEvent => ({ type: 'session.delete', computer });
const uses = (view: ServerView, computer = 'WKS1') =>
  view.clients.find((c) => c.computer === computer)?.uses.map((u) => `${u.share}:${u.status}`) ?? [];

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
    expect(uses(view)).toEqual(['PUBLIC:Disconnected']);
    expect(view.counters.sessionsForcedOff).toBe(1);
    const entry = view.log.at(-1);
    expect(entry?.cites).toEqual(['session-delete']);
    expect(entry?.text).toContain('1 file closed');
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
    expect(twice.log.at(-1)?.text).toMatch(/no session from WKS1; nothing changed/);
    expect(twice.log.at(-1)?.error).toBeUndefined();
  });

  it('is not the client’s activity: the next access reconnects transparently as a new session', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, del('WKS1')], [2 * MIN, open('WKS1', 'PUBLIC')]);
    const view = simulate({ version }, t, 2 * MIN);
    expect(uses(view)).toEqual(['PUBLIC:OK']);
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
    expect(refused.log.at(-1)?.text).toMatch(/No more connections can be made to this remote computer/);
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
    expect(view.log.at(-1)?.text).toContain('listed under its computer name');
  });
});
