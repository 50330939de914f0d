import { describe, expect, it } from 'vitest';
import { type NtVersion, type ServerConfig, simulate, type TapeEntry } from '../../src/machines';
import { LOG_CODES } from '../../src/machines/nt-server/codes';
import {
  admin,
  close,
  connect,
  disconnect,
  limit,
  open,
  registry,
  restart,
  SEC,
  setAutodisconnect,
  startLogging,
  stopLogging,
  tape,
  VERSIONS,
} from './helpers';

/*
 * The NT server's wording, in one place. The row tests (nt-server.<area>.test.ts) assert outcome
 * codes; here two tapes drive the model to every code in LOG_CODES on every version, and one
 * snapshot holds what each entry says (review a wording change in the snapshot's diff, then
 * `npx vitest run tests/unit/nt-server.wording.test.ts -u`). The few sentences the contract fixes
 * (NT's own error texts, DESIGN row 13; modelling choices marked; a registry edit never said to
 * apply before a restart, row 12) are asserted as well.
 */

/** The client's side: connecting, refusals, files, explicit IPC$, leftovers and the session's end. */
const client = tape(
  [0, connect('WKS1', 'PUBLIC')],
  [1 * SEC, connect('WKS1', 'PUBLIC')],
  [2 * SEC, connect('WKS1', 'TOOLS', 'Administrator')],
  [3 * SEC, connect('WKS1', 'TOOLS')],
  [4 * SEC, open('WKS1', 'PUBLIC')],
  [5 * SEC, close('WKS1', 'PUBLIC')],
  [6 * SEC, close('WKS1', 'PUBLIC')],
  [7 * SEC, disconnect('WKS1', 'TOOLS')],
  [8 * SEC, disconnect('WKS1', 'IPC$')],
  [9 * SEC, disconnect('WKS1', 'PUBLIC')],
  [10 * SEC, admin('WKS1', 'IPC$')],
  [11 * SEC, connect('WKS1', 'PUBLIC')],
  [12 * SEC, connect('WKS1', 'IPC$')],
  [13 * SEC, disconnect('WKS1', 'IPC$')],
  [14 * SEC, disconnect('WKS1', 'PUBLIC')],
  [15 * SEC, connect('WKS1', 'PUBLIC')],
  [16 * SEC, disconnect('WKS1', 'PUBLIC')],
  [17 * SEC, connect('WKS1', 'IPC$')],
  [18 * SEC, disconnect('WKS1', 'IPC$')],
  [19 * SEC, connect('WKS2', 'PUBLIC', 'Administrator')],
  [20 * SEC, connect('WKS2', 'TOOLS', 'Administrator')],
  [21 * SEC, disconnect('WKS2', 'TOOLS')],
);

/** The server's side: licences, Server Manager, reconnecting, autodisconnect and the Server service. */
const server = tape(
  [0, connect('WKS1', 'PUBLIC')],
  [1 * SEC, open('WKS1', 'PUBLIC')],
  [2 * SEC, connect('WKS2', 'PUBLIC')],
  [3 * SEC, admin('WKS2', 'TOOLS')],
  [4 * SEC, admin('WKS1', 'PUBLIC')],
  [5 * SEC, open('WKS1', 'PUBLIC')],
  [6 * SEC, close('WKS1', 'PUBLIC')],
  [7 * SEC, stopLogging],
  [8 * SEC, stopLogging],
  [9 * SEC, startLogging],
  [10 * SEC, startLogging],
  [11 * SEC, limit(3)],
  [12 * SEC, setAutodisconnect(0)],
  [20 * SEC, disconnect('WKS1', 'PUBLIC')],
  [21 * SEC, setAutodisconnect(-1)],
  [22 * SEC, setAutodisconnect(20)],
  [23 * SEC, registry(30)],
  [24 * SEC, registry(20)],
  [25 * SEC, connect('WKS2', 'PUBLIC')],
  [25 * SEC, { type: 'session.delete', computer: 'WKS2' }],
  [25 * SEC, { type: 'session.delete', computer: 'WKS2' }],
  [25 * SEC, connect('WKS2', 'PUBLIC')],
  [26 * SEC, registry(45)],
  [27 * SEC, restart],
  [28 * SEC, restart],
);
const TAPES: [string, Partial<ServerConfig>, TapeEntry[]][] = [
  ['client', {}, client],
  ['server', { licenseLimit: 1 }, server],
];

const logOf = (version: NtVersion, config: Partial<ServerConfig>, t: TapeEntry[]) =>
  simulate({ version, ...config }, t).log;

describe('the log’s wording', () => {
  it('the tapes reach every outcome code, and no entry carries a code outside LOG_CODES', () => {
    const reached = new Set(
      VERSIONS.flatMap((version) =>
        TAPES.flatMap(([, config, t]) => logOf(version, config, t).map((e) => e.code)),
      ),
    );
    expect([...reached].filter((code) => !Object.hasOwn(LOG_CODES, code))).toEqual([]);
    expect(Object.keys(LOG_CODES).filter((code) => !reached.has(code as keyof typeof LOG_CODES))).toEqual([]);
  });

  it('what each entry says, on every version (one snapshot)', () => {
    const said = Object.fromEntries(
      VERSIONS.flatMap((version) =>
        TAPES.map(([name, config, t]) => [
          `NT ${version}, ${name} tape`,
          logOf(version, config, t).map((e) => `${e.at / SEC}s ${e.code}: ${e.text}`),
        ]),
      ),
    );
    expect(said).toMatchSnapshot();
  });

  it('row 13: errors 71 (Q149522), 1219 (Q98724) and 5 in NT’s own words', () => {
    const errors = new Map(
      logOf('3.51', {}, client)
        .concat(logOf('3.51', { licenseLimit: 1 }, server))
        .map((e) => [e.error, e.text]),
    );
    expect(errors.get(71)).toContain(
      'No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept.',
    );
    expect(errors.get(71)).not.toContain('The network request was not accepted');
    expect(errors.get(1219)).toContain(
      'The credentials supplied conflict with an existing set of credentials.',
    );
    expect(errors.get(5)).toContain('Access is denied.');
  });

  it('entries that rest on a modelling choice say so', () => {
    for (const version of VERSIONS) {
      const log = logOf(version, { licenseLimit: 1 }, server).concat(logOf(version, {}, client));
      const choices = log.filter(
        (e) =>
          e.code === 'autodisconnect' ||
          e.code === 'session.end.netbios-linger' ||
          (e.code === 'licensing.start' && version !== '3.5') ||
          (e.code === 'autodisconnect.set' && e.cites?.includes('autodisconnect-zero')),
      );
      expect(choices.length, `NT ${version}`).toBeGreaterThan(0);
      for (const entry of choices)
        expect(entry.text, `${version} ${entry.code}`).toContain('modelling choice');
    }
  });

  it('row 12: a registry edit is never said to apply before the Server service restarts', () => {
    const edits = logOf('4.0', { licenseLimit: 1 }, server).filter(
      (e) => e.code === 'registry.autodisconnect',
    );
    expect(
      edits.map(
        (e) => e.text.match(/until it is restarted|the same value the Server service is using now/)?.[0],
      ),
    ).toEqual([
      'until it is restarted',
      'the same value the Server service is using now',
      'until it is restarted',
    ]);
  });
});
