import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/machines';
import {
  connect,
  disconnect,
  hasLicensing,
  keepsLeftover,
  limit,
  listed,
  MIN,
  SEC,
  shares,
  startLogging,
  stopLogging,
  tape,
  VERSIONS,
} from './helpers';

/*
 * Rule area: per-server licensing (src/machines/nt-server/rules/licensing.ts). DESIGN.md's nt-server
 * row 4 on every version: NT 3.5 has none (Q122925), 3.51 and 4.0 count one licence per session
 * while the License Logging service runs. Tests assert outcomes; nt-server.wording.test.ts holds the
 * wording (error 71's text among it).
 */

describe.each(VERSIONS)('NT %s', (version) => {
  const lingers = keepsLeftover(version);
  const licensing = hasLicensing(version);
  // Rows that need a licence limit: registered only where licensing exists (3.5's own rows below).
  const itLicensing = (name: string, fn: () => void) => {
    if (licensing) it(name, fn);
  };

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
    expect(view.log.at(-1)).toMatchObject({ error: 71, kind: 'refused', code: 'session.refused.licence' });
    expect(view.licenses).toMatchObject({ inUse: 1, limit: 1 });
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
        [2 * SEC, stopLogging],
        [3 * SEC, connect('WKS2', 'PUBLIC')],
      ),
    );

    expect(view.log.map((l) => l.error ?? 0)).toEqual([0, 71, 0, 0]);
    expect(view.log[2].code).toBe('licensing.stop');
    expect(view.licenses.inUse).toBe(0);
    expect(shares(view, 'WKS2')).toContain('PUBLIC');
  });

  itLicensing('row 4: starting the service again counts the sessions open at that moment', () => {
    const view = simulate(
      { version, licenseLimit: 1, licenseLogging: false },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')], [2 * SEC, startLogging]),
    );

    expect(view.licenses).toEqual({ inUse: 2, limit: 1, logging: true, service: 'running' });
    expect(view.log.at(-1)?.code).toBe('licensing.start');
  });

  itLicensing('row 4: stopping a stopped service or starting a running one changes nothing', () => {
    const stopped = simulate({ version, licenseLogging: false }, tape([0, stopLogging]));
    const running = simulate({ version }, tape([0, startLogging]));
    expect(stopped.log.map((l) => l.code)).toEqual(['licensing.unchanged']);
    expect(running.log.map((l) => l.code)).toEqual(['licensing.unchanged']);
    expect(stopped.licenses.service).toBe('stopped');
    expect(running.licenses.service).toBe('running');
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

  it('row 4: NT 3.5 has no License Logging service; 3.51 and 4.0 count one licence per session', () => {
    const view = simulate(
      { version, licenseLimit: 1 },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, connect('WKS2', 'PUBLIC')]),
    );
    if (licensing) {
      expect(view.licenses).toEqual({ inUse: 1, limit: 1, logging: true, service: 'running' });
      expect(view.log.at(-1)).toMatchObject({ error: 71, code: 'session.refused.licence' });
    } else {
      expect(view.licenses).toEqual({ inUse: 0, limit: 1, logging: false, service: 'absent' });
      expect(listed(view, 'WKS2')).toEqual(['IPC$:mlee', 'PUBLIC:mlee']);
    }
  });

  it('row 4: licensing events on 3.5 are answered in the log, not thrown', () => {
    const view = simulate({ version }, tape([0, stopLogging], [SEC, startLogging], [2 * SEC, limit(3)]));
    expect(view.log).toHaveLength(3);
    if (!licensing) {
      for (const entry of view.log)
        expect(entry).toMatchObject({ code: 'licensing.absent', cites: ['licensing-arrived'] });
      expect(view.licenses.limit).toBe(5);
    } else {
      expect(view.log.map((l) => l.code)).toEqual(['licensing.stop', 'licensing.start', 'licensing.limit']);
      expect(view.licenses.limit).toBe(3);
    }
  });

  it('row 4: licensing.limit changes the limit from that moment; sessions already over it stay', () => {
    const t = tape(
      [0, connect('WKS1', 'PUBLIC')],
      [SEC, connect('WKS2', 'PUBLIC')],
      [2 * SEC, limit(1)],
      [3 * SEC, disconnect('WKS2', 'PUBLIC')],
      [4 * SEC, connect('WKS2', 'PUBLIC')],
    );
    const view = simulate({ version, licenseLimit: 5 }, t, 5 * SEC);
    expect(listed(view)).toContain('PUBLIC:jsmith');
    if (!licensing) return;
    expect(view.log[2]).toMatchObject({ code: 'licensing.limit', cites: ['licence-limit'] });
    // Both sessions stay, over the new limit.
    expect(simulate({ version, licenseLimit: 5 }, t, 2 * SEC).licenses).toMatchObject({ inUse: 2, limit: 1 });
    expect(view.licenses.limit).toBe(1);
    // WKS2's leftover (3.51) still holds its licence, so the reconnect over it needs none.
    if (lingers) expect(view.log.at(-1)?.error).toBeUndefined();
    else expect(view.log.at(-1)?.error).toBe(71);
  });

  it('row 4: restarting License Logging recounts the open sessions (a modelling choice)', () => {
    if (!licensing) return;
    const view = simulate(
      { version, licenseLogging: false },
      tape([0, connect('WKS1', 'PUBLIC')], [SEC, startLogging]),
    );
    expect(view.licenses.inUse).toBe(1);
    expect(view.log.at(-1)?.code).toBe('licensing.start');
  });
});
