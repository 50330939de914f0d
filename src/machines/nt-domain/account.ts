import { assign, setup } from 'xstate';
import type { DomainVersion } from './world';

/*
 * One account in a domain of one PDC and one BDC, as explicit states: the model the domain machine is
 * tested against (tests/unit/nt-domain.model.test.ts walks it with xstate/graph and replays every
 * path through the domain model). The domain machine keeps every account and DC as data for speed;
 * this machine states the same rules for one account, with time reduced to one step: `wait` lets
 * every reset window and lockout run out (the lockout duration is at least the reset window,
 * policy-order), and synchronization happens only when asked for (`sync`).
 *
 * States (the account as the domain treats it):
 * - clear: not locked out, every count at 0;
 * - counting: not locked out, some DC's count above 0;
 * - lockedOut: NT 4.0, the PDC's copy is locked (pdc-decides); NT 3.51, some DC's copy is, and that
 *   DC refuses the account until it synchronizes (bdc-sends-lockout, manual-sync).
 */

export type AccountStateValue = 'clear' | 'counting' | 'lockedOut';
export type Dc = 'PDC1' | 'BDC1';

export interface Copy {
  readonly count: number;
  readonly locked: boolean;
  /** NT 3.51: unlocked without the count written; the next good logon locks again (unlock-not-written). */
  readonly relock: boolean;
}

export interface AccountContext {
  readonly version: DomainVersion;
  readonly threshold: number;
  readonly copies: Readonly<Record<Dc, Copy>>;
  /** The error of the last logon: 1326, 1909, or null when let in (or none yet). */
  readonly refused: number | null;
}

export type AccountEvent =
  | { type: 'bad'; dc: Dc }
  | { type: 'good'; dc: Dc }
  | { type: 'unlock' }
  | { type: 'sync' }
  | { type: 'wait' };

const FRESH: Copy = { count: 0, locked: false, relock: false };

const dcOf = (event: AccountEvent): Dc => ('dc' in event ? event.dc : 'PDC1');

/** NT 4.0 asks the PDC; NT 3.51 reads the validating DC's own copy. */
const lockedFor = (c: AccountContext, dc: Dc): boolean =>
  (c.version === '4.0' ? c.copies.PDC1 : c.copies[dc]).locked;

/** Locks the PDC's copy and the validating DC's (4.0: the BDC hears the PDC's answer; 3.51: it sent the lockout). */
const lockFrom = (copies: AccountContext['copies'], dc: Dc): AccountContext['copies'] => ({
  ...copies,
  PDC1: { ...copies.PDC1, locked: true, relock: false },
  [dc]: { ...copies[dc], locked: true, relock: false },
});

function bad(c: AccountContext, dc: Dc): Partial<AccountContext> {
  if (lockedFor(c, dc)) return { refused: 1909 };
  let copies = { ...c.copies, [dc]: { ...c.copies[dc], count: c.copies[dc].count + 1 } };
  if (c.version === '4.0' && dc === 'BDC1')
    copies = { ...copies, PDC1: { ...copies.PDC1, count: copies.PDC1.count + 1 } };
  const decider = c.version === '4.0' ? copies.PDC1 : copies[dc];
  if (c.threshold > 0 && decider.count >= c.threshold) copies = lockFrom(copies, dc);
  return { copies, refused: 1326 };
}

function good(c: AccountContext, dc: Dc): Partial<AccountContext> {
  if (lockedFor(c, dc)) return { refused: 1909 };
  if (c.version === '3.51' && c.copies[dc].relock) return { copies: lockFrom(c.copies, dc), refused: null };
  const at: Dc = c.version === '4.0' ? 'PDC1' : dc;
  return { copies: { ...c.copies, [at]: { ...c.copies[at], count: 0 } }, refused: null };
}

export const accountMachine = setup({
  types: {
    context: {} as AccountContext,
    events: {} as AccountEvent,
    input: {} as { version: DomainVersion; threshold: number },
  },
  guards: {
    isLocked: ({ context: c }) =>
      c.version === '4.0' ? c.copies.PDC1.locked : c.copies.PDC1.locked || c.copies.BDC1.locked,
    hasCount: ({ context: c }) => c.copies.PDC1.count > 0 || c.copies.BDC1.count > 0,
    pdcLocked: ({ context: c }) => c.copies.PDC1.locked,
  },
  actions: {
    bad: assign(({ context, event }) => bad(context, dcOf(event))),
    good: assign(({ context, event }) => good(context, dcOf(event))),
    unlock: assign(({ context: c }) => ({
      copies: {
        ...c.copies,
        PDC1: c.version === '4.0' ? FRESH : { ...c.copies.PDC1, locked: false, relock: true },
      },
    })),
    sync: assign(({ context: c }) => ({
      copies: {
        ...c.copies,
        BDC1:
          c.version === '4.0'
            ? c.copies.PDC1
            : { ...c.copies.BDC1, locked: c.copies.PDC1.locked, relock: c.copies.PDC1.relock },
      },
    })),
    wait: assign(({ context: c }) => ({
      copies: {
        PDC1: { ...c.copies.PDC1, count: 0, locked: false },
        BDC1: { ...c.copies.BDC1, count: 0, locked: false },
      },
    })),
  },
}).createMachine({
  id: 'account',
  context: ({ input }) => ({
    version: input.version,
    threshold: input.threshold,
    copies: { PDC1: FRESH, BDC1: FRESH },
    refused: null,
  }),
  initial: 'clear',
  on: {
    bad: { actions: 'bad', target: '.judge' },
    good: { actions: 'good', target: '.judge' },
    // Unlocking an account that is not locked out at the PDC changes nothing (unlock-when-clear).
    unlock: { guard: 'pdcLocked', actions: 'unlock', target: '.judge' },
    sync: { actions: 'sync', target: '.judge' },
    wait: { actions: 'wait', target: '.judge' },
  },
  states: {
    // Where the account stands after each event, decided at once.
    judge: {
      always: [
        { guard: 'isLocked', target: 'lockedOut' },
        { guard: 'hasCount', target: 'counting' },
        { target: 'clear' },
      ],
    },
    clear: {},
    counting: {},
    lockedOut: {},
  },
});
