import type { DomainContext, TimerEvent } from './context';
import { world } from './world';

/*
 * The model's timers, kept as data in the context: each DC's reset windows and lockout ends, the next
 * pulse, each retrier's next try. The kernel's timeline asks for the one due first (nextTimer) and
 * sends its event when its clock reaches it. Ties: a lockout ends before a count resets, before the
 * pulse, before a retrier tries; within a kind, in the world's order (DCs, accounts, computers).
 * The timeline asks several times per step: the answer is kept per context, and allocates only itself.
 */

const DCS = world.dcs.map((d) => d.name);
const ACCOUNTS = world.accounts;
const COMPUTERS = world.computers.map((c) => c.name);

type Due = { at: number; event: TimerEvent } | undefined;

/** The timeline asks about the same context several times per step: each context's answer, once. */
const answers = new WeakMap<DomainContext, Due>();

export function nextTimer(context: DomainContext): Due {
  if (answers.has(context)) return answers.get(context);
  const due = findNext(context);
  answers.set(context, due);
  return due;
}

function findNext(context: DomainContext): Due {
  let at = Number.POSITIVE_INFINITY;
  // What is due first: 0 lockout end, 1 count reset (with its DC and account), 2 pulse, 3 retrier.
  let kind = -1;
  let dc = '';
  let name = '';
  for (const d of DCS) {
    const records = context.dcs[d];
    if (!records) continue;
    for (const user of ACCOUNTS) {
      const until = records[user]?.lock?.until;
      if (until != null && until < at) {
        at = until;
        kind = 0;
        dc = d;
        name = user;
      }
    }
  }
  for (const d of DCS) {
    const records = context.dcs[d];
    if (!records) continue;
    for (const user of ACCOUNTS) {
      const reset = records[user]?.resetAt;
      if (reset != null && reset < at) {
        at = reset;
        kind = 1;
        dc = d;
        name = user;
      }
    }
  }
  if (context.nextSync < at) {
    at = context.nextSync;
    kind = 2;
  }
  for (const computer of COMPUTERS) {
    const next = context.retriers[computer]?.next;
    if (next !== undefined && next < at) {
      at = next;
      kind = 3;
      name = computer;
    }
  }
  switch (kind) {
    case 0:
      return { at, event: { type: 'lockout.end', dc, user: name } };
    case 1:
      return { at, event: { type: 'count.reset', dc, user: name } };
    case 2:
      return { at, event: { type: 'sync.pulse' } };
    case 3:
      return { at, event: { type: 'retrier.tick', computer: name } };
    default:
      return undefined;
  }
}
