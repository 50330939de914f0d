import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/machines/models';
import {
  type DomainReading,
  LOCKED,
  NOT_LOCKED,
  ntDomain,
  readings,
  UNTIL_UNLOCKED,
} from '../../src/machines/nt-domain';
import { readings as serverReadings } from '../../src/machines/nt-server/readings';
import { readingsOf } from '../../src/machines/readings';
import { bads, good, MIN, SEC, tape, unlock } from './nt-domain.helpers';

/* Readings: what quiz questions and troubleshooter results read off a moment. */

const lockedMoment = {
  config: { lockoutThreshold: 3 },
  tape: tape(...bads(3, 'WKS1', 'jsmith'), [10 * SEC, good('WKS1', 'jsmith')]),
  at: 10 * MIN,
};

describe('nt-domain readings', () => {
  it('are the model’s readings, and every model registered has a readings object', () => {
    expect(readingsOf(ntDomain.id)).toBe(readings);
    expect(readingsOf('nt-server')).toBe(serverReadings);
    for (const id of Object.keys(MODELS)) {
      expect(readingsOf(id)?.check).toBeTypeOf('function');
      expect(readingsOf(id)?.read).toBeTypeOf('function');
    }
  });

  it.each<[DomainReading, string]>([
    [{ what: 'bad-password-count', dc: 'PDC1', user: 'jsmith' }, '3'],
    [{ what: 'bad-password-count', dc: 'BDC1', user: 'jsmith' }, '3'],
    [{ what: 'bad-password-count', dc: 'PDC1', user: 'mlee' }, '0'],
    [{ what: 'locked-out', user: 'jsmith' }, LOCKED],
    [{ what: 'locked-out', user: 'jsmith', dc: 'BDC1' }, LOCKED],
    [{ what: 'locked-out', user: 'mlee' }, NOT_LOCKED],
    [{ what: 'outcome', computer: 'WKS1' }, 'Refused with error 1909'],
    [{ what: 'outcome', computer: 'WKS2' }, 'Nothing happens'],
    // Locked at 2 s for 30 minutes; asked at 10 minutes.
    [{ what: 'minutes-to-unlock', user: 'jsmith' }, '21'],
    [{ what: 'minutes-to-unlock', user: 'mlee' }, NOT_LOCKED],
  ])('%j reads %s', (reading, answer) => {
    expect(readings.check(reading)).toBeNull();
    expect(readings.read(reading, lockedMoment)).toBe(answer);
  });

  it('outcome texts: logged on, 1326, 1909', () => {
    const moment = (t: number) => ({
      config: { lockoutThreshold: 2 },
      tape: tape([0, good('WKS2', 'mlee')], ...bads(2, 'WKS2', 'mlee', SEC), [5 * SEC, good('WKS2', 'mlee')]),
      at: t,
    });
    const outcome = { what: 'outcome', computer: 'WKS2' } as const;
    expect([0, SEC, 5 * SEC].map((t) => readings.read(outcome, moment(t)))).toEqual([
      'Logged on',
      'Refused with error 1326',
      'Refused with error 1909',
    ]);
  });

  it('a lockout of Forever never ends by itself; the unlock ends it', () => {
    const steps = tape(...bads(5, 'WKS2', 'mlee'), [2 * MIN, unlock('mlee')]);
    const config = { lockoutDurationMinutes: -1 };
    const reading = { what: 'minutes-to-unlock', user: 'mlee' } as const;
    expect(readings.read(reading, { config, tape: steps, at: MIN })).toBe(UNTIL_UNLOCKED);
    expect(readings.read(reading, { config, tape: steps, at: 3 * MIN })).toBe(NOT_LOCKED);
  });

  it.each([
    [{ what: 'colour' }, /Unknown reading "colour"/],
    [{ what: 'outcome' }, /needs a computer/],
    [{ what: 'outcome', computer: 'WKS9' }, /Unknown computer "WKS9"/],
    [{ what: 'bad-password-count', dc: 'BDC7', user: 'jsmith' }, /Unknown domain controller "BDC7"/],
    [{ what: 'locked-out', user: 'nobody' }, /Unknown user account "nobody"/],
    [{ what: 'minutes-to-unlock', user: 'jsmith', dc: 'PDC1' }, /takes user, not "dc"/],
  ])('check(%j) explains what is wrong', (reading, message) => {
    expect(readings.check(reading)).toMatch(message);
  });

  it('the server’s readings check its own shapes and read as its read does', () => {
    expect(serverReadings.check({ what: 'licences-in-use' })).toBeNull();
    expect(serverReadings.check({ what: 'outcome', computer: 'WKS1' })).toBeNull();
    expect(serverReadings.check({ what: 'counter', counter: 'sessionsTimedOut' })).toBeNull();
    expect(serverReadings.check({ what: 'bad-password-count', dc: 'PDC1', user: 'jsmith' })).toMatch(
      /Unknown reading/,
    );
    expect(serverReadings.check({ what: 'outcome', computer: 'PDC1' })).toMatch(/Unknown computer/);
    expect(serverReadings.check({ what: 'counter', counter: 'nope' })).toMatch(/Unknown counter/);
    const moment = {
      config: { version: '4.0' as const },
      tape: [{ at: 0, event: { type: 'share.connect' as const, computer: 'WKS1', share: 'PUBLIC' } }],
      at: 0,
    };
    expect(serverReadings.read({ what: 'licences-in-use' }, moment)).toBe('1');
    expect(readings.check({ what: 'licences-in-use' })).toMatch(/Unknown reading/);
  });
});
