import { assertEvent } from 'xstate';
import {
  type Args,
  AUTODISCONNECT_ZERO_MS,
  append,
  dropped,
  idleDeadline,
  minutesText,
  type Patch,
  releaseText,
  type ServerContext,
  sessionOf,
  theSession,
  unarmed,
  usesOf,
} from '../context';
import { world } from '../world';

/*
 * Autodisconnect (autodisconnect-zero, autodisconnect-counters): a session with no open files and no
 * requests for N minutes is dropped, IPC$ included. Idle checks are timers kept in the context
 * (`armed`); the kernel fires the earliest (nextTimer) when its clock reaches it. Activity never
 * cancels a check: one that fires early re-arms for the session's new deadline.
 */

const idleEvent = (event: Args['event']) => {
  assertEvent(event, 'session.idle');
  return event;
};

export const idleExpired = ({ context, event }: Args): boolean => {
  const session = sessionOf(context, idleEvent(event));
  const deadline = session && idleDeadline(context, session);
  return deadline !== undefined && deadline <= idleEvent(event).at;
};

export const idleCheckMissing = ({ context }: Args): boolean => unarmed(context) !== undefined;

export const setAutodisconnect = ({ context, event }: Args): Patch => {
  assertEvent(event, 'autodisconnect.set');
  const { minutes } = event;
  const text =
    minutes < 0
      ? 'Autodisconnect turned off (-1): idle sessions are never dropped.'
      : minutes === 0
        ? `Autodisconnect set to 0 minutes: it is not off; sessions with nothing open are dropped after ${AUTODISCONNECT_ZERO_MS / 1000} seconds idle (the source says "within a few seconds"; the number is a modelling choice).`
        : `Autodisconnect set to ${minutesText(minutes)}; time a session has already spent idle counts toward the new value.`;
  // net config server writes the registry too (autodisconnect-zero): a restart keeps the value.
  return {
    minutes,
    registryMinutes: minutes,
    log: append(
      context.log,
      event.at,
      'config',
      'autodisconnect.set',
      text,
      undefined,
      undefined,
      minutes === 0 ? ['autodisconnect-zero'] : undefined,
    ),
  };
};

/** autodisconnect-zero: idle sessions go, IPC$ included; autodisconnect-counters: counted as timed out and errored out. */
export const autodisconnect = ({ context, event }: Args): Patch => {
  const e = idleEvent(event);
  const session = theSession(context, e);
  const idle =
    context.minutes === 0
      ? `had nothing open and no requests for ${AUTODISCONNECT_ZERO_MS / 1000} seconds or more (autodisconnect 0)`
      : `was idle for ${minutesText(context.minutes)}`;
  const uses = usesOf(context, e.computer).some((u) => u.status === 'OK')
    ? ` ${e.computer} keeps its uses, now Disconnected; the next access reconnects.`
    : '';
  return {
    ...dropped(context, session),
    armed: context.armed.filter((a) => a.computer !== e.computer),
    counters: {
      ...context.counters,
      sessionsTimedOut: context.counters.sessionsTimedOut + 1,
      sessionsErroredOut: context.counters.sessionsErroredOut + 1,
    },
    log: append(
      context.log,
      e.at,
      'autodisconnect',
      'autodisconnect',
      `Autodisconnect: ${e.computer}'s session ${idle} and was dropped, ${session.ipc !== 'none' ? 'IPC$ included' : 'with all its connections'}.${releaseText(context, session)} Sessions Errored Out goes up, and so does Sessions Timed Out (that one a modelling choice, after the counter's name).${uses}`,
      e.computer,
      undefined,
      ['autodisconnect-counters'],
    ),
  };
};

export const disarmIdle = ({ context, event }: Args): Patch => ({
  armed: context.armed.filter((a) => a.computer !== idleEvent(event).computer),
});

/** Schedules the idle check of a session that can idle out and has none. */
export const armIdle = ({ context }: Args): Patch => {
  const computer = unarmed(context) as string;
  const due = idleDeadline(context, theSession(context, { computer })) as number;
  return { armed: [...context.armed, { computer, due }] };
};

/** A new autodisconnect value: every check is scheduled again, for the new deadlines (one already past falls due now). */
export const rearmAll = ({ context, event }: Args): Patch => {
  const armed: ServerContext['armed'][number][] = [];
  for (const { name } of world.computers) {
    const session = context.sessions[name];
    const deadline = session && idleDeadline(context, session);
    if (deadline !== undefined) armed.push({ computer: name, due: Math.max(deadline, event.at) });
  }
  return { armed };
};

/** The idle check that falls due first (ties: the one scheduled first). */
export function nextIdleCheck(context: ServerContext) {
  let next: ServerContext['armed'][number] | undefined;
  for (const a of context.armed) if (!next || a.due < next.due) next = a;
  return next && { at: next.due, event: { type: 'session.idle' as const, computer: next.computer } };
}
