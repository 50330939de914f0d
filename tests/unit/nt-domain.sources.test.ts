import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/machines/nt-domain';
import { bad, bads, count, good, lastError, locked, MIN, SEC, sync, tape, unlock } from './nt-domain.helpers';

/*
 * The sources' own walk-throughs, step by step, as the model replays them: what an article can show
 * and cite. Facts from reference/originals (via reference/domain-facts.md).
 */

describe('Q297157 (NT 4.0): one PDC, one BDC, lockout after six bad attempts', () => {
  const config = { version: '4.0' as const, lockoutThreshold: 6, syncMinutes: 5 };
  // Step 1: one bad password validated by the BDC (WKS1's logons go to BDC1).
  const step1 = tape([0, bad('WKS1', 'jsmith')]);
  // Step 3: five more (the article types six more; five reach the threshold of six, the sixth is refused as locked out).
  const step3 = [...step1, ...tape(...bads(6, 'WKS1', 'jsmith', SEC))];
  // Step 4: the administrator unlocks in User Manager for Domains.
  const step4 = [...step3, ...tape([MIN, unlock('jsmith')])];

  it('step 2: nltest shows the same count, 1, on both DCs', () => {
    const view = simulate(config, step1);
    expect([count(view, 'BDC1', 'jsmith'), count(view, 'PDC1', 'jsmith')]).toEqual([1, 1]);
  });

  it('step 3: both show 6 and the account is locked out', () => {
    const view = simulate(config, step3);
    expect([count(view, 'BDC1', 'jsmith'), count(view, 'PDC1', 'jsmith')]).toEqual([6, 6]);
    expect(locked(view, 'jsmith')).toBe(true);
  });

  it('step 4: the unlock zeroes the PDC at once, the BDC keeps 6 until synchronization, then 0', () => {
    const now = simulate(config, step4);
    const synced = simulate(config, step4, 5 * MIN);
    expect([count(now, 'PDC1', 'jsmith'), count(now, 'BDC1', 'jsmith')]).toEqual([0, 6]);
    expect(count(synced, 'BDC1', 'jsmith')).toBe(0);
  });

  it('step 4: a bad password at the BDC before synchronization makes the PDC 1 and locks nothing', () => {
    const view = simulate(config, [...step4, ...tape([2 * MIN, bad('WKS1', 'jsmith')])]);
    expect(count(view, 'PDC1', 'jsmith')).toBe(1);
    expect(locked(view, 'jsmith')).toBe(false);
  });

  it('step 5: a good logon at the BDC zeroes the PDC, not the BDC, until synchronization', () => {
    const view = simulate(config, [
      ...step4,
      ...tape([2 * MIN, bad('WKS1', 'jsmith')], [3 * MIN, good('WKS1', 'jsmith')]),
    ]);
    expect([count(view, 'PDC1', 'jsmith'), count(view, 'BDC1', 'jsmith')]).toEqual([0, 7]);
  });
});

describe('Q219898: how much one attempt adds', () => {
  it.each([
    ['console', 1],
    ['net use', 1],
    ['unc', 3],
  ] as const)('%s adds %i', (via, n) => {
    expect(count(simulate({}, tape([0, bad('WKS2', 'mlee', via)])), 'PDC1', 'mlee')).toBe(n);
  });
});

describe('Q185952 (NT 3.51): each DC counts on its own until the pulse', () => {
  it('threshold × DCs bad attempts go by unlocked; one more at a DC at its threshold locks the domain', () => {
    const config = { version: '3.51' as const, lockoutThreshold: 3 };
    const window = tape(...bads(2, 'WKS1', 'jsmith'), ...bads(2, 'WKS2', 'jsmith', 10 * SEC));
    const more = [...window, ...tape([20 * SEC, bad('WKS1', 'jsmith')], [30 * SEC, good('WKS2', 'jsmith')])];
    expect(locked(simulate(config, window), 'jsmith')).toBe(false);
    expect(lastError(simulate(config, more), 'WKS2')).toBe(1909);
  });
});

describe('Q191828: a program with an old password every 60 seconds', () => {
  it('locks the account within the threshold’s minutes; after an unlock it locks again as soon', () => {
    const steps = tape(
      [0, { type: 'retrier.start', computer: 'WKS1', user: 'jsmith', everySeconds: 60 }],
      [10 * MIN + SEC, unlock('jsmith')],
    );
    // Tries at 0:00 to 4:00 reach the threshold of 5.
    expect(locked(simulate({}, steps, 4 * MIN - 1), 'jsmith')).toBe(false);
    expect(locked(simulate({}, steps, 4 * MIN), 'jsmith')).toBe(true);
    expect(locked(simulate({}, steps, 10 * MIN + SEC), 'jsmith')).toBe(false);
    // The PDC counts again from 0: tries at 11:00 to 15:00 lock it once more.
    expect(locked(simulate({}, steps, 15 * MIN - 1), 'jsmith')).toBe(false);
    expect(locked(simulate({}, steps, 15 * MIN), 'jsmith')).toBe(true);
  });
});

describe('Q245072: a BDC out of step refuses as locked out; Synchronize fixes it', () => {
  it('on NT 3.51 the unlocked account is refused at the BDC until Server Manager synchronizes it', () => {
    const config = { version: '3.51' as const, syncMinutes: 60 };
    const steps = tape(
      ...bads(5, 'WKS1', 'jsmith'),
      [MIN, unlock('jsmith')],
      [2 * MIN, good('WKS1', 'jsmith')],
    );
    const fixed = [...steps, ...tape([3 * MIN, sync('BDC1')], [4 * MIN, good('WKS1', 'jsmith')])];
    expect(lastError(simulate(config, steps), 'WKS1')).toBe(1909);
    expect(simulate(config, steps).accounts.find((a) => a.user === 'jsmith')?.refusedAt).toEqual(['BDC1']);
    // The unlock was not written back on 3.51 (Q137019): this first logon is let in and locks again.
    expect(lastError(simulate(config, fixed), 'WKS1')).toBeUndefined();
  });
});
