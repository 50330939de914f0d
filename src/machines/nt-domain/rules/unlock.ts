import { assertEvent } from 'xstate';
import {
  type AccountRecord,
  type Args,
  append,
  attemptOf,
  type DomainContext,
  newLock,
  type Patch,
  recordOf,
  withRecord,
} from '../context';
import { TEXT } from '../wording';
import { BDCS, PDC, roleOf, type SourceKey } from '../world';
import { answered, lockAt } from './lockout';

/*
 * Unlocking and synchronizing (unlock-at-pdc, pulse, manual-sync, unlock-not-written).
 * An administrator unlocks an account in User Manager for Domains, on the PDC. NT 4.0: the PDC's
 * count returns to 0 at once; each BDC keeps its own figures (count and lockout) until it
 * synchronizes. NT 3.51, as first shipped (unpatched-351, a modelling choice): the count is not written
 * back, so the next good logon is let in and the account locks again (unlock-not-written).
 * A BDC synchronizes at every pulse (every syncMinutes) or when the administrator asks in Server
 * Manager; Synchronize chosen on the PDC synchronizes every BDC (pulse-schedule, a modelling choice).
 * NT 4.0 copies the PDC's count and lockout; NT 3.51 copies the lockout only, each BDC keeping its own
 * counter (sync-351-lock-only, a modelling choice after bdc-sends-lockout).
 */

/** The BDCs whose copy of `user` differs from the PDC's in what synchronizing carries. */
function staleBdcs(context: DomainContext, user: string): string[] {
  return BDCS.filter((bdc) => differences(context, bdc, user).length > 0);
}

const sameLock = (a: AccountRecord['lock'], b: AccountRecord['lock']) =>
  a === b || (a !== null && b !== null && a.since === b.since && a.until === b.until);

/** What synchronizing `bdc` would change in its copy of `user`, in words. */
function differences(context: DomainContext, bdc: string, user: string): string[] {
  const mine = recordOf(context, bdc, user);
  const theirs = recordOf(context, PDC, user);
  const out: string[] = [];
  if (context.version === '4.0' && mine.count !== theirs.count)
    out.push(`count ${mine.count} → ${theirs.count}`);
  if (!sameLock(mine.lock, theirs.lock))
    out.push(
      theirs.lock === null ? 'lockout cleared' : mine.lock === null ? 'locked out' : 'lockout end updated',
    );
  // NT 3.51: the unlock travels with its defect, the count left unwritten (unlock-not-written).
  if (mine.relock !== theirs.relock)
    out.push(theirs.relock ? 'count still not written back after the unlock' : 'count written back');
  return out;
}

export const notLockedAtPdc = ({ context, event }: Args): boolean => {
  assertEvent(event, 'admin.unlock');
  return recordOf(context, PDC, event.user).lock === null;
};

export const noteNotLocked = ({ context, event }: Args): Patch => {
  assertEvent(event, 'admin.unlock');
  return {
    log: append(
      context.log,
      event.at,
      'unlock',
      TEXT.notLocked(event.user, PDC, staleBdcs(context, event.user)),
      { user: event.user, dc: PDC },
      ['lockout-box'],
    ),
  };
};

export const unlock = ({ context, event }: Args): Patch => {
  assertEvent(event, 'admin.unlock');
  const record = recordOf(context, PDC, event.user);
  const zeroed = context.version === '4.0';
  const next: AccountRecord = zeroed
    ? { ...record, lock: null, count: 0, resetAt: null, relock: false }
    : { ...record, lock: null, relock: true };
  const dcs = withRecord(context.dcs, PDC, event.user, next);
  const cites: SourceKey[] = zeroed ? ['unlock-at-pdc'] : ['unlock-not-written'];
  return {
    dcs,
    log: append(
      context.log,
      event.at,
      'unlock',
      TEXT.unlocked(event.user, PDC, record.count, zeroed, staleBdcs({ ...context, dcs }, event.user)),
      { user: event.user, dc: PDC },
      cites,
    ),
  };
};

/** NT 3.51, unpatched: a good logon after an unlock whose count was never written (unlock-not-written). */
export const relockPending = ({ context, event }: Args): boolean => {
  const attempt = attemptOf(context, event);
  return context.version === '3.51' && recordOf(context, attempt.dc, attempt.user).relock;
};

export const logOnThenRelock = ({ context, event }: Args): Patch => {
  const attempt = attemptOf(context, event);
  const lock = newLock(context, attempt.at);
  const where = attempt.dc === PDC ? [PDC] : [PDC, attempt.dc];
  const dcs = lockAt(context.dcs, where, attempt.user, lock);
  const who = TEXT.who(attempt.computer, attempt.user, attempt.via, attempt.retrier);
  const text = TEXT.loggedOn(who, attempt.dc) + TEXT.relocked(where, lock.until);
  return {
    dcs,
    ...answered({ ...context, dcs }, attempt, text, undefined, true, ['unlock-not-written']),
  };
};

/** `bdc` takes the PDC's copies of every account; the log says what changed. */
function synchronize(context: DomainContext, bdc: string, at: number, how: 'pulse' | 'admin'): Patch {
  let dcs = context.dcs;
  const changes: string[] = [];
  for (const user of Object.keys(context.dcs[PDC] ?? {})) {
    const diff = differences(context, bdc, user);
    if (!diff.length) continue;
    changes.push(TEXT.change(user, diff.join(', ')));
    const theirs = recordOf(context, PDC, user);
    const mine = recordOf(context, bdc, user);
    dcs = withRecord(
      dcs,
      bdc,
      user,
      context.version === '4.0' ? theirs : { ...mine, lock: theirs.lock, relock: theirs.relock },
    );
  }
  // pulse-schedule: a pulse that changes nothing is not logged.
  if (how === 'pulse' && !changes.length) return {};
  const cites: SourceKey[] = how === 'pulse' ? ['pulse'] : ['manual-sync'];
  if (context.version === '4.0' && changes.length) cites.push('unlock-at-pdc');
  return {
    dcs,
    log: append(
      context.log,
      at,
      'sync',
      TEXT.synced(bdc, how, changes),
      { dc: bdc, auto: how === 'pulse' },
      cites,
    ),
  };
}

/** Server Manager: Synchronize With Primary Domain Controller (manual-sync); on the PDC, every BDC. */
export const syncNow = ({ context, event }: Args): Patch => {
  assertEvent(event, 'admin.sync');
  const targets = roleOf(event.dc) === 'PDC' ? BDCS : [event.dc];
  let now: DomainContext = context;
  for (const bdc of targets) now = { ...now, ...synchronize(now, bdc, event.at, 'admin') };
  return { dcs: now.dcs, log: now.log };
};

/** Timer: Netlogon's pulse; every BDC takes the PDC's changes (pulse). */
export const pulse = ({ context, event }: Args): Patch => {
  assertEvent(event, 'sync.pulse');
  let now: DomainContext = context;
  for (const bdc of BDCS) now = { ...now, ...synchronize(now, bdc, event.at, 'pulse') };
  return { dcs: now.dcs, log: now.log, nextSync: context.nextSync + context.syncMinutes * 60_000 };
};
