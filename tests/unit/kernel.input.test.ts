import { describe, expect, it } from 'vitest';
import {
  normalizeConfig,
  type ServerConfig,
  SimulationInputError,
  simulate,
  type TapeEntry,
  validateAutodisconnect,
} from '../../src/machines';
import { admin, connect, limit, MIN, tape, VERSIONS } from './helpers';

const ok: TapeEntry = { at: 0, event: connect('WKS1', 'PUBLIC') };

function errorOf(run: () => unknown): SimulationInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof SimulationInputError) return error;
    throw error;
  }
  throw new Error('expected a SimulationInputError');
}

describe('bad tape entries throw SimulationInputError naming the entry', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'unknown computer',
      { at: 2 * MIN, event: connect('WKS9', 'PUBLIC') },
      /Tape entry 2 \(at 120000 ms, share\.connect\): unknown computer "WKS9"; known computers are WKS1, WKS2\./,
    ],
    [
      'unknown share',
      { at: MIN, event: connect('WKS1', 'DATA') },
      /Tape entry 2 .*unknown share "DATA"; known shares are IPC\$, PUBLIC, TOOLS/,
    ],
    [
      'a file opened on IPC$',
      { at: MIN, event: { type: 'file.open', computer: 'WKS1', share: 'IPC$' } },
      /Tape entry 2 .*IPC\$ holds no files to open or close; use PUBLIC, TOOLS\./,
    ],
    [
      'licensing.limit of 0',
      { at: MIN, event: { type: 'licensing.limit', licenses: 0 } },
      /Tape entry 2 .*licence limit 0 is not valid; use a whole number from 1 to 9999\./,
    ],
    [
      'licensing.limit not an integer',
      { at: MIN, event: { type: 'licensing.limit', licenses: 2.5 } },
      /Tape entry 2 .*licence limit 2\.5 is not valid/,
    ],
    [
      'licensing.limit above 9999',
      { at: MIN, event: { type: 'licensing.limit', licenses: 10000 } },
      /Tape entry 2 .*licence limit 10000 is not valid/,
    ],
    [
      'admin.disconnect of an unknown computer',
      { at: MIN, event: { type: 'admin.disconnect', computer: 'WKS3', share: 'PUBLIC' } },
      /Tape entry 2 \(at 60000 ms, admin\.disconnect\): unknown computer "WKS3"/,
    ],
    [
      'admin.disconnect of an unknown share',
      { at: MIN, event: { type: 'admin.disconnect', computer: 'WKS1', share: 'DATA' } },
      /Tape entry 2 \(at 60000 ms, admin\.disconnect\): unknown share "DATA"/,
    ],
    [
      'unknown user',
      { at: MIN, event: connect('WKS1', 'PUBLIC', 'root') },
      /Tape entry 2 .*unknown account "root"/,
    ],
    [
      'unknown event type',
      { at: MIN, event: { type: 'share.mount' } },
      /Tape entry 2 .*unknown event type "share\.mount"/,
    ],
    ['negative time', { at: -5, event: connect('WKS1', 'PUBLIC') }, /Tape entry 2 .*negative/],
    [
      'non-finite time',
      { at: Number.POSITIVE_INFINITY, event: connect('WKS1', 'PUBLIC') },
      /Tape entry 2.*not a finite number/,
    ],
    ['NaN time', { at: Number.NaN, event: connect('WKS1', 'PUBLIC') }, /Tape entry 2.*not a finite number/],
    [
      'autodisconnect above 65535',
      { at: MIN, event: { type: 'autodisconnect.set', minutes: 65536 } },
      /Tape entry 2 .*65536 is out of range/,
    ],
    [
      'autodisconnect below -1',
      { at: MIN, event: { type: 'autodisconnect.set', minutes: -2 } },
      /Tape entry 2 .*-2 is out of range/,
    ],
    [
      'autodisconnect not an integer',
      { at: MIN, event: { type: 'autodisconnect.set', minutes: 1.5 } },
      /Tape entry 2 .*not a whole number/,
    ],
    ['entry that is not an object', null, /Tape entry 2: expected an object/],
    ['entry without event', { at: MIN }, /Tape entry 2 \(at 60000 ms\): the entry has no event/],
  ];

  it.each(cases)('%s', (_name, entry, message) => {
    const error = errorOf(() => simulate({ version: '3.51' }, [ok, entry as TapeEntry]));

    expect(error.message).toMatch(message);
    expect(error.index).toBe(1);
  });

  it('time going backwards', () => {
    const tape: TapeEntry[] = [
      { at: 0, event: connect('WKS1', 'PUBLIC') },
      { at: 5 * MIN, event: connect('WKS2', 'PUBLIC') },
      { at: 2 * MIN, event: connect('WKS1', 'TOOLS', 'jsmith') },
    ];

    const error = errorOf(() => simulate({ version: '4.0' }, tape));

    expect(error.message).toBe(
      'Tape entry 3 (at 120000 ms, share.connect): time 120000 ms goes backwards; the previous entry is at 300000 ms.',
    );
    expect(error.index).toBe(2);
  });

  it('validates the whole tape before running, even entries after until', () => {
    const tape = [ok, { at: 10 * MIN, event: connect('WKS3', 'PUBLIC') }];

    expect(() => simulate({ version: '3.51' }, tape, MIN)).toThrow(SimulationInputError);
  });
});

describe('bad configuration and until', () => {
  const cases: [string, ServerConfig, RegExp][] = [
    [
      'unknown version',
      { version: '5.0' as never },
      /unknown version "5\.0"; known versions are 3\.5, 3\.51, 4\.0/,
    ],
    ['licence limit 0', { version: '3.51', licenseLimit: 0 }, /licence limit 0 is not valid/],
    ['licence limit not an integer', { version: '3.51', licenseLimit: 2.5 }, /licence limit 2\.5/],
    ['absurd licence limit', { version: '3.51', licenseLimit: 1e9 }, /licence limit 1000000000/],
    [
      'autodisconnect out of range',
      { version: '3.51', autodisconnectMinutes: 70000 },
      /70000 is out of range/,
    ],
    ['licenseLogging not a boolean', { version: '3.51', licenseLogging: 'yes' as never }, /licenseLogging/],
  ];

  it.each(cases)('%s', (_name, config, message) => {
    const error = errorOf(() => simulate(config, [ok]));

    expect(error.message).toMatch(/^Configuration: /);
    expect(error.message).toMatch(message);
    expect(error.index).toBe(-1);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('until %s is refused', (until) => {
    expect(() => simulate({ version: '3.51' }, [ok], until)).toThrow(SimulationInputError);
  });

  it('normalizeConfig fills in the defaults', () => {
    expect(normalizeConfig({ version: '4.0' })).toEqual({
      version: '4.0',
      autodisconnectMinutes: 15,
      licenseLimit: 5,
      licenseLogging: true,
    });
  });
});

describe('validateAutodisconnect mirrors net config server /autodisconnect', () => {
  it.each([
    ['-1', -1],
    ['0', 0],
    [' 15 ', 15],
    ['65535', 65535],
    [42, 42],
  ] as const)('accepts %j', (value, minutes) => {
    expect(validateAutodisconnect(value)).toEqual({ ok: true, minutes });
  });

  it.each(['', 'abc', '1.5', '65536', '-2', '1e3', 12.5, Number.NaN])(
    'rejects %j with a sentence',
    (value) => {
      const result = validateAutodisconnect(value);

      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^.+\.$/);
    },
  );
});

describe.each(VERSIONS)('NT %s: row 7, bad input is refused on every version', (version) => {
  it('bad licensing.limit and admin.disconnect input throws a SimulationInputError', () => {
    expect(() => simulate({ version }, tape([0, limit(0)]))).toThrow(/licence limit 0 is not valid/);
    expect(() => simulate({ version }, tape([0, admin('WKS1', 'DATA')]))).toThrow(/unknown share "DATA"/);
  });
});
