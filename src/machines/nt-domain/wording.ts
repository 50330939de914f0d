import { formatElapsed } from '../kernel/format';
import type { DomainEvent, DomainEventType } from './registry';
import { loggedOnAt, type Via } from './world';

/*
 * Every text the domain model writes, in one place: each event's plain text for a transcript's event
 * column (typed by the registry: an event without wording does not compile), NT's own error texts,
 * and the log's sentences (TEXT). The rules decide; this file only words what they decided.
 */

type Of<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const minutes = (n: number) => plural(n, 'minute');

/** NT's text for error 1326 (bad-password-error). */
export const ERROR_1326 = 'Logon failure: unknown user name or bad password.';
/** NT's text for error 1909 (locked-out-error). */
export const ERROR_1909 = 'The referenced account is currently locked out and may not be logged on to.';

const VIA_TEXT: Record<Via, string> = {
  console: 'at the console',
  'net use': 'with net use',
  unc: 'through a UNC path (MUP)',
};

const DESCRIBE: { readonly [T in DomainEventType]: (event: Of<T>) => string } = {
  'logon.attempt': (e) =>
    `${e.user} logs on ${VIA_TEXT[e.via]} at ${e.computer} with ${e.password === 'good' ? 'the right' : 'a wrong'} password${e.user === loggedOnAt(e.computer) ? '' : ` (${loggedOnAt(e.computer)} is logged on there)`}`,
  'retrier.start': (e) =>
    `A program on ${e.computer} starts retrying as ${e.user} with an old password every ${plural(e.everySeconds, 'second')}`,
  'retrier.stop': (e) => `The retrying program on ${e.computer} is stopped`,
  'admin.unlock': (e) => `The administrator unlocks ${e.user} in User Manager for Domains`,
  'admin.sync': (e) =>
    `The administrator chooses ${e.dc} in Server Manager and synchronizes it with the primary domain controller`,
  'policy.set': (e) => {
    const parts: string[] = [];
    if (e.lockoutThreshold !== undefined)
      parts.push(
        e.lockoutThreshold === 0
          ? 'no account lockout'
          : `lockout after ${plural(e.lockoutThreshold, 'bad logon attempt')}`,
      );
    if (e.resetCountMinutes !== undefined) parts.push(`reset count after ${minutes(e.resetCountMinutes)}`);
    if (e.lockoutDurationMinutes !== undefined)
      parts.push(
        e.lockoutDurationMinutes === -1
          ? 'lockout duration Forever (until an administrator unlocks)'
          : `lockout duration ${minutes(e.lockoutDurationMinutes)}`,
      );
    return `The administrator sets the account policy: ${parts.length ? parts.join(', ') : 'nothing changed'}`;
  },
};

/** Short plain text for a transcript's event column. */
export function describeEvent(event: DomainEvent): string {
  return (DESCRIBE[event.type] as (event: DomainEvent) => string)(event);
}

const until = (end: number | null) =>
  end === null ? 'until an administrator unlocks it' : `until ${formatElapsed(end)}`;

/** The log's sentences. */
export const TEXT = {
  who: (computer: string, user: string, via: Via, retrier: boolean) =>
    retrier
      ? `${computer}: a program retrying as ${user} with an old password (net use)`
      : `${computer}: ${user} ${VIA_TEXT[via]}`,
  loggedOn: (who: string, dc: string) => `${who}, validated by ${dc}: logged on.`,
  refusedLocked: (who: string, dc: string) =>
    `${who}, validated by ${dc}: refused, error 1909. ${ERROR_1909} The password was not checked and no count changed.`,
  refusedBad: (who: string, dc: string) => `${who}, validated by ${dc}: refused, error 1326. ${ERROR_1326}`,
  counted: (dc: string, count: number) => ` ${dc} counts ${count}.`,
  unc: (tries: number) =>
    tries === 3
      ? ' MUP tried three times, each a bad password.'
      : ` MUP tried ${plural(tries, 'time')} before the account was locked out; the rest were refused as locked out.`,
  forwarded: (pdc: string, count: number) => ` The failure reaches ${pdc} too, which counts ${count}.`,
  lockedAt: (dcs: readonly string[], end: number | null) =>
    ` The threshold is reached: the account is locked out at ${dcs.join(' and ')} ${until(end)}.`,
  sentToPdc: (bdc: string, pdc: string) =>
    ` ${bdc} reached the threshold on its own count and sends the lockout to ${pdc}.`,
  noLockout: ' No account lockout is set, so the count never locks the account.',
  pdcResets: (pdc: string, dc: string) =>
    dc === pdc
      ? ` ${pdc}'s count returns to 0.`
      : ` ${pdc}'s count returns to 0; ${dc} keeps its own figure until it next synchronizes.`,
  dcResets: (dc: string) => ` ${dc}'s count returns to 0.`,
  relocked: (dcs: readonly string[], end: number | null) =>
    ` But the count was never written back after the unlock, so the account is locked out again at ${dcs.join(' and ')} ${until(end)}.`,
  lockoutEnded: (dc: string, user: string, duration: number) =>
    `${dc}: ${user}'s lockout (${minutes(duration)}) has run out; ${dc} lets ${user} log on again.`,
  countReset: (dc: string, user: string, was: number, reset: number) =>
    `${dc}: no bad password for ${user} in ${minutes(reset)}; the count returns to 0 (it was ${was}).`,
  unlocked: (user: string, pdc: string, was: number, zeroed: boolean, stale: readonly string[]) =>
    `The administrator clears Account Locked Out for ${user} on ${pdc}.${
      zeroed
        ? ` ${pdc}'s count goes from ${was} to 0 at once.`
        : ` NT 3.51 does not write the bad password count back after an unlock (${pdc}'s stays at ${was}), so the next good logon will lock the account again.`
    }${stale.length ? ` ${stale.join(' and ')} still ${stale.length === 1 ? 'holds' : 'hold'} the old figures until the next synchronization.` : ''}`,
  notLocked: (user: string, pdc: string, stale: readonly string[]) =>
    `${user} is not locked out on ${pdc}: User Manager has no lockout to clear, and nothing changes.${
      stale.length
        ? ` ${stale.join(' and ')} still ${stale.length === 1 ? 'holds' : 'hold'} an old lockout until it synchronizes.`
        : ''
    }`,
  synced: (bdc: string, how: 'pulse' | 'admin', changes: readonly string[]) =>
    `${bdc} ${how === 'pulse' ? 'takes the PDC’s changes at the pulse' : 'synchronizes with the PDC (Server Manager)'}: ${
      changes.length ? `${changes.join('; ')}.` : 'it was already in step; nothing changes.'
    }`,
  change: (user: string, what: string) => `${user} ${what}`,
  policySet: (policy: {
    lockoutThreshold: number;
    resetCountMinutes: number;
    lockoutDurationMinutes: number;
  }) =>
    `Account policy: ${
      policy.lockoutThreshold === 0
        ? 'no account lockout'
        : `lockout after ${plural(policy.lockoutThreshold, 'bad logon attempt')}`
    }, reset count after ${minutes(policy.resetCountMinutes)}, lockout duration ${
      policy.lockoutDurationMinutes === -1
        ? 'Forever (until an administrator unlocks)'
        : minutes(policy.lockoutDurationMinutes)
    }. Counts and lockouts already running keep their ends; the new values apply from the next bad attempt.`,
  policyRefused: (message: string) => `User Manager for Domains: ${message} Nothing changes.`,
  retrierStarted: (computer: string, user: string, every: number, replaced: boolean) =>
    `${computer}: a program starts retrying as ${user} with an old password, every ${plural(every, 'second')}.${
      replaced ? ' It replaces the program that was retrying there.' : ''
    }`,
  retrierStopped: (computer: string, user: string) =>
    `${computer}: the program retrying as ${user} is stopped.`,
  noRetrier: (computer: string) => `${computer}: no program is retrying there; nothing to stop.`,
} as const;
