import { assertEvent } from 'xstate';
import { durationTooShort, POLICY_ORDER_MESSAGE, type PolicyValues } from '../config';
import { type Args, append, type Patch } from '../context';
import { TEXT } from '../wording';

/*
 * The account policy (User Manager for Domains, Policies, Account). A lockout duration shorter than the
 * reset count time is refused with User Manager's message and nothing changes (policy-order); -1 is
 * Forever (until an administrator unlocks); a threshold of 0 is no account lockout. Values outside the
 * ranges are bad input, refused by the registry. Modelling choice (policy-from-now): the new values
 * govern the next bad attempt; reset windows and lockouts already running keep their ends.
 */

function merged(context: Args['context'], event: Args['event']): PolicyValues {
  assertEvent(event, 'policy.set');
  return {
    lockoutThreshold: event.lockoutThreshold ?? context.policy.lockoutThreshold,
    resetCountMinutes: event.resetCountMinutes ?? context.policy.resetCountMinutes,
    lockoutDurationMinutes: event.lockoutDurationMinutes ?? context.policy.lockoutDurationMinutes,
  };
}

export const policyOutOfOrder = ({ context, event }: Args): boolean =>
  durationTooShort(merged(context, event));

export const refusePolicy = ({ context, event }: Args): Patch => ({
  log: append(context.log, event.at, 'policy', TEXT.policyRefused(POLICY_ORDER_MESSAGE), {}, [
    'policy-order',
  ]),
});

export const setPolicy = ({ context, event }: Args): Patch => {
  const policy = merged(context, event);
  return { policy, log: append(context.log, event.at, 'policy', TEXT.policySet(policy)) };
};
