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
 * DESIGN rows 12 and 13 (v3): the Server service's startup parameters (net config server applies at
 * once; a registry edit waits for the service to start again) and NT's own error texts.
 */

const registry = (minutes: number): SimEvent => ({ type: 'registry.autodisconnect', minutes });
const restart: SimEvent = { type: 'server.restart' };
const set = (minutes: number): SimEvent => ({ type: 'autodisconnect.set', minutes });
const uses = (view: ServerView, computer = 'WKS1') =>
  view.clients.find((c) => c.computer === computer)?.uses.map((u) => `${u.share}:${u.status}`) ?? [];

describe.each<NtVersion>(['3.5', '3.51', '4.0'])('NT %s: row 12, startup parameters', (version) => {
  it('net config server /autodisconnect applies at once', () => {
    const view = simulate({ version }, tape([0, connect('WKS1', 'PUBLIC')], [MIN, set(2)]), 2 * MIN + SEC);
    expect(view.autodisconnectMinutes).toBe(2);
    expect(view.connections).toEqual([]);
  });

  it('a registry edit changes nothing until the Server service restarts, and the log never says it took effect', () => {
    const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, registry(2)]);
    const view = simulate({ version }, t, 10 * MIN);
    expect(view.autodisconnectMinutes).toBe(15);
    expect(view.connections.length).toBeGreaterThan(0);
    const entry = view.log.find((e) => e.text.startsWith('Registry:'));
    expect(entry?.cites).toEqual(['startup-parameters']);
    expect(entry?.text).toContain('until it is restarted');
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
    const view = simulate({ version }, t);
    expect(view.connections).toEqual([]);
    expect(view.sessions.every((s) => s.state === 'none')).toBe(true);
    expect(view.licenses.inUse).toBe(0);
    expect(uses(view)).toEqual(['PUBLIC:Disconnected']);
    expect(uses(view, 'WKS2')).toEqual([]);
    expect(view.autodisconnectMinutes).toBe(3);
    expect(view.log.at(-1)?.text).toMatch(
      version === '4.0'
        ? /^The Server service restarted: every session ended \(WKS1\)/
        : /^The Server service restarted: every session ended \(WKS1, WKS2\)/,
    );
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
    expect(after.log.some((e) => e.kind === 'autodisconnect' && e.at === 6 * MIN + SEC)).toBe(true);
  });

  it('net config server writes the registry too, so a restart keeps its value; the all-ones DWORD means never', () => {
    expect(simulate({ version }, tape([0, set(7)], [MIN, restart])).autodisconnectMinutes).toBe(7);
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

describe('row 13: NT’s own error texts', () => {
  it('71 (Q149522), 1219 (Q98724) and 5', () => {
    const refused = (t: [number, SimEvent][], config = {}) =>
      simulate({ version: '3.51', ...config }, tape(...t)).log.filter((e) => e.error !== undefined);
    const [e71] = refused(
      [
        [0, connect('WKS1', 'PUBLIC')],
        [SEC, connect('WKS2', 'PUBLIC')],
      ],
      { licenseLimit: 1 },
    );
    expect(e71?.error).toBe(71);
    expect(e71?.text).toContain(
      'No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept.',
    );
    const [e1219] = refused([
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, connect('WKS1', 'TOOLS', 'Administrator')],
    ]);
    expect(e1219?.error).toBe(1219);
    expect(e1219?.text).toContain('The credentials supplied conflict with an existing set of credentials.');
    const [e5] = refused([[0, connect('WKS1', 'TOOLS')]]);
    expect(e5?.error).toBe(5);
    expect(e5?.text).toContain('Access is denied.');
  });
});
