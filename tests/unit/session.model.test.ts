import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, toDirectedGraph } from 'xstate/graph';
import { type NtVersion, type SimEvent, simulate, type TapeEntry } from '../../src/machines';
import { type SessionEvent, sessionMachine, sessionShares } from '../../src/machines/session';

const COMPUTER = 'WKS1';
const SHARES = ['PUBLIC', 'TOOLS'];
const USERS = [undefined, 'Administrator', 'mlee'];

type Snap = ReturnType<typeof sessionMachine.transition>;

function events(state: Snap): SessionEvent[] {
  const out: SessionEvent[] = [{ type: 'session.idle' }];
  for (const share of SHARES) {
    for (const user of USERS)
      out.push(user ? { type: 'share.connect', share, user } : { type: 'share.connect', share });
    out.push({ type: 'share.disconnect', share }, { type: 'file.close', share });
    // Two open files on a share are enough to reach every state and transition.
    if ((state.context.shares[share] ?? 0) < 2) out.push({ type: 'file.open', share });
  }
  return out;
}

function checkInvariants(state: Snap): void {
  const { context } = state;
  const value = state.value as 'none' | 'holding' | 'leftover';
  expect(context.account === null).toBe(value !== 'holding');
  if (value === 'holding') expect(Object.keys(context.shares).length).toBeGreaterThan(0);
  else expect(context.shares).toEqual({});
  if (context.version === '4.0') expect(value).not.toBe('leftover');
  if ('TOOLS' in context.shares) expect(context.account).toBe('Administrator');
  for (const opens of Object.values(context.shares)) expect(opens).toBeGreaterThanOrEqual(0);
}

/** The same steps as a tape: idle becomes "autodisconnect 0, then off again". */
function toTape(steps: SessionEvent[]): TapeEntry[] {
  const tape: TapeEntry[] = [];
  let at = 0;
  for (const e of steps) {
    at += 1000;
    if (e.type === 'session.idle') {
      tape.push({ at, event: { type: 'autodisconnect.set', minutes: 0 } });
      at += 1000;
      tape.push({ at, event: { type: 'autodisconnect.set', minutes: -1 } });
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
    const expected = version === '4.0' ? ['none', 'holding'] : ['none', 'holding', 'leftover'];

    expect([...reached].sort()).toEqual([...expected].sort());
  });

  it('the traversal takes every transition the machine defines', () => {
    const adjacency = getAdjacencyMap(sessionMachine, { input, events });
    const taken = new Set<unknown>();
    for (const { state, transitions } of Object.values(adjacency)) {
      for (const { event } of Object.values(transitions) as { event: SessionEvent }[]) {
        const chosen = sessionMachine.getTransitionData(state, event)[0];
        if (chosen) taken.add(chosen);
      }
    }
    const graph = toDirectedGraph(sessionMachine);
    const defined = graph.children.flatMap((node) => node.edges.map((edge) => edge.transition));
    // Each version skips the other's last-share branch: 4.0 never leaves IPC$ behind, and
    // 3.5/3.51 never end the session on the last disconnect.
    const lingerOnly = (t: (typeof defined)[number]) =>
      t.source.key === 'leftover' || t.target?.[0]?.key === 'leftover';
    const endsOnDisconnect = (t: (typeof defined)[number]) =>
      t.eventType === 'share.disconnect' && t.target?.[0]?.key === 'none';
    const reachable = defined.filter((t) => !(version === '4.0' ? lingerOnly(t) : endsOnDisconnect(t)));

    expect(reachable.filter((t) => !taken.has(t))).toEqual([]);
  });

  it('invariants hold at every step of every path, and the server kernel agrees', () => {
    for (const path of paths) {
      const actor = createActor(sessionMachine, { input }).start();
      const steps: SessionEvent[] = [];
      for (const step of path.steps) {
        if (!step.event.type.startsWith('xstate.')) {
          actor.send(step.event);
          steps.push(step.event);
        }
        const snap = actor.getSnapshot();
        checkInvariants(snap);

        const view = simulate({ version, autodisconnectMinutes: -1 }, toTape(steps));
        const listed = view.connections.map((c) => c.share);
        expect(listed).toEqual(sessionShares(snap.value as 'none' | 'holding' | 'leftover', snap.context));
        for (const c of view.connections) {
          expect(c.account).toBe(snap.context.account);
          if (c.share !== 'IPC$') expect(c.opens).toBe(snap.context.shares[c.share]);
        }
        const last = view.log.filter((l) => l.kind !== 'config' && l.kind !== 'autodisconnect').at(-1);
        if (steps.length && steps.at(-1)?.type !== 'session.idle' && snap.context.refused !== null) {
          expect(last?.kind === 'refused' || last?.kind === 'connect').toBe(true);
          expect(last?.error ?? 0).toBe(snap.context.refused);
        }
      }
    }
  });
});
