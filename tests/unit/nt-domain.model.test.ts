import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, toDirectedGraph } from 'xstate/graph';
import { type DomainEvent, type DomainVersion, simulate, type TapeEntry } from '../../src/machines/nt-domain';
import {
  type AccountEvent,
  type AccountStateValue,
  accountMachine,
} from '../../src/machines/nt-domain/account';
import { count, lastError, locked, lockedAt, MIN, SEC } from './nt-domain.helpers';

/*
 * Model-based tests: the account machine (one account, explicit states) is the model; every shortest
 * path xstate/graph finds through it becomes a tape, and the domain model must show the same counts,
 * lockouts and outcome. `wait` is 20 minutes: the reset window (10) and the lockout (20) both run out;
 * the pulse is two days away, so BDC1 synchronizes only when asked.
 */

const USER = 'jsmith';
const THRESHOLD = 2;
const CONFIG = {
  lockoutThreshold: THRESHOLD,
  resetCountMinutes: 10,
  lockoutDurationMinutes: 20,
  syncMinutes: 2880,
};
const WAIT = 20 * MIN;
const COMPUTER = { PDC1: 'WKS2', BDC1: 'WKS1' } as const;

type Snap = ReturnType<typeof accountMachine.transition>;

/** The events offered in a state; counts are capped so the graph is finite (3 is past the threshold). */
function events(state: Snap): AccountEvent[] {
  const out: AccountEvent[] = [{ type: 'unlock' }, { type: 'sync' }, { type: 'wait' }];
  for (const dc of ['PDC1', 'BDC1'] as const) {
    out.push({ type: 'good', dc });
    if (state.context.copies[dc].count < 3) out.push({ type: 'bad', dc });
  }
  return out;
}

function toTape(steps: AccountEvent[]): { tape: TapeEntry[]; end: number } {
  const tape: TapeEntry[] = [];
  let at = 0;
  for (const e of steps) {
    at += SEC;
    let event: DomainEvent | null;
    switch (e.type) {
      case 'bad':
      case 'good':
        event = {
          type: 'logon.attempt',
          computer: COMPUTER[e.dc],
          user: USER,
          password: e.type,
          via: 'console',
        };
        break;
      case 'unlock':
        event = { type: 'admin.unlock', user: USER };
        break;
      case 'sync':
        event = { type: 'admin.sync', dc: 'BDC1' };
        break;
      case 'wait':
        event = null;
        at += WAIT;
        break;
    }
    if (event) tape.push({ at, event });
  }
  return { tape, end: at };
}

describe.each(['3.51', '4.0'] as DomainVersion[])('account machine on NT %s (xstate/graph)', (version) => {
  const input = { version, threshold: THRESHOLD };
  const paths = getShortestPaths(accountMachine, { input, events });

  it('generated paths reach every state', () => {
    const reached = new Set(paths.map((p) => p.state.value as string));
    expect([...reached].sort()).toEqual(['clear', 'counting', 'lockedOut']);
  });

  it('the traversal takes every transition the machine defines', () => {
    const adjacency = getAdjacencyMap(accountMachine, { input, events });
    const taken = new Set<unknown>();
    for (const { state, transitions } of Object.values(adjacency)) {
      for (const { event } of Object.values(transitions) as { event: AccountEvent }[]) {
        for (const t of accountMachine.getTransitionData(state, event)) taken.add(t);
      }
    }
    const graph = toDirectedGraph(accountMachine);
    const defined = [graph, ...graph.children]
      .flatMap((node) => node.edges.map((edge) => edge.transition))
      .filter((t) => !t.eventType.startsWith('xstate.'));
    const missing = [...new Set(defined)]
      .filter((t) => !taken.has(t))
      .map((t) => `${t.eventType} ${JSON.stringify(t.guard)}`);
    expect(missing).toEqual([]);
  });

  it(`on every path the domain model agrees with the account machine (${paths.length} paths)`, () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const actor = createActor(accountMachine, { input }).start();
      const steps: AccountEvent[] = [];
      for (const step of path.steps) {
        if (step.event.type.startsWith('xstate.')) continue;
        actor.send(step.event);
        steps.push(step.event);
      }
      const snap = actor.getSnapshot();
      const value = snap.value as AccountStateValue;
      const { tape, end } = toTape(steps);
      const view = simulate({ ...CONFIG, version }, tape, end);
      const at = `after ${steps.map((s) => ('dc' in s ? `${s.type} at ${s.dc}` : s.type)).join(', ') || 'nothing'}`;
      expect(locked(view, USER), at).toBe(value === 'lockedOut');
      for (const dc of ['PDC1', 'BDC1'] as const) {
        expect(count(view, dc, USER), `${at}: ${dc}'s count`).toBe(snap.context.copies[dc].count);
        expect(lockedAt(view, dc, USER), `${at}: ${dc}'s copy locked`).toBe(snap.context.copies[dc].locked);
      }
      const lastLogon = [...steps].reverse().find((s) => s.type === 'bad' || s.type === 'good');
      if (lastLogon && 'dc' in lastLogon)
        expect(lastError(view, COMPUTER[lastLogon.dc]) ?? null, `${at}: the last logon's error`).toBe(
          snap.context.refused,
        );
    }
  }, 60_000);
});
