import { SimulationInputError } from '../kernel/errors';
import { durationProblem, resetProblem, syncProblem, thresholdProblem } from './registry';
import { DOMAIN_VERSIONS, type DomainConfig, type DomainVersion } from './world';

/*
 * The domain's configuration: the version, the account policy at t = 0 (User Manager for Domains,
 * Policies, Account) and Netlogon's pulse. normalizeConfig fills in the defaults and checks every
 * field; the policy rules themselves (0 = no lockout, -1 = Forever, duration not shorter than the
 * reset count time) are in rules/policy.ts, shared with `policy.set`.
 */

export interface NormalConfig {
  version: DomainVersion;
  lockoutThreshold: number;
  resetCountMinutes: number;
  lockoutDurationMinutes: number;
  syncMinutes: number;
}

export const DEFAULT_CONFIG: Readonly<NormalConfig> = Object.freeze({
  version: '4.0',
  lockoutThreshold: 5,
  resetCountMinutes: 30,
  lockoutDurationMinutes: 30,
  // Netlogon's pulse, five minutes by default (pulse).
  syncMinutes: 5,
});

export type PolicyValues = Pick<
  NormalConfig,
  'lockoutThreshold' | 'resetCountMinutes' | 'lockoutDurationMinutes'
>;

/** User Manager for Domains' own message when the duration is shorter than the reset window (policy-order). */
export const POLICY_ORDER_MESSAGE =
  'The lockout duration must be greater than or equal to the reset count time.';

/** Whether User Manager refuses the policy: a duration (not Forever) shorter than the reset count time. */
export function durationTooShort(policy: PolicyValues): boolean {
  return policy.lockoutDurationMinutes !== -1 && policy.lockoutDurationMinutes < policy.resetCountMinutes;
}

const FIELDS = ['version', 'lockoutThreshold', 'resetCountMinutes', 'lockoutDurationMinutes', 'syncMinutes'];

/** Fills in defaults and checks every field; throws SimulationInputError (index -1). */
export function normalizeConfig(config: DomainConfig | undefined): NormalConfig {
  if (config === undefined) return { ...DEFAULT_CONFIG };
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new SimulationInputError('Configuration: expected an object (every field may be left out).');
  for (const key of Object.keys(config))
    if (!FIELDS.includes(key))
      throw new SimulationInputError(
        `Configuration: unknown field ${JSON.stringify(key)}; the fields are ${FIELDS.join(', ')}.`,
      );
  const version = config.version ?? DEFAULT_CONFIG.version;
  if (!DOMAIN_VERSIONS.includes(version))
    throw new SimulationInputError(
      `Configuration: unknown version ${JSON.stringify(version)}; known versions are ${DOMAIN_VERSIONS.join(', ')}.`,
    );
  const pick = (
    key: keyof NormalConfig & keyof DomainConfig,
    problem: (v: unknown) => string | null,
  ): number => {
    const value = config[key];
    if (value === undefined) return DEFAULT_CONFIG[key] as number;
    const why = problem(value);
    if (why) throw new SimulationInputError(`Configuration: ${why}`);
    return value as number;
  };
  const normal: NormalConfig = {
    version,
    lockoutThreshold: pick('lockoutThreshold', thresholdProblem),
    resetCountMinutes: pick('resetCountMinutes', resetProblem),
    lockoutDurationMinutes: pick('lockoutDurationMinutes', durationProblem),
    syncMinutes: pick('syncMinutes', syncProblem),
  };
  // config-policy-order: a policy User Manager would refuse is not a configuration.
  if (durationTooShort(normal))
    throw new SimulationInputError(
      `Configuration: lockout duration ${normal.lockoutDurationMinutes} is shorter than the reset count time ${normal.resetCountMinutes}. ${POLICY_ORDER_MESSAGE}`,
    );
  return normal;
}
