/*
 * The NT server's outcome codes: every log entry carries one (`code`), a short stable name for what
 * happened, so tests and tools read the outcome instead of the wording (`text`, which may be
 * rewritten at any time). A code is never renamed or reused for another outcome once published;
 * add a new one beside the old. Rules import only the type, so islands do not carry this table.
 * `tests/unit/nt-server.wording.test.ts` drives the model to every code (and snapshots the texts).
 */

export const LOG_CODES = {
  // Connecting (rules/sessions.ts, context.ts accept)
  'session.new': 'a new session for a share; on NT 3.5 and 3.51 the server connects IPC$ as well',
  'session.new.ipc-dropped':
    'NT 4.0: a new session for a share; IPC$ validated the user and was dropped at once',
  'session.new.ipc-only':
    'IPC$ asked for by name from a computer with no session: a session holding only IPC$',
  'session.join': 'another share onto the session, same account, no extra licence',
  'session.reauth':
    'a share onto a leftover IPC$ session, which carried no account: credentials checked again',
  'ipc.explicit': 'IPC$ by name onto a session with an account: IPC$ becomes a use listed under the account',
  'ipc.explicit.reauth':
    'IPC$ by name onto a leftover IPC$ session: credentials checked again, IPC$ is now a use',
  'use.reconnect': 'a Disconnected use reconnected transparently (a new session when there was none)',
  'use.already': 'the client already has this use; nothing reached the server',
  // Refusals
  'session.refused.credentials': 'error 1219: the client already uses other credentials with the server',
  'session.refused.licence': 'error 71: a new session over the licence limit',
  'share.refused.access': 'error 5: the account may not read the share',
  'use.refused.none': 'the client has no use of the share (disconnect or open); nothing reached the server',
  'use.refused.implicit-ipc': 'the client cannot disconnect the implicit IPC$: it is not a use',
  'file.refused.none-open': 'the client has no open file on the share to close',
  // Disconnecting and files
  'share.disconnect': 'a share disconnected; the session keeps its other connections',
  'ipc.disconnect': 'the explicit IPC$ disconnected; the session keeps its shares',
  'session.leftover': 'NT 3.5/3.51: the last share went; the implicit IPC$ stays with no account',
  'session.end': 'the client let go of its last connection: the session ended (Sessions Logged Off)',
  'session.end.netbios-linger':
    'NT 4.0: the session ended and its NetBIOS session lingers (Sessions Logged Off)',
  'use.forget': 'the client deleted a use the server had already ended; nothing reached the server',
  'file.open': 'a file opened',
  'file.close': 'a file closed',
  // Autodisconnect and the Server service (rules/autodisconnect.ts, rules/service.ts)
  autodisconnect: 'an idle session dropped by autodisconnect (Sessions Timed Out and Errored Out)',
  'autodisconnect.set': 'net config server /autodisconnect: applies at once',
  'registry.autodisconnect': 'the registry value written; read when the Server service next starts',
  'server.restart': 'the Server service restarted: every session ended, the registry read',
  // Licensing (rules/licensing.ts)
  'licensing.stop': 'the License Logging service stopped: nothing counted',
  'licensing.start': 'the License Logging service started: the open sessions counted',
  'licensing.unchanged': 'the License Logging service was already in that state',
  'licensing.limit': 'Control Panel Licensing: a new limit from this moment',
  'licensing.absent': 'NT 3.5 has no License Logging service and no limit: nothing changed',
  // Server Manager (rules/admin.ts)
  'admin.forced-off': "Server Manager's Disconnect ended the computer's whole session (Sessions Forced Off)",
  'admin.refused.leftover': 'Server Manager cannot disconnect an IPC$ listed under the computer name',
  'admin.refused.not-listed': 'Server Manager lists no such connection; nothing changed',
  'admin.session-deleted':
    "net session \\\\computer /delete ended the computer's whole session (Sessions Forced Off)",
  'admin.refused.no-session': 'net session /delete names a computer with no session; nothing changed',
} as const;

export type LogCode = keyof typeof LOG_CODES;
