import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, toDirectedGraph } from 'xstate/graph';
import {
  AUTODISCONNECT_ZERO_MS,
  type NtVersion,
  type SimEvent,
  simulate,
  type TapeEntry,
} from '../../src/machines';
import {
  type SessionEvent,
  type SessionStateValue,
  sessionMachine,
  sessionShares,
} from '../../src/machines/nt-server/session';

/*
 * Model-based tests: the session machine (one computer, explicit states) is the model; every
 * shortest path xstate/graph finds through it becomes a tape, and the server kernel must show
 * the same connections, accounts, open files, client uses, session state and refusals.
 * Licensing is left out (License Logging stopped), as in the model.
 */

const COMPUTER = 'WKS1';
const SHARES = ['PUBLIC', 'TOOLS', 'IPC$'];
const DISK = ['PUBLIC', 'TOOLS'];
const USERS = [undefined, 'Administrator'];

type Snap = ReturnType<typeof sessionMachine.transition>;

function events(state: Snap): SessionEvent[] {
  const out: SessionEvent[] = [
    { type: 'session.idle' },
    { type: 'server.restart' },
    { type: 'session.delete' },
  ];
  for (const share of SHARES) {
    for (const user of USERS)
      out.push(user ? { type: 'share.connect', share, user } : { type: 'share.connect', share });
    out.push({ type: 'share.disconnect', share }, { type: 'admin.disconnect', share });
  }
  for (const share of DISK) {
    out.push({ type: 'file.close', share });
    // One open file on a share is enough to reach every state and transition.
    if ((state.context.shares[share] ?? 0) < 1) out.push({ type: 'file.open', share });
  }
  return out;
}

function checkInvariants(state: Snap): void {
  const { context } = state;
  const value = state.value as SessionStateValue;
  expect(context.account === null).toBe(value === 'none' || value === 'leftover');
  if (value === 'leftover') expect([context.ipc, Object.keys(context.shares)]).toEqual(['implicit', []]);
  if (value === 'explicitIpc') expect([context.ipc, Object.keys(context.shares)]).toEqual(['explicit', []]);
  if (value === 'none') expect([context.ipc, context.shares]).toEqual(['none', {}]);
  if (context.version === '4.0') {
    expect(value).not.toBe('leftover');
    expect(context.ipc).not.toBe('implicit');
  }
  if ('TOOLS' in context.shares) expect(context.account).toBe('Administrator');
  for (const [share, use] of Object.entries(context.uses)) {
    if (use.ok) expect(sessionShares(value, context)).toContain(share);
  }
  expect(new Set(Object.values(context.uses).map((u) => u.account)).size).toBeLessThanOrEqual(1);
}

/** The same steps as a tape: idle becomes "autodisconnect 0, wait, then off again". */
function toTape(steps: SessionEvent[]): TapeEntry[] {
  const tape: TapeEntry[] = [];
  let at = 0;
  for (const e of steps) {
    at += 1000;
    if (e.type === 'session.idle') {
      tape.push({ at, event: { type: 'autodisconnect.set', minutes: 0 } });
      at += AUTODISCONNECT_ZERO_MS + 1000;
      tape.push({ at, event: { type: 'autodisconnect.set', minutes: -1 } });
    } else if (e.type === 'server.restart') {
      tape.push({ at, event: e });
    } else {
      tape.push({ at, event: { ...e, computer: COMPUTER } as SimEvent });
    }
  }
  return tape;
}

describe.each(['3.5', '3.51', '4.0'] as NtVersion[])('session machine on NT %s (xstate/graph)', (version) => {
  const input = { version, computer: COMPUTER };
  const paths = getShortestPaths(sessionMachine, { input, events });

  it('generated paths reach every reachable state node', () => {
    const reached = new Set(paths.map((p) => p.state.value as string));
    const expected = ['none', 'holding', 'explicitIpc', ...(version === '4.0' ? [] : ['leftover'])];
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it('the traversal takes every transition the machine defines (4.0 skips the leftover ones)', () => {
    const adjacency = getAdjacencyMap(sessionMachine, { input, events });
    const taken = new Set<unknown>();
    for (const { state, transitions } of Object.values(adjacency)) {
      for (const { event } of Object.values(transitions) as { event: SessionEvent }[]) {
        const chosen = sessionMachine.getTransitionData(state, event)[0];
        if (chosen) taken.add(chosen);
      }
    }
    const graph = toDirectedGraph(sessionMachine);
    const all = [graph, ...graph.children].flatMap((node) => node.edges.map((edge) => edge.transition));
    const defined = [...new Set(all)];
    const leftoverOnly = (t: (typeof defined)[number]) =>
      t.target?.[0]?.key === 'leftover' ||
      (typeof t.guard === 'object' &&
        t.guard !== null &&
        (t.guard as { type?: string }).type === 'leftoverIpc') ||
      t.guard === 'leftoverIpc';
    const reachable = defined.filter((t) => !(version === '4.0' && leftoverOnly(t)));
    const missing = reachable
      .filter((t) => !taken.has(t))
      .map((t) => `${t.eventType} ${JSON.stringify(t.guard)} -> ${t.target?.[0]?.key}`);
    expect(missing).toEqual([]);
  }, 60_000);

  it(`invariants hold on every path (${paths.length}), and the server kernel agrees at its end`, () => {
    for (const path of paths) {
      const actor = createActor(sessionMachine, { input }).start();
      const steps: SessionEvent[] = [];
      for (const step of path.steps) {
        if (!step.event.type.startsWith('xstate.')) {
          actor.send(step.event);
          steps.push(step.event);
        }
        checkInvariants(actor.getSnapshot());
      }
      const snap = actor.getSnapshot();
      const value = snap.value as SessionStateValue;
      const view = simulate({ version, autodisconnectMinutes: -1, licenseLogging: false }, toTape(steps));
      const at = `after ${steps.map((s) => `${s.type} ${'share' in s ? s.share : ''}${'user' in s ? ` as ${s.user}` : ''}`).join(', ')}`;
      expect(
        view.connections.map((c) => c.share),
        at,
      ).toEqual(sessionShares(value, snap.context));
      expect(view.sessions[0].state, at).toBe(value);
      for (const c of view.connections) {
        expect(c.account, at).toBe(snap.context.account);
        if (c.share !== 'IPC$') expect(c.opens, at).toBe(snap.context.shares[c.share]);
      }
      expect(
        view.clients[0].uses.map((u) => [u.share, u.account, u.status]),
        at,
      ).toEqual(
        Object.entries(snap.context.uses).map(([share, u]) => [
          share,
          u.account,
          u.ok ? 'OK' : 'Disconnected',
        ]),
      );
      const last = view.log.filter((l) => l.kind !== 'config' && l.kind !== 'autodisconnect').at(-1);
      if (steps.length && steps.at(-1)?.type !== 'session.idle' && snap.context.refused !== null) {
        expect(last?.error ?? 0, at).toBe(snap.context.refused);
      }
    }
  }, 120_000);
});
