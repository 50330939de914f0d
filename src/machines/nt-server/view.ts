import type { ServerContext, Session } from './context';
import { hasLicensing, idleDeadline, LINGER_MS } from './context';
import {
  type ClientView,
  type ConnectionView,
  IPC,
  type LicenseService,
  type LogEntry,
  type ServerView,
  type SessionState,
  type SessionView,
  world,
} from './world';

/*
 * What a reader sees of the server at a moment, read off the machine's context. Pictures, panels and
 * transcripts read this view and never re-derive what it decides (session state, licence service).
 */

function sessionState(session: Session | undefined): SessionState {
  if (!session) return 'none';
  if (session.account === null) return 'leftover';
  if (session.shares.length === 0 && session.ipc === 'explicit') return 'explicitIpc';
  return 'holding';
}

export function toView(context: ServerContext, now: number, log: LogEntry[]): ServerView {
  const connections: ConnectionView[] = [];
  const sessions: SessionView[] = [];
  const clients: ClientView[] = [];
  for (const { name, loggedOn } of world.computers) {
    const session = context.sessions[name];
    clients.push({
      computer: name,
      loggedOn,
      uses: (context.uses[name] ?? []).map((u) => ({ share: u.share, account: u.account, status: u.status })),
    });
    if (!session) {
      sessions.push({
        computer: name,
        state: 'none',
        account: null,
        opens: 0,
        idleMs: 0,
        autodisconnectAt: null,
        licensed: false,
      });
      continue;
    }
    const shownUser = session.account ?? name;
    const idleMs = now - session.lastActivity;
    sessions.push({
      computer: name,
      state: sessionState(session),
      account: session.account,
      opens: session.opens,
      idleMs,
      autodisconnectAt: idleDeadline(context, session) ?? null,
      licensed: session.counted,
    });
    if (session.ipc !== 'none') {
      connections.push({
        computer: name,
        share: IPC,
        shownUser,
        account: session.account,
        opens: 0,
        connectedMs: now - session.ipcSince,
        idleMs,
      });
    }
    for (const c of session.shares) {
      connections.push({
        computer: name,
        share: c.share,
        shownUser,
        account: session.account,
        opens: c.opens,
        connectedMs: now - c.since,
        idleMs,
      });
    }
  }
  const service: LicenseService = !hasLicensing(context.version)
    ? 'absent'
    : context.logging
      ? 'running'
      : 'stopped';
  return {
    now,
    connections,
    licenses: { inUse: context.inUse, limit: context.limit, logging: context.logging, service },
    clients,
    sessions,
    counters: { ...context.counters },
    lingering: world.computers.flatMap(({ name }) => {
      const since = context.lingering[name];
      return since !== undefined && now < since + LINGER_MS
        ? [{ computer: name, until: since + LINGER_MS }]
        : [];
    }),
    autodisconnectMinutes: context.minutes,
    log,
  };
}
