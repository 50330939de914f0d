import { type DomainContext, lockedFor, recordOf } from './context';
import {
  type AccountView,
  type ComputerView,
  type DcView,
  type DomainView,
  type LogEntry,
  PDC,
  world,
} from './world';

/*
 * What a reader sees of the domain at a moment, read off the machine's context: each DC's copy of
 * each account (what `nltest /user:<name> /server:<dc>` shows), the account as the domain treats it,
 * each workstation's last outcome and retrier, the policy and the next pulse. Pictures, panels and
 * transcripts read this view and never re-derive what it decides.
 */

function differs(context: DomainContext, bdc: string): boolean {
  return world.accounts.some((user) => {
    const mine = recordOf(context, bdc, user);
    const theirs = recordOf(context, PDC, user);
    const lockDiffers =
      (mine.lock === null) !== (theirs.lock === null) ||
      (mine.lock !== null && theirs.lock !== null && mine.lock.until !== theirs.lock.until);
    return (
      lockDiffers ||
      mine.relock !== theirs.relock ||
      (context.version === '4.0' && mine.count !== theirs.count)
    );
  });
}

export function toView(context: DomainContext, now: number, log: LogEntry[]): DomainView {
  const dcs: DcView[] = world.dcs.map(({ name, role }) => ({
    name,
    role,
    accounts: world.accounts.map((user) => {
      const r = recordOf(context, name, user);
      return {
        user,
        badPasswordCount: r.count,
        lockedOut: r.lock !== null,
        lockoutEndsAt: r.lock?.until ?? null,
        countResetsAt: r.resetAt,
        lastBadAt: r.lastBad,
      };
    }),
    nextSyncAt: role === 'PDC' ? null : context.nextSync,
    outOfStep: role === 'PDC' ? false : differs(context, name),
  }));
  const accounts: AccountView[] = world.accounts.map((user) => {
    const lockedAt = world.dcs
      .filter((d) => recordOf(context, d.name, user).lock !== null)
      .map((d) => d.name);
    const pdcLock = recordOf(context, PDC, user).lock;
    const lockedOut = world.dcs.some((d) => lockedFor(context, d.name, user));
    return {
      user,
      lockedOut,
      lockedAt,
      refusedAt: world.dcs.filter((d) => lockedFor(context, d.name, user)).map((d) => d.name),
      lockoutEndsAt: pdcLock?.until ?? null,
      untilUnlocked: pdcLock !== null && pdcLock.until === null,
    };
  });
  const computers: ComputerView[] = world.computers.map(({ name, loggedOn, dc }) => {
    const r = context.retriers[name];
    return {
      name,
      loggedOn,
      dc,
      lastOutcome: context.outcomes[name] ?? 'Nothing happens',
      retrier: r ? { user: r.user, everySeconds: r.everySeconds, nextAt: r.next } : null,
    };
  });
  return {
    now,
    policy: { ...context.policy },
    dcs,
    log,
    version: context.version,
    syncMinutes: context.syncMinutes,
    nextSyncAt: context.nextSync,
    accounts,
    computers,
  };
}
