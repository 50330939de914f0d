import { assertEvent } from 'xstate';
import { type Args, append, type Patch, SECOND } from '../context';
import { TEXT } from '../wording';
import { countBad } from './counting';
import { refuseLocked } from './lockout';

/*
 * A program holding an old password (retrier): it tries a `net use` connection as its user, fails,
 * and tries again every everySeconds until stopped, so the account locks out with nobody typing
 * anything. Modelling choice (retrier-timing): the first try comes when it starts; a second program
 * started on the same computer replaces the first. Each try is an attempt like any other
 * (rules/counting.ts, rules/lockout.ts): tryLocked and tryBad run those same rules.
 */

export const startRetrier = ({ context, event }: Args): Patch => {
  assertEvent(event, 'retrier.start');
  const replaced = context.retriers[event.computer] !== undefined;
  return {
    retriers: {
      ...context.retriers,
      [event.computer]: { user: event.user, everySeconds: event.everySeconds, next: event.at },
    },
    log: append(
      context.log,
      event.at,
      'retrier',
      TEXT.retrierStarted(event.computer, event.user, event.everySeconds, replaced),
      { computer: event.computer, user: event.user },
      ['retrier'],
    ),
  };
};

export const noRetrier = ({ context, event }: Args): boolean => {
  assertEvent(event, 'retrier.stop');
  return context.retriers[event.computer] === undefined;
};

export const noteNoRetrier = ({ context, event }: Args): Patch => {
  assertEvent(event, 'retrier.stop');
  return {
    log: append(context.log, event.at, 'retrier', TEXT.noRetrier(event.computer), {
      computer: event.computer,
    }),
  };
};

export const stopRetrier = ({ context, event }: Args): Patch => {
  assertEvent(event, 'retrier.stop');
  const retrier = context.retriers[event.computer];
  return {
    retriers: { ...context.retriers, [event.computer]: undefined },
    log: append(context.log, event.at, 'retrier', TEXT.retrierStopped(event.computer, retrier?.user ?? ''), {
      computer: event.computer,
      ...(retrier ? { user: retrier.user } : {}),
    }),
  };
};

/** Timer: after a try, the next one is due everySeconds later. */
export const scheduleNextTry = ({ context, event }: Args): Patch => {
  assertEvent(event, 'retrier.tick');
  const retrier = context.retriers[event.computer];
  if (!retrier) return {};
  return {
    retriers: {
      ...context.retriers,
      [event.computer]: { ...retrier, next: retrier.next + retrier.everySeconds * SECOND },
    },
  };
};

/** Timer: a try refused as locked out, and the next one scheduled (one step: a retrier runs for hours). */
export const tryLocked = (args: Args): Patch => ({ ...refuseLocked(args), ...scheduleNextTry(args) });

/** Timer: a try counted as a bad password, and the next one scheduled. */
export const tryBad = (args: Args): Patch => ({ ...countBad(args), ...scheduleNextTry(args) });
