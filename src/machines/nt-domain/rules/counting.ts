import { assertEvent } from 'xstate';
import {
  type AccountRecord,
  type Args,
  append,
  attemptOf,
  type DomainContext,
  decidingDc,
  lockedFor,
  MINUTE,
  newLock,
  type Patch,
  recordOf,
  withRecord,
} from '../context';
import { TEXT } from '../wording';
import { PDC, roleOf, type SourceKey } from '../world';
import { answered, lockAt } from './lockout';

/*
 * Counting bad passwords (count-per-dc, count-increments, bdc-failure-at-pdc, pdc-decides,
 * bdc-sends-lockout, reset-count). A bad password validated at a DC adds to that DC's count for the
 * account: 1 for a console logon or `net use`, 3 for a UNC path, which MUP tries three times.
 * NT 4.0: a failure at a BDC reaches the PDC, which counts it too, and the PDC's count decides the
 * lockout. NT 3.51: each DC counts only what it validates; a BDC whose own count reaches the threshold
 * locks the account and sends the lockout to the PDC. Each counted attempt (re)starts that DC's reset
 * window (reset-count; reset-per-dc, a modelling choice). A good logon zeroes the deciding count.
 */

const TRIES: Record<string, number> = { console: 1, 'net use': 1, unc: 3 };

export const badPassword = ({ context, event }: Args): boolean =>
  attemptOf(context, event).password === 'bad';

/** One more bad attempt counted at `dc`: its count goes up and its reset window starts again. */
function counted(context: DomainContext, record: AccountRecord, at: number): AccountRecord {
  return {
    ...record,
    count: record.count + 1,
    lastBad: at,
    resetAt: at + context.policy.resetCountMinutes * MINUTE,
  };
}

/** A bad password: counted at the DCs that count it, the lockout decided, refused with 1326. */
export const countBad = ({ context, event }: Args): Patch => {
  const attempt = attemptOf(context, event);
  const { dc, user, at } = attempt;
  const forwards = context.version === '4.0' && roleOf(dc) === 'BDC';
  const threshold = context.policy.lockoutThreshold;
  let dcs = context.dcs;
  let tries = 0;
  let lockedNow: { at: string[]; until: number | null; sent: boolean } | null = null;
  const cites: SourceKey[] = ['bad-password-error', 'count-per-dc', 'count-increments'];
  for (let i = 0; i < (TRIES[attempt.via] ?? 1); i++) {
    // mup-stops-at-lock: once a try locks the account, the rest are refused as locked out, uncounted.
    if (lockedFor({ ...context, dcs }, dc, user)) break;
    tries++;
    dcs = withRecord(dcs, dc, user, counted(context, recordOf({ dcs }, dc, user), at));
    if (forwards) dcs = withRecord(dcs, PDC, user, counted(context, recordOf({ dcs }, PDC, user), at));
    const decider = decidingDc(context, dc);
    if (threshold > 0 && recordOf({ dcs }, decider, user).count >= threshold) {
      const lock = newLock(context, at);
      // 4.0: locked at the PDC, and at once in the copy of the BDC whose failure it was (bdc-copy-of-lock).
      // 3.51: locked at the DC that reached the threshold, which sends the lockout to the PDC.
      const where = dc === PDC ? [PDC] : [PDC, dc];
      dcs = lockAt(dcs, where, user, lock);
      lockedNow = { at: where, until: lock.until, sent: context.version === '3.51' && dc !== PDC };
    }
  }
  const who = TEXT.who(attempt.computer, user, attempt.via, attempt.retrier);
  let text = TEXT.refusedBad(who, dc);
  text += TEXT.counted(dc, recordOf({ dcs }, dc, user).count);
  if (attempt.via === 'unc') text += TEXT.unc(tries);
  if (forwards) {
    text += TEXT.forwarded(PDC, recordOf({ dcs }, PDC, user).count);
    cites.push('bdc-failure-at-pdc');
  }
  if (lockedNow) {
    if (lockedNow.sent) {
      text += TEXT.sentToPdc(dc, PDC);
      cites.push('bdc-sends-lockout');
    } else if (context.version === '4.0') cites.push('pdc-decides');
    text += TEXT.lockedAt(lockedNow.at, lockedNow.until);
    cites.push('lockout-duration');
  } else if (threshold === 0) text += TEXT.noLockout;
  if (attempt.retrier) cites.push('retrier');
  return {
    dcs,
    ...answered({ ...context, dcs }, attempt, text, 1326, lockedNow !== null, cites),
  };
};

/**
 * A good password. NT 4.0: the PDC's count returns to 0, not the validating BDC's, until it
 * synchronizes (good-logon-resets-pdc). NT 3.51: the validating DC's own count returns to 0
 * (good-logon-351, a modelling choice).
 */
export const logOn = ({ context, event }: Args): Patch => {
  const attempt = attemptOf(context, event);
  const zeroAt = context.version === '4.0' ? PDC : attempt.dc;
  const record = recordOf(context, zeroAt, attempt.user);
  const who = TEXT.who(attempt.computer, attempt.user, attempt.via, attempt.retrier);
  let text = TEXT.loggedOn(who, attempt.dc);
  const cites: SourceKey[] = [];
  let dcs = context.dcs;
  if (record.count > 0) {
    dcs = withRecord(dcs, zeroAt, attempt.user, { ...record, count: 0, resetAt: null });
    if (context.version === '4.0') {
      text += TEXT.pdcResets(PDC, attempt.dc);
      cites.push('good-logon-resets-pdc');
    } else text += TEXT.dcResets(zeroAt);
  }
  return { dcs, ...answered({ ...context, dcs }, attempt, text, undefined, false, cites) };
};

/** Timer: a DC's reset window ends with no bad attempt in it; the count returns to 0 (reset-count, reset-shown). */
export const resetCount = ({ context, event }: Args): Patch => {
  assertEvent(event, 'count.reset');
  const record = recordOf(context, event.dc, event.user);
  if (record.resetAt === null) return {};
  const was = record.count;
  const minutes =
    record.lastBad === null
      ? context.policy.resetCountMinutes
      : Math.round((record.resetAt - record.lastBad) / MINUTE);
  return {
    dcs: withRecord(context.dcs, event.dc, event.user, { ...record, count: 0, resetAt: null }),
    ...(was > 0
      ? {
          log: append(
            context.log,
            event.at,
            'reset',
            TEXT.countReset(event.dc, event.user, was, minutes),
            {
              user: event.user,
              dc: event.dc,
              auto: true,
            },
            ['reset-count'],
          ),
        }
      : {}),
  };
};
