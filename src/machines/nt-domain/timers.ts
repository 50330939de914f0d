import type { DomainContext, TimerEvent } from './context';
import { world } from './world';

/*
 * The model's timers, kept as data in the context: each DC's reset windows and lockout ends, the next
 * pulse, each retrier's next try. The kernel's timeline asks for the one due first (nextTimer) and
 * sends its event when its clock reaches it. Ties: a lockout ends before a count resets, before the
 * pulse, before a retrier tries; within a kind, in the world's order (DCs, accounts, computers).
 */

export function nextTimer(context: DomainContext): { at: number; event: TimerEvent } | undefined {
  let best: { at: number; event: TimerEvent } | undefined;
  const consider = (at: number | null, event: () => TimerEvent) => {
    if (at !== null && (!best || at < best.at)) best = { at, event: event() };
  };
  for (const { name: dc } of world.dcs)
    for (const user of world.accounts)
      consider(context.dcs[dc]?.[user]?.lock?.until ?? null, () => ({ type: 'lockout.end', dc, user }));
  for (const { name: dc } of world.dcs)
    for (const user of world.accounts)
      consider(context.dcs[dc]?.[user]?.resetAt ?? null, () => ({ type: 'count.reset', dc, user }));
  consider(context.nextSync, () => ({ type: 'sync.pulse' }));
  for (const { name: computer } of world.computers)
    consider(context.retriers[computer]?.next ?? null, () => ({ type: 'retrier.tick', computer }));
  return best;
}
