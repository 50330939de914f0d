import { describe, expect, it } from 'vitest';
import { SimulationInputError as ContractError } from '../../src/machines';
import { POLICY_ORDER_MESSAGE, SimulationInputError, simulate } from '../../src/machines/nt-domain';
import {
  bad,
  bads,
  count,
  good,
  lastError,
  locked,
  lockedAt,
  MIN,
  SEC,
  sync,
  tape,
  unlock,
} from './nt-domain.helpers';

/* DESIGN.md "Model `nt-domain`: the contract", rows 1 to 9; the default version is 4.0. */

describe('row 1: a bad password adds to the validating DC’s count', () => {
  it('1 for a console logon at the PDC, and the BDC is not told', () => {
    const view = simulate({}, tape([0, bad('WKS2', 'mlee')]));

    expect([count(view, 'PDC1', 'mlee'), count(view, 'BDC1', 'mlee')]).toEqual([1, 0]);
    expect(lastError(view, 'WKS2')).toBe(1326);
  });

  it('1 for net use, 3 for a UNC path through MUP', () => {
    const view = simulate({}, tape([0, bad('WKS2', 'mlee', 'net use')], [SEC, bad('WKS2', 'jsmith', 'unc')]));

    expect(count(view, 'PDC1', 'mlee')).toBe(1);
    expect(count(view, 'PDC1', 'jsmith')).toBe(3);
  });

  it('a failure at a BDC reaches the PDC, which counts it too', () => {
    const view = simulate({}, tape([0, bad('WKS1', 'jsmith')], [SEC, bad('WKS1', 'jsmith', 'unc')]));

    expect([count(view, 'BDC1', 'jsmith'), count(view, 'PDC1', 'jsmith')]).toEqual([4, 4]);
  });
});

describe('row 2: "Reset count after"', () => {
  const config = { resetCountMinutes: 30 };
  const steps = tape([0, bad('WKS2', 'mlee')], [MIN, bad('WKS2', 'mlee')]);

  it('the count stands until the window has passed with no bad attempt, then shows 0 (reset-shown)', () => {
    expect(count(simulate(config, steps, 31 * MIN - 1), 'PDC1', 'mlee')).toBe(2);
    expect(count(simulate(config, steps, 31 * MIN), 'PDC1', 'mlee')).toBe(0);
  });

  it('a bad attempt inside the window starts it again; the next after the window counts from 1', () => {
    const inside = simulate(config, [...steps, { at: 20 * MIN, event: bad('WKS2', 'mlee') }], 45 * MIN);
    const after = simulate(config, [...steps, { at: 40 * MIN, event: bad('WKS2', 'mlee') }]);

    expect(count(inside, 'PDC1', 'mlee')).toBe(3);
    expect(count(after, 'PDC1', 'mlee')).toBe(1);
  });
});

describe('row 3: the threshold locks the account', () => {
  it('the attempt that reaches it is refused with 1326; after it even the good password gets 1909', () => {
    const locking = simulate({ lockoutThreshold: 3 }, tape(...bads(3, 'WKS2', 'mlee')));
    const after = simulate(
      { lockoutThreshold: 3 },
      tape(...bads(3, 'WKS2', 'mlee'), [10 * SEC, good('WKS2', 'mlee')]),
    );

    expect(lastError(locking, 'WKS2')).toBe(1326);
    expect(locked(locking, 'mlee')).toBe(true);
    // The attempt that locked is a refusal like the others, marked as the one that locked.
    expect(locking.log.map((e) => [e.kind, e.error, e.locks ?? false])).toEqual([
      ['refused', 1326, false],
      ['refused', 1326, false],
      ['refused', 1326, true],
    ]);
    expect(lastError(after, 'WKS2')).toBe(1909);
    expect(count(after, 'PDC1', 'mlee')).toBe(3);
  });

  it('one short of the threshold the good password logs on', () => {
    const view = simulate(
      { lockoutThreshold: 3 },
      tape(...bads(2, 'WKS2', 'mlee'), [10 * SEC, good('WKS2', 'mlee')]),
    );

    expect(lastError(view, 'WKS2')).toBeUndefined();
    expect(locked(view, 'mlee')).toBe(false);
  });

  it('the decision reads the PDC’s count: a BDC’s stale count over the threshold locks nothing', () => {
    // Six at the BDC lock it; the unlock zeroes the PDC; one more at the BDC: BDC 7, PDC 1, not locked.
    const view = simulate(
      { lockoutThreshold: 6 },
      tape(...bads(6, 'WKS1', 'jsmith'), [MIN, unlock('jsmith')], [MIN + SEC, bad('WKS1', 'jsmith')]),
    );

    expect([count(view, 'BDC1', 'jsmith'), count(view, 'PDC1', 'jsmith')]).toEqual([7, 1]);
    expect(locked(view, 'jsmith')).toBe(false);
    expect(lastError(view, 'WKS1')).toBe(1326);
  });

  it('a threshold of 0 never locks, though the count still climbs', () => {
    const view = simulate(
      { lockoutThreshold: 0 },
      tape(...bads(12, 'WKS2', 'mlee'), [MIN, good('WKS2', 'mlee')]),
    );

    expect(locked(view, 'mlee')).toBe(false);
    expect(lastError(view, 'WKS2')).toBeUndefined();
    expect(view.log.filter((e) => e.error === 1326)).toHaveLength(12);
  });

  it('a UNC attempt stops counting at the lockout (mup-stops-at-lock)', () => {
    const view = simulate({ lockoutThreshold: 2 }, tape([0, bad('WKS2', 'mlee', 'unc')]));

    expect(count(view, 'PDC1', 'mlee')).toBe(2);
    expect(locked(view, 'mlee')).toBe(true);
  });
});

describe('row 4: lockout duration', () => {
  it('after the duration the good password logs on again', () => {
    const steps = (at: number) => tape(...bads(5, 'WKS2', 'mlee'), [at, good('WKS2', 'mlee')]);
    // Locked at 4 s (the fifth attempt); 30 minutes later it ends.
    expect(lastError(simulate({ lockoutDurationMinutes: 30 }, steps(4 * SEC + 30 * MIN - 1)), 'WKS2')).toBe(
      1909,
    );
    expect(
      lastError(simulate({ lockoutDurationMinutes: 30 }, steps(4 * SEC + 30 * MIN)), 'WKS2'),
    ).toBeUndefined();
  });

  it('-1 keeps it locked until an administrator unlocks it', () => {
    const config = { lockoutDurationMinutes: -1 };
    const days = 6 * 24 * 60 * MIN;
    const still = simulate(config, tape(...bads(5, 'WKS2', 'mlee'), [days, good('WKS2', 'mlee')]));
    const freed = simulate(
      config,
      tape(...bads(5, 'WKS2', 'mlee'), [days, unlock('mlee')], [days + SEC, good('WKS2', 'mlee')]),
    );

    expect(lastError(still, 'WKS2')).toBe(1909);
    expect(still.accounts.find((a) => a.user === 'mlee')?.untilUnlocked).toBe(true);
    expect(lastError(freed, 'WKS2')).toBeUndefined();
  });
});

describe('row 5: unlocking and synchronizing', () => {
  const locked6 = tape(...bads(6, 'WKS1', 'jsmith'), [MIN, unlock('jsmith')]);

  it('the unlock zeroes the PDC’s count at once; the BDC keeps its figure until the pulse', () => {
    const config = { lockoutThreshold: 6, syncMinutes: 5 };
    const before = simulate(config, locked6, 5 * MIN - 1);
    const after = simulate(config, locked6, 5 * MIN);

    expect([count(before, 'PDC1', 'jsmith'), count(before, 'BDC1', 'jsmith')]).toEqual([0, 6]);
    expect(lockedAt(before, 'BDC1', 'jsmith')).toBe(true);
    expect([count(after, 'PDC1', 'jsmith'), count(after, 'BDC1', 'jsmith')]).toEqual([0, 0]);
    expect(lockedAt(after, 'BDC1', 'jsmith')).toBe(false);
  });

  it('Server Manager’s Synchronize brings the BDC in step at once', () => {
    const view = simulate({ lockoutThreshold: 6 }, [...locked6, { at: 2 * MIN, event: sync('BDC1') }]);

    expect(count(view, 'BDC1', 'jsmith')).toBe(0);
    expect(view.dcs.find((d) => d.name === 'BDC1')?.outOfStep).toBe(false);
  });

  it('a good logon at a BDC zeroes the PDC’s count, not the BDC’s, until the next synchronization', () => {
    const steps = tape(...bads(3, 'WKS1', 'jsmith'), [10 * SEC, good('WKS1', 'jsmith')]);
    const now = simulate({ syncMinutes: 5 }, steps);
    const synced = simulate({ syncMinutes: 5 }, steps, 5 * MIN);

    expect([count(now, 'PDC1', 'jsmith'), count(now, 'BDC1', 'jsmith')]).toEqual([0, 3]);
    expect(count(synced, 'BDC1', 'jsmith')).toBe(0);
  });
});

describe('row 6: policy.set', () => {
  it('a duration shorter than the reset count time is refused with User Manager’s message; nothing changes', () => {
    const view = simulate({}, tape([0, { type: 'policy.set', resetCountMinutes: 60 }]));

    expect(view.policy).toEqual({ lockoutThreshold: 5, resetCountMinutes: 30, lockoutDurationMinutes: 30 });
    expect(view.log.at(-1)?.text).toContain(POLICY_ORDER_MESSAGE);
    expect(POLICY_ORDER_MESSAGE).toBe(
      'The lockout duration must be greater than or equal to the reset count time.',
    );
  });

  it('an accepted policy governs the next bad attempt', () => {
    const view = simulate(
      {},
      tape(
        [0, { type: 'policy.set', lockoutThreshold: 2, lockoutDurationMinutes: -1 }],
        ...bads(2, 'WKS2', 'mlee', SEC),
      ),
    );

    expect(view.policy).toEqual({ lockoutThreshold: 2, resetCountMinutes: 30, lockoutDurationMinutes: -1 });
    expect(locked(view, 'mlee')).toBe(true);
  });

  it.each([
    [{ lockoutThreshold: 1000 }, /lockout threshold 1000/],
    [{ lockoutThreshold: -1 }, /lockout threshold -1/],
    [{ resetCountMinutes: 0 }, /reset count time 0/],
    [{ lockoutDurationMinutes: 0 }, /lockout duration 0/],
    [{ lockoutDurationMinutes: 100_000 }, /lockout duration 100000/],
    [{ lockoutThreshold: 2.5 }, /lockout threshold 2.5/],
  ])('out of range %j is bad input naming the entry', (fields, message) => {
    const run = () => simulate({}, tape([0, bad('WKS2', 'mlee')], [SEC, { type: 'policy.set', ...fields }]));

    expect(run).toThrow(SimulationInputError);
    expect(run).toThrow(/Tape entry 2 \(at 1000 ms, policy\.set\)/);
    expect(run).toThrow(message);
  });
});

describe('row 7: a retrier with an old password', () => {
  it('locks the account with nobody typing, and keeps trying (1909) until stopped', () => {
    const steps = tape(
      [0, { type: 'retrier.start', computer: 'WKS1', user: 'jsmith', everySeconds: 60 }],
      [10 * MIN + 30 * SEC, { type: 'retrier.stop', computer: 'WKS1' }],
    );
    const at4 = simulate({}, steps, 4 * MIN);
    const end = simulate({}, steps, 20 * MIN);
    const tries = end.log.filter((e) => e.computer === 'WKS1' && e.via === 'net use');

    expect(locked(simulate({}, steps, 4 * MIN - 1), 'jsmith')).toBe(false);
    expect(locked(at4, 'jsmith')).toBe(true);
    expect(tries.map((e) => e.error)).toEqual([1326, 1326, 1326, 1326, 1326, ...Array(6).fill(1909)]);
    expect(end.computers.find((c) => c.name === 'WKS1')?.retrier).toBeNull();
  });
});

describe('row 8: determinism and bad input', () => {
  it('the same input gives the same view', () => {
    const steps = tape(...bads(4, 'WKS1', 'jsmith'), [MIN, unlock('jsmith')], [2 * MIN, sync('PDC1')]);
    expect(simulate({ version: '3.51' }, steps, 40 * MIN)).toEqual(
      simulate({ version: '3.51' }, steps, 40 * MIN),
    );
  });

  it('SimulationInputError is the contract’s class', () => {
    expect(SimulationInputError).toBe(ContractError);
  });

  it.each([
    [[{ at: 0, event: bad('WKS9', 'jsmith') }], /Tape entry 1 .*unknown computer "WKS9"/],
    [[{ at: 0, event: bad('WKS1', 'nobody') }], /Tape entry 1 .*unknown user account "nobody"/],
    [[{ at: 0, event: sync('BDC7') }], /Tape entry 1 .*unknown domain controller "BDC7"/],
    [
      [
        { at: 5, event: unlock('mlee') },
        { at: 4, event: unlock('mlee') },
      ],
      /Tape entry 2 .*goes backwards/,
    ],
    [[{ at: -1, event: unlock('mlee') }], /Tape entry 1 .*negative/],
    [
      [{ at: 0, event: { type: 'retrier.start', computer: 'WKS1', user: 'jsmith', everySeconds: 0 } }],
      /Tape entry 1 .*retry interval/,
    ],
  ])('%j is refused, naming the entry', (steps, message) => {
    expect(() => simulate({}, steps as never)).toThrow(SimulationInputError);
    expect(() => simulate({}, steps as never)).toThrow(message);
  });

  it.each([
    [{ version: '3.5' }, /unknown version "3.5"/],
    [{ lockoutThreshold: 1000 }, /lockout threshold 1000/],
    [{ resetCountMinutes: 100_000 }, /reset count time 100000/],
    [{ syncMinutes: 0 }, /synchronization interval 0/],
    [{ lockoutDurationMinutes: 10, resetCountMinutes: 20 }, /must be greater than or equal/],
    [{ colour: 'red' }, /unknown field "colour"/],
  ])('configuration %j is refused', (config, message) => {
    expect(() => simulate(config as never, [])).toThrow(SimulationInputError);
    expect(() => simulate(config as never, [])).toThrow(message);
  });
});

describe('row 9: NT 3.51 (each BDC counts on its own) and NT 4.0 (the PDC counts and decides)', () => {
  // Four bad attempts at each DC: the threshold is 5.
  const split = tape(...bads(4, 'WKS1', 'jsmith'), ...bads(4, 'WKS2', 'jsmith', 10 * SEC));

  it('3.51: up to threshold × DCs bad attempts before the pulse, and none of them locks', () => {
    const view = simulate({ version: '3.51' }, split);

    expect([count(view, 'BDC1', 'jsmith'), count(view, 'PDC1', 'jsmith')]).toEqual([4, 4]);
    expect(locked(view, 'jsmith')).toBe(false);
  });

  it('4.0: the PDC counts the BDC’s failures too, so the fifth locks', () => {
    const view = simulate({ version: '4.0' }, split);

    expect(count(view, 'PDC1', 'jsmith')).toBe(5);
    expect(locked(view, 'jsmith')).toBe(true);
    expect(lastError(view, 'WKS2')).toBe(1909);
  });

  it('3.51: a BDC at the threshold locks and sends the lockout to the PDC at once', () => {
    const view = simulate({ version: '3.51' }, tape(...bads(5, 'WKS1', 'jsmith')));

    expect([lockedAt(view, 'BDC1', 'jsmith'), lockedAt(view, 'PDC1', 'jsmith')]).toEqual([true, true]);
    expect(count(view, 'PDC1', 'jsmith')).toBe(0);
  });

  it('3.51: a lockout reached at the PDC reaches the BDC only at the pulse; until then the BDC lets the user in', () => {
    const steps = tape(
      ...bads(5, 'WKS2', 'jsmith'),
      [MIN, good('WKS1', 'jsmith')],
      [6 * MIN, good('WKS1', 'jsmith')],
    );
    const before = simulate({ version: '3.51' }, steps, MIN);
    const after = simulate({ version: '3.51' }, steps);

    expect(lastError(before, 'WKS1')).toBeUndefined();
    expect(lastError(after, 'WKS1')).toBe(1909);
  });

  it('3.51: after an unlock the BDC refuses as locked out until it synchronizes', () => {
    const steps = tape(
      ...bads(5, 'WKS1', 'jsmith'),
      [MIN, unlock('jsmith')],
      [2 * MIN, good('WKS1', 'jsmith')],
    );
    const refused = simulate({ version: '3.51', syncMinutes: 60 }, steps);
    const synced = simulate({ version: '3.51', syncMinutes: 60 }, [
      ...steps.slice(0, -1),
      { at: 90 * SEC, event: sync('BDC1') },
      ...steps.slice(-1),
    ]);

    expect(lastError(refused, 'WKS1')).toBe(1909);
    expect(lastError(synced, 'WKS1')).toBeUndefined();
  });

  it('3.51: the first good logon after an unlock is let in and locks the account again (unlock-not-written)', () => {
    const steps = tape(
      ...bads(5, 'WKS2', 'mlee'),
      [MIN, unlock('mlee')],
      [2 * MIN, good('WKS2', 'mlee')],
      [3 * MIN, good('WKS2', 'mlee')],
    );
    const first = simulate({ version: '3.51' }, steps, 2 * MIN);
    const second = simulate({ version: '3.51' }, steps);
    const fourO = simulate({ version: '4.0' }, steps);

    expect(lastError(first, 'WKS2')).toBeUndefined();
    expect(locked(first, 'mlee')).toBe(true);
    expect(lastError(second, 'WKS2')).toBe(1909);
    expect(lastError(fourO, 'WKS2')).toBeUndefined();
  });
});

describe('error texts are NT’s own', () => {
  it('1326 and 1909 as NT words them (snapshot)', () => {
    const view = simulate(
      { lockoutThreshold: 1 },
      tape([0, bad('WKS2', 'mlee')], [SEC, good('WKS2', 'mlee')]),
    );
    expect(view.log.map((e) => [e.error, e.text])).toMatchInlineSnapshot(`
      [
        [
          1326,
          "WKS2: mlee at the console, validated by PDC1: refused, error 1326. Logon failure: unknown user name or bad password. PDC1 counts 1. The threshold is reached: the account is locked out at PDC1 until 00:30:00.",
        ],
        [
          1909,
          "WKS2: mlee at the console, validated by PDC1: refused, error 1909. The referenced account is currently locked out and may not be logged on to. The password was not checked and no count changed.",
        ],
      ]
    `);
  });
});
