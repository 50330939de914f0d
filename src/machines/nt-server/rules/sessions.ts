import {
  type Args,
  accept,
  append,
  clientRefusal,
  closedText,
  connectionOf,
  files,
  heldCredentials,
  LINGER_MS,
  listedCount,
  type Patch,
  released,
  releaseText,
  requestedAccount,
  type Session,
  serverRefusal,
  sessionOf,
  shareEvent,
  theSession,
  useOf,
  usesOf,
  withSession,
  withUses,
} from '../context';
import { IPC, mayRead, uncPath, world } from '../world';

/*
 * Sessions: connecting (a new session, or onto an existing one; a leftover IPC$ authenticates again,
 * implicit-ipc), the client's credentials (one-credential-set), access to shares, disconnecting (the
 * implicit IPC$ stays on 3.5/3.51, implicit-ipc; the session ends on 4.0) and open files.
 */

export const credentialConflict = ({ context, event }: Args): boolean => {
  const held = heldCredentials(context, shareEvent(event).computer);
  return held !== null && held !== requestedAccount(context, shareEvent(event));
};

export const accessDenied = ({ context, event }: Args): boolean =>
  !mayRead(requestedAccount(context, shareEvent(event)), shareEvent(event).share);

export const noOpenFile = ({ context, event }: Args): boolean =>
  useOf(context, shareEvent(event))?.status !== 'OK' ||
  (connectionOf(sessionOf(context, shareEvent(event)), shareEvent(event).share)?.opens ?? 0) === 0;

/** After this disconnect nothing but an implicit IPC$ is left (3.5/3.51). */
export const leavesLeftover = ({ context, event }: Args): boolean => {
  const s = sessionOf(context, shareEvent(event));
  return !!s && s.ipc === 'implicit' && s.shares.length === 1 && shareEvent(event).share !== IPC;
};

/** After this disconnect the session lists nothing. */
export const lastConnection = ({ context, event }: Args): boolean => {
  const s = sessionOf(context, shareEvent(event));
  return !!s && listedCount(s) === 1;
};

export const refuseCredentialConflict = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const held = heldCredentials(context, e.computer);
  return clientRefusal(
    context,
    e.computer,
    event.at,
    'session.refused.credentials',
    `Refused by ${e.computer}: it already uses ${held}'s credentials with ${world.server}, so ${requestedAccount(context, e)} cannot connect to ${uncPath(e.share)}. System error 1219: The credentials supplied conflict with an existing set of credentials. (One computer uses one set of credentials with a server; the workstation refused, and the server never saw the attempt.)`,
    1219,
    ['one-credential-set'],
  );
};

export const refuseAccess = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const session = sessionOf(context, e);
  const rest = !session
    ? ' Nothing was connected and no session was made.'
    : session.account === null
      ? ' Nothing was added; the IPC$ connection stays, with no account.'
      : ' Nothing was added.';
  return serverRefusal(
    context,
    e.computer,
    event.at,
    'share.refused.access',
    `Refused: ${requestedAccount(context, e)} may not read ${uncPath(e.share)}. System error 5: Access is denied.${rest}`,
    5,
  );
};

export const connect = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const reconnect = useOf(context, e)?.status === 'Disconnected';
  return accept(
    context,
    e.computer,
    e.share,
    requestedAccount(context, e),
    event.at,
    reconnect ? 'reconnect' : 'connect',
  );
};

export const refuseNoOpenFile = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  // Modelling choice: the client knows it holds no open file there; nothing reaches the server.
  return clientRefusal(
    context,
    e.computer,
    event.at,
    'file.refused.none-open',
    `Refused by ${e.computer}: it has no open file on ${uncPath(e.share)} to close.`,
  );
};

/** The client let go of its last connection: the session ends (row 11, sessionsLoggedOff). */
export const endSession = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const now = event.at;
  const session = theSession(context, e);
  const conn = connectionOf(session, e.share);
  // NT 4.0 keeps the NetBIOS session about 255 seconds after the client deletes its mapping
  // (netbios-linger): a transport-only line, not a Server Manager row. That it holds no licence is a
  // modelling choice (the source does not say); no quiz answer or troubleshooter result rests on it.
  const lingers = context.version === '4.0' && e.share !== IPC;
  const simplification = lingers
    ? ` The NetBIOS session lingers about ${LINGER_MS / 1000} seconds more, with no Server Manager row (it holds no licence here: a modelling choice).`
    : '';
  return {
    ...(lingers ? { lingering: { ...context.lingering, [e.computer]: now } } : {}),
    inUse: released(context, session),
    sessions: withSession(context.sessions, e.computer, undefined),
    uses: withUses(
      context,
      e.computer,
      usesOf(context, e.computer).filter((u) => u.share !== e.share),
    ),
    counters: { ...context.counters, sessionsLoggedOff: context.counters.sessionsLoggedOff + 1 },
    log: append(
      context.log,
      now,
      'disconnect',
      lingers ? 'session.end.netbios-linger' : 'session.end',
      `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(conn?.opens ?? 0)} That was the session's last connection, so the session ended.${simplification}${releaseText(context, session)}`,
      e.computer,
      undefined,
      simplification ? ['netbios-linger'] : undefined,
    ),
  };
};

/** NT 3.5/3.51: the last share goes, the implicit IPC$ stays with no account (implicit-ipc). */
export const leaveIpc = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const now = event.at;
  const session = theSession(context, e);
  return {
    sessions: withSession(context.sessions, e.computer, {
      ...session,
      account: null,
      shares: [],
      opens: 0,
      lastActivity: now,
    }),
    uses: withUses(
      context,
      e.computer,
      usesOf(context, e.computer).filter((u) => u.share !== e.share),
    ),
    log: append(
      context.log,
      now,
      'disconnect',
      'session.leftover',
      `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(session.opens)} IPC$ stays connected with no account; Server Manager now shows ${e.computer} as its user and cannot disconnect it, and ${session.counted ? 'the session still holds its licence' : 'the session stays open (no licence counted)'}.`,
      e.computer,
      undefined,
      ['ipc-not-disconnectable', 'implicit-ipc'],
    ),
  };
};

export const removeConnection = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const now = event.at;
  const session = theSession(context, e);
  const conn = connectionOf(session, e.share);
  const next: Session =
    e.share === IPC
      ? { ...session, ipc: 'none', lastActivity: now }
      : {
          ...session,
          shares: session.shares.filter((c) => c !== conn),
          opens: session.opens - (conn?.opens ?? 0),
          lastActivity: now,
        };
  return {
    sessions: withSession(context.sessions, e.computer, next),
    uses: withUses(
      context,
      e.computer,
      usesOf(context, e.computer).filter((u) => u.share !== e.share),
    ),
    log: append(
      context.log,
      now,
      'disconnect',
      e.share === IPC ? 'ipc.disconnect' : 'share.disconnect',
      `${e.computer}: ${session.account} disconnected from ${uncPath(e.share)}.${closedText(conn?.opens ?? 0)}`,
      e.computer,
    ),
  };
};

export const openFile = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const now = event.at;
  const session = theSession(context, e);
  const next: Session = {
    ...session,
    shares: session.shares.map((c) => (c.share === e.share ? { ...c, opens: c.opens + 1 } : c)),
    opens: session.opens + 1,
    lastActivity: now,
  };
  return {
    sessions: withSession(context.sessions, e.computer, next),
    log: append(
      context.log,
      now,
      'file',
      'file.open',
      `${e.computer}: ${next.account} opened a file on ${uncPath(e.share)} (${files(next.opens)} open in the session).`,
      e.computer,
    ),
  };
};

export const closeFile = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const now = event.at;
  const session = theSession(context, e);
  const next: Session = {
    ...session,
    shares: session.shares.map((c) => (c.share === e.share ? { ...c, opens: c.opens - 1 } : c)),
    opens: session.opens - 1,
    lastActivity: now,
  };
  const idle =
    next.opens === 0 && context.minutes >= 0 ? ' Nothing is open now, so the session can go idle.' : '';
  return {
    sessions: withSession(context.sessions, e.computer, next),
    log: append(
      context.log,
      now,
      'file',
      'file.close',
      `${e.computer}: ${next.account} closed a file on ${uncPath(e.share)} (${files(next.opens)} open in the session).${idle}`,
      e.computer,
    ),
  };
};
