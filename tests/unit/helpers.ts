import type { NtVersion, ServerView, SimEvent, TapeEntry } from '../../src/machines';
import type { LogCode } from '../../src/machines/nt-server/codes';

/*
 * Arrange helpers for the NT server's row tests (nt-server.<area>.test.ts): events, tapes, the
 * versions and what differs between them, and short readings of a view to assert on.
 */

export const MIN = 60_000;
export const SEC = 1_000;

export const VERSIONS: readonly NtVersion[] = ['3.5', '3.51', '4.0'];
/** NT 3.5 and 3.51 keep the implicit IPC$ after the last share goes; 4.0 ends the session (Q153066). */
export const keepsLeftover = (version: NtVersion) => version !== '4.0';
/** NT 3.5 has no License Logging service and no per-server limit (Q122925). */
export const hasLicensing = (version: NtVersion) => version !== '3.5';

export const connect = (computer: string, share: string, user?: string): SimEvent =>
  user === undefined
    ? { type: 'share.connect', computer, share }
    : { type: 'share.connect', computer, share, user };
export const disconnect = (computer: string, share: string): SimEvent => ({
  type: 'share.disconnect',
  computer,
  share,
});
export const open = (computer: string, share: string): SimEvent => ({ type: 'file.open', computer, share });
export const close = (computer: string, share: string): SimEvent => ({ type: 'file.close', computer, share });
export const admin = (computer: string, share: string): SimEvent => ({
  type: 'admin.disconnect',
  computer,
  share,
});
export const limit = (licenses: number): SimEvent => ({ type: 'licensing.limit', licenses });
export const setAutodisconnect = (minutes: number): SimEvent => ({ type: 'autodisconnect.set', minutes });
export const registry = (minutes: number): SimEvent => ({ type: 'registry.autodisconnect', minutes });
export const restart: SimEvent = { type: 'server.restart' };
export const stopLogging: SimEvent = { type: 'licensing.stop' };
export const startLogging: SimEvent = { type: 'licensing.start' };

/** Builds a tape from [at, event] pairs. */
export function tape(...entries: [number, SimEvent][]): TapeEntry[] {
  return entries.map(([at, event]) => ({ at, event }));
}

/** The shares Server Manager lists for a computer, in order. */
export const shares = (view: ServerView, computer = 'WKS1') =>
  view.connections.filter((c) => c.computer === computer).map((c) => c.share);
/** Server Manager's rows for a computer, as `share:shown user`. */
export const listed = (view: ServerView, computer = 'WKS1') =>
  view.connections.filter((c) => c.computer === computer).map((c) => `${c.share}:${c.shownUser}`);
/** A workstation's `net use` list, as `share:account:status`. */
export const uses = (view: ServerView, computer = 'WKS1') =>
  view.clients.find((c) => c.computer === computer)?.uses.map((u) => `${u.share}:${u.account}:${u.status}`) ??
  [];
/** Where a computer's session stands. */
export const state = (view: ServerView, computer = 'WKS1') =>
  view.sessions.find((s) => s.computer === computer)?.state;
/** The outcome codes of the log, oldest first. */
export const codes = (view: ServerView): LogCode[] => view.log.map((l) => l.code);
