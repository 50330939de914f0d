import { describe, expect, it } from 'vitest';
import { decode, encode, type NtVersion, SimulationInputError, simulate } from '../../src/machines';
import {
  connect,
  disconnect,
  MIN,
  open,
  registry,
  restart,
  SEC,
  setAutodisconnect,
  tape,
  uses,
  VERSIONS,
} from './helpers';

/*
 * Rule area: the Server service (src/machines/nt-server/rules/service.ts). DESIGN.md's nt-server row
 * 12 on every version: `net config server` applies at once; a registry edit waits for the service to
 * start again. Tests assert outcomes; nt-server.wording.test.ts holds the wording (row 13's error
 * texts, and that the log never says a registry edit took effect before a restart).
 */

describe.each<NtVersion>(VERSIONS)('NT %s: row 12, startup parameters', (version) => {
  it('net config server /autodisconnect applies at once', () => {
    const view = simulate(
      { version },
      tape([0, connect('WKS1', 'PUBLIC')], [MIN, setAutodisconnect(2)]),
      2 * MIN + SEC,
    );
    expect(view.autodisconnectMinutes).toBe(2);
    expect(view.connections).toEqual([]);
  });

  it('a registry edit changes nothing until the Server service restarts', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, registry(2)]);
    const view = simulate({ version }, t, 10 * MIN);
    expect(view.autodisconnectMinutes).toBe(15);
    expect(view.connections.length).toBeGreaterThan(0);
    const entry = view.log.find((e) => e.code === 'registry.autodisconnect');
    expect(entry?.cites).toEqual(['startup-parameters']);
    // Without the edit the view is the same but for the log.
    const without = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')]), 10 * MIN);
    expect({ ...view, log: [] }).toEqual({ ...without, log: [] });
  });

  it('a restart ends every session, leftover IPC$ included, frees the licences, leaves the uses Disconnected and applies the registry', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, connect('WKS2', 'PUBLIC')],
      [2 * SEC, disconnect('WKS2', 'PUBLIC')],
      [3 * SEC, open('WKS1', 'PUBLIC')],
      [MIN, registry(3)],
      [2 * MIN, restart],
    );
    // What was open just before: WKS2's leftover IPC$ too, on 3.5 and 3.51.
    const before = simulate({ version }, t, 2 * MIN - 1);
    expect(before.sessions.filter((s) => s.state !== 'none').map((s) => s.computer)).toEqual(
      version === '4.0' ? ['WKS1'] : ['WKS1', 'WKS2'],
    );
    const view = simulate({ version }, t);
    expect(view.log.at(-1)?.code).toBe('server.restart');
    expect(view.connections).toEqual([]);
    expect(view.sessions.every((s) => s.state === 'none')).toBe(true);
    expect(view.licenses.inUse).toBe(0);
    expect(uses(view)).toEqual(['PUBLIC:jsmith:Disconnected']);
    expect(uses(view, 'WKS2')).toEqual([]);
    expect(view.autodisconnectMinutes).toBe(3);
    // The next access reconnects, and the new value holds: dropped 3 minutes after it goes idle.
    const after = simulate(
      { version },
      [
        ...t,
        { at: 3 * MIN, event: open('WKS1', 'PUBLIC') },
        { at: 3 * MIN + SEC, event: { type: 'file.close', computer: 'WKS1', share: 'PUBLIC' } },
      ],
      6 * MIN + 2 * SEC,
    );
    expect(after.connections).toEqual([]);
    expect(after.log.some((e) => e.code === 'autodisconnect' && e.at === 6 * MIN + SEC)).toBe(true);
  });

  it('net config server writes the registry too, so a restart keeps its value; the all-ones DWORD means never', () => {
    expect(simulate({ version }, tape([0, setAutodisconnect(7)], [MIN, restart])).autodisconnectMinutes).toBe(
      7,
    );
    expect(
      simulate({ version }, tape([0, registry(4_294_967_295)], [MIN, restart])).autodisconnectMinutes,
    ).toBe(-1);
    expect(simulate({ version }, tape([0, registry(0)], [MIN, restart])).autodisconnectMinutes).toBe(0);
  });

  it('refuses registry values outside a DWORD, and restart and registry edits round-trip through links', () => {
    expect(() => simulate({ version }, tape([0, registry(-1)]))).toThrow(SimulationInputError);
    expect(() => simulate({ version }, tape([0, registry(4_294_967_296)]))).toThrow(
      /registry Autodisconnect value/,
    );
    const state = {
      config: { version },
      tape: tape([0, registry(4_294_967_295)], [MIN, restart]),
      at: 2 * MIN,
    };
    const read = decode(encode(state));
    expect(read.ok && [read.value.tape, read.value.at, read.value.config.version]).toEqual([
      state.tape,
      state.at,
      version,
    ]);
  });
});
