import {
  type Args,
  append,
  closedText,
  dropped,
  lists,
  type Patch,
  releaseText,
  sessionOf,
  shareEvent,
  theSession,
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
      'admin.refused.not-listed',
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
      'admin.refused.leftover',
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
  const listed = [...(session.ipc === 'none' ? [] : [IPC]), ...session.shares.map((c) => c.share)];
  return {
    ...dropped(context, session),
    counters: { ...context.counters, sessionsForcedOff: context.counters.sessionsForcedOff + 1 },
    log: append(
      context.log,
      event.at,
      'admin',
      'admin.forced-off',
      `Server Manager disconnected ${e.computer} (listed under ${session.account}): the server ends whole sessions, not single connections, so every connection went (${listed.join(', ')}).${closedText(session.opens)} Sessions Forced Off goes up.${releaseText(context, session)} ${e.computer} keeps its uses, now Disconnected; the next access reconnects.`,
      e.computer,
      undefined,
      ['ipc-not-disconnectable'],
    ),
  };
};
