import { SimulationInputError } from '../kernel/errors';
import { licenceProblem, validateAutodisconnect } from './registry';
import { NT_VERSIONS, type NtVersion, type ServerConfig } from './world';

export interface NormalConfig {
  version: NtVersion;
  autodisconnectMinutes: number;
  licenseLimit: number;
  licenseLogging: boolean;
}

export const DEFAULT_CONFIG: Readonly<NormalConfig> = Object.freeze({
  version: '3.51',
  autodisconnectMinutes: 15,
  licenseLimit: 5,
  licenseLogging: true,
});

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Fills in defaults and checks every field; throws SimulationInputError (index -1). */
export function normalizeConfig(config: ServerConfig): NormalConfig {
  if (typeof config !== 'object' || config === null)
    throw new SimulationInputError('Configuration: expected an object with at least a version.');
  const { version } = config;
  if (!NT_VERSIONS.includes(version))
    throw new SimulationInputError(
      `Configuration: unknown version ${JSON.stringify(version)}; known versions are ${NT_VERSIONS.join(', ')}.`,
    );
  let autodisconnectMinutes = DEFAULT_CONFIG.autodisconnectMinutes;
  if (config.autodisconnectMinutes !== undefined) {
    const check = validateAutodisconnect(config.autodisconnectMinutes);
    if (!check.ok) throw new SimulationInputError(`Configuration: ${lower(check.reason)}`);
    autodisconnectMinutes = check.minutes;
  }
  let licenseLimit = DEFAULT_CONFIG.licenseLimit;
  if (config.licenseLimit !== undefined) {
    const problem = licenceProblem(config.licenseLimit);
    if (problem) throw new SimulationInputError(`Configuration: ${problem}`);
    licenseLimit = config.licenseLimit;
  }
  let licenseLogging = DEFAULT_CONFIG.licenseLogging;
  if (config.licenseLogging !== undefined) {
    if (typeof config.licenseLogging !== 'boolean')
      throw new SimulationInputError(
        'Configuration: licenseLogging must be true (service running) or false (stopped).',
      );
    licenseLogging = config.licenseLogging;
  }
  return { version, autodisconnectMinutes, licenseLimit, licenseLogging };
}
