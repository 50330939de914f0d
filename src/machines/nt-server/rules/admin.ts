import { assertEvent } from 'xstate';
import {
  type Args,
  append,
  closedText,
  dropped,
  lists,
  type Patch,
  releaseText,
  type ServerContext,
  type Session,
  sessionOf,
  shareEvent,
  theSession,
} from '../context';
import { IPC, type SourceKey, uncPath } from '../world';

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

/**
 * Server Manager's Disconnect on a row listed under an account ends that computer's whole session:
 * every connection, its open files closed (DESIGN row 10). NT's server ends sessions, not single
 * connections: Server Manager calls NetSessionDel (Win32 API), and no call closes one tree connection;
 * the source says only that such a row can be disconnected (ipc-not-disconnectable). The licence is
 * released and Sessions Forced Off counts it; the client keeps its uses, Disconnected, and reconnects
 * transparently (reconnect). Not the client's activity.
 */
export const forceOff = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const session = theSession(context, e);
  return endedByAdmin(
    context,
    event.at,
    session,
    `Server Manager disconnected ${e.computer} (listed under ${session.account}): the server ends whole sessions, not single connections`,
    ['ipc-not-disconnectable'],
  );
};

/**
 * An administrator ended the computer's whole session (Server Manager, net session /delete): every
 * connection, its open files closed, its licence released; Sessions Forced Off counts it (modelling
 * choice: forced-off-counter); the client keeps its uses, Disconnected (reconnect).
 */
function endedByAdmin(
  context: ServerContext,
  at: number,
  session: Session,
  what: string,
  cites: readonly SourceKey[],
): Patch {
  const c = session.computer;
  const listed = [...(session.ipc === 'none' ? [] : [IPC]), ...session.shares.map((s) => s.share)];
  return {
    ...dropped(context, session),
    counters: { ...context.counters, sessionsForcedOff: context.counters.sessionsForcedOff + 1 },
    log: append(
      context.log,
      at,
      'admin',
      `${what}, so every connection went (${listed.join(', ')}).${closedText(session.opens)} Sessions Forced Off goes up.${releaseText(context, session)} ${c} keeps its uses, now Disconnected; the next access reconnects.`,
      c,
      undefined,
      cites,
    ),
  };
}

/** `net session \\computer /delete` names a computer with no session on the server. */
export const noSessionToDelete = ({ context, event }: Args): boolean => {
  assertEvent(event, 'session.delete');
  return sessionOf(context, event) === undefined;
};

export const refuseSessionDelete = ({ context, event }: Args): Patch => {
  assertEvent(event, 'session.delete');
  // Modelling choice: the wording of the answer (the source gives none); no error number is shown.
  return {
    log: append(
      context.log,
      event.at,
      'admin',
      `net session \\\\${event.computer} /delete: no session from ${event.computer}; nothing changed.`,
      event.computer,
    ),
  };
};

/**
 * `net session \\computer /delete` at the server ends every logon from that computer and closes its
 * open files (session-delete; the same NetSessionDel call Server Manager makes). Unlike Server
 * Manager's Disconnect it takes any session, a leftover IPC$ listed under the computer name included
 * (modelling choice: session-delete-leftover; the source says "all logons" and names no such case).
 * The licence is released; the client keeps its uses, Disconnected, and reconnects transparently
 * (reconnect). Modelling choice: Sessions Forced Off counts it, as for Server Manager's Disconnect
 * (forced-off-counter). Not the client's activity.
 */
export const deleteSession = ({ context, event }: Args): Patch => {
  assertEvent(event, 'session.delete');
  const session = theSession(context, event);
  const who = session.account === null ? 'listed under its computer name' : `as ${session.account}`;
  return endedByAdmin(
    context,
    event.at,
    session,
    `net session \\\\${event.computer} /delete ended ${event.computer}'s whole session (${who})`,
    ['session-delete'],
  );
};
