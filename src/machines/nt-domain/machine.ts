import { assign, setup } from 'xstate';
import type { NormalConfig } from './config';
import { type DomainContext, initialDcs, type MachineEvent, MINUTE } from './context';
import * as counting from './rules/counting';
import * as lockout from './rules/lockout';
import * as policy from './rules/policy';
import * as retrier from './rules/retrier';
import * as unlock from './rules/unlock';

/*
 * The NT domain's rules as one XState machine: wiring only. Accounts, counts and lockouts are data in
 * the context (one pure machine per replay); the rules live in rules/<area>.ts and cite their sources
 * by key (SOURCE_KEYS in world.ts). Timers are data too (timers.ts): the kernel's timeline sends
 * `count.reset`, `lockout.end`, `sync.pulse` and `retrier.tick` when they fall due. A retrier's try
 * goes through the same rules as a logon typed at the workstation.
 */

export const domainMachine = setup({
  types: {
    context: {} as DomainContext,
    events: {} as MachineEvent,
    input: {} as NormalConfig,
  },
  guards: {
    lockedOut: lockout.lockedOut,
    badPassword: counting.badPassword,
    relockPending: unlock.relockPending,
    notLockedAtPdc: unlock.notLockedAtPdc,
    policyOutOfOrder: policy.policyOutOfOrder,
    noRetrier: retrier.noRetrier,
  },
  actions: {
    refuseLocked: assign(lockout.refuseLocked),
    endLockout: assign(lockout.endLockout),
    countBad: assign(counting.countBad),
    logOn: assign(counting.logOn),
    resetCount: assign(counting.resetCount),
    logOnThenRelock: assign(unlock.logOnThenRelock),
    unlock: assign(unlock.unlock),
    noteNotLocked: assign(unlock.noteNotLocked),
    syncNow: assign(unlock.syncNow),
    pulse: assign(unlock.pulse),
    refusePolicy: assign(policy.refusePolicy),
    setPolicy: assign(policy.setPolicy),
    startRetrier: assign(retrier.startRetrier),
    noteNoRetrier: assign(retrier.noteNoRetrier),
    stopRetrier: assign(retrier.stopRetrier),
    tryLocked: assign(retrier.tryLocked),
    tryBad: assign(retrier.tryBad),
  },
}).createMachine({
  id: 'domain',
  context: ({ input }) => ({
    version: input.version,
    policy: {
      lockoutThreshold: input.lockoutThreshold,
      resetCountMinutes: input.resetCountMinutes,
      lockoutDurationMinutes: input.lockoutDurationMinutes,
    },
    syncMinutes: input.syncMinutes,
    nextSync: input.syncMinutes * MINUTE,
    dcs: initialDcs(),
    retriers: {},
    outcomes: {},
    log: null,
  }),
  on: {
    'logon.attempt': [
      { guard: 'lockedOut', actions: 'refuseLocked' },
      { guard: 'badPassword', actions: 'countBad' },
      { guard: 'relockPending', actions: 'logOnThenRelock' },
      { actions: 'logOn' },
    ],
    'retrier.tick': [{ guard: 'lockedOut', actions: 'tryLocked' }, { actions: 'tryBad' }],
    'retrier.start': { actions: 'startRetrier' },
    'retrier.stop': [{ guard: 'noRetrier', actions: 'noteNoRetrier' }, { actions: 'stopRetrier' }],
    'admin.unlock': [{ guard: 'notLockedAtPdc', actions: 'noteNotLocked' }, { actions: 'unlock' }],
    'admin.sync': { actions: 'syncNow' },
    'policy.set': [{ guard: 'policyOutOfOrder', actions: 'refusePolicy' }, { actions: 'setPolicy' }],
    'count.reset': { actions: 'resetCount' },
    'lockout.end': { actions: 'endLockout' },
    'sync.pulse': { actions: 'pulse' },
  },
});
