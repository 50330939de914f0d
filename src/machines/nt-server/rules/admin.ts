import {
  type Args,
  append,
  closedText,
  connectionOf,
  dropped,
  lists,
  type Patch,
  releaseText,
  type Session,
  sessionOf,
  shareEvent,
  theSession,
  usesOf,
  withSession,
  withUses,
} from '../context';
import { IPC, uncPath } from '../world';

/*
 * Server Manager (ipc-not-disconnectable): Disconnect on a listed connection. An administrator's action
 * is not the client's activity.
 */

export const notListed = ({ context, event }: Args): boolean =>
  !lists(sessionOf(context, shareEvent(event)), shareEvent(event).share);

export const leftoverIpc = ({ context, event }: Args): boolean =>
  shareEvent(event).share === IPC && sessionOf(context, shareEvent(event))?.account === null;

export const refuseAdminNotListed = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  return {
    log: append(
      context.log,
      event.at,
      'admin',
      `Server Manager: ${e.computer} has no connection to ${uncPath(e.share)} to disconnect; nothing changed.`,
      e.computer,
    ),
  };
};

export const refuseAdminLeftover = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  // ipc-not-disconnectable: listed under the computer name, the IPC$ cannot be broken in Server Manager.
  // The source gives no error number.
  return {
    log: append(
      context.log,
      event.at,
      'admin',
      `Server Manager could not disconnect ${e.computer}'s IPC$ connection: it is listed under the computer name, not an account, and cannot be broken there. Autodisconnect will drop it, unless turned off; nothing changed.`,
      e.computer,
      undefined,
      ['ipc-not-disconnectable'],
    ),
  };
};

/** Server Manager closes the session's last connection: the session ends (sessionsForcedOff). */
export const forceOff = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const session = theSession(context, e);
  return {
    ...dropped(context, session),
    counters: { ...context.counters, sessionsForcedOff: context.counters.sessionsForcedOff + 1 },
    log: append(
      context.log,
      event.at,
      'admin',
      `Server Manager disconnected ${e.computer}'s connection to ${uncPath(e.share)}.${closedText(connectionOf(session, e.share)?.opens ?? 0)} It was the session's last connection, so the session ended (Sessions Forced Off).${releaseText(context, session)} ${e.computer} keeps its uses, now Disconnected.`,
      e.computer,
    ),
  };
};

/**
 * Server Manager closes one connection listed under an account (ipc-not-disconnectable), its open files
 * with it. Not the client's activity: the idle time runs on. Modelling choice: the session
 * keeps its account even when only the implicit IPC$ is left, since the client let go of
 * nothing; the client's use of the share turns Disconnected.
 */
export const adminClose = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const session = theSession(context, e);
  const conn = connectionOf(session, e.share);
  const next: Session =
    e.share === IPC
      ? { ...session, ipc: 'none' }
      : {
          ...session,
          shares: session.shares.filter((c) => c !== conn),
          opens: session.opens - (conn?.opens ?? 0),
        };
  return {
    sessions: withSession(context.sessions, e.computer, next),
    uses: withUses(
      context,
      e.computer,
      usesOf(context, e.computer).map((u) =>
        u.share === e.share && u.status === 'OK' ? { ...u, status: 'Disconnected' as const } : u,
      ),
    ),
    log: append(
      context.log,
      event.at,
      'admin',
      `Server Manager disconnected ${e.computer}'s connection to ${uncPath(e.share)}, listed under ${session.account}.${closedText(conn?.opens ?? 0)} The session goes on with its other connections.`,
      e.computer,
    ),
  };
};
