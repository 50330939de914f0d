import { assertEvent } from 'xstate';
import {
  type AccountRecord,
  type Args,
  type Attempt,
  append,
  attemptOf,
  type DomainContext,
  lockedFor,
  type Patch,
  recordOf,
  withRecord,
} from '../context';
import { TEXT } from '../wording';
import { roleOf } from '../world';

/*
 * Lockout (locked-out-error, pdc-decides, bdc-sends-lockout): an account whose deciding copy is locked
 * out is refused with error 1909 even with the right password. Modelling choice (locked-not-counted):
 * the refusal comes before the password is checked, so it adds to no count and restarts no reset
 * window; a lockout ends when its duration has run (each DC's copy at the end it was given), or
 * when an administrator unlocks (rules/unlock.ts); Forever (-1) has no end.
 */

/** Whether the attempt (a logon or a retrier's try) is refused as locked out. */
export const lockedOut = ({ context, event }: Args): boolean => {
  const attempt = attemptOf(context, event);
  return lockedFor(context, attempt.dc, attempt.user);
};

/**
 * The outcome and the log entry of an attempt; `text` already says what happened. Let in or refused
 * (1326, 1909) is the entry's kind; `locks` marks the attempt that locked the account out.
 */
export function answered(
  context: DomainContext,
  attempt: Attempt,
  text: string,
  error: 1326 | 1909 | undefined,
  locks: boolean,
  cites: Parameters<typeof append>[5],
): Patch {
  return {
    outcomes: {
      ...context.outcomes,
      [attempt.computer]: error === undefined ? 'Logged on' : `Refused with error ${error}`,
    },
    log: append(
      context.log,
      attempt.at,
      error === undefined ? 'logon' : 'refused',
      text,
      {
        computer: attempt.computer,
        user: attempt.user,
        dc: attempt.dc,
        via: attempt.via,
        error,
        auto: attempt.retrier,
        locks,
      },
      cites,
    ),
  };
}

export const refuseLocked = ({ context, event }: Args): Patch => {
  const attempt = attemptOf(context, event);
  const who = TEXT.who(attempt.computer, attempt.user, attempt.via, attempt.retrier);
  return answered(
    context,
    attempt,
    TEXT.refusedLocked(who, attempt.dc),
    1909,
    false,
    context.version === '4.0'
      ? ['locked-out-error', 'pdc-decides']
      : roleOf(attempt.dc) === 'BDC'
        ? ['locked-out-error', 'manual-sync']
        : ['locked-out-error'],
  );
};

/** The DCs with `user` locked at each of `dcs` by `lock`. */
export function lockAt(
  dcs: DomainContext['dcs'],
  at: readonly string[],
  user: string,
  lock: NonNullable<AccountRecord['lock']>,
): DomainContext['dcs'] {
  let out = dcs;
  for (const dc of at)
    out = withRecord(out, dc, user, { ...recordOf({ dcs: out }, dc, user), lock, relock: false });
  return out;
}

/** Timer: a DC's copy of a lockout reaches its end. */
export const endLockout = ({ context, event }: Args): Patch => {
  assertEvent(event, 'lockout.end');
  const record = recordOf(context, event.dc, event.user);
  const lock = record.lock;
  if (!lock || lock.until === null) return {};
  return {
    dcs: withRecord(context.dcs, event.dc, event.user, { ...record, lock: null }),
    log: append(
      context.log,
      event.at,
      'unlock',
      TEXT.lockoutEnded(event.dc, event.user, Math.round((lock.until - lock.since) / 60_000)),
      { user: event.user, dc: event.dc, auto: true },
      ['lockout-duration'],
    ),
  };
};
