import { assertEvent } from 'xstate';
import { type Args, append, licenceText, type Patch, type ServerContext, type Session } from '../context';

/*
 * The Server service's startup parameters (startup-parameters): the Autodisconnect value in the
 * registry is read when the service starts. An edit waits for the next start (net stop server and net
 * start server, or a reboot); `net config server /autodisconnect` applies at once and writes the
 * registry too (autodisconnect-zero).
 */

/** A DWORD of all ones is what `net config server /autodisconnect:-1` writes: never. */
const NEVER_DWORD = 4_294_967_295;

/** regedit: LanmanServer\Parameters\Autodisconnect. Nothing changes until the service starts again. */
export const writeRegistry = ({ context, event }: Args): Patch => {
  assertEvent(event, 'registry.autodisconnect');
  const { minutes } = event;
  const value = minutes === NEVER_DWORD ? -1 : minutes;
  const pending =
    value === context.minutes
      ? 'the same value the Server service is using now'
      : `the Server service keeps using ${context.minutes < 0 ? 'no autodisconnect (-1)' : `${context.minutes} minutes`} until it is restarted`;
  return {
    registryMinutes: value,
    log: append(
      context.log,
      event.at,
      'config',
      'registry.autodisconnect',
      `Registry: Autodisconnect is now ${minutes} in LanmanServer\\Parameters. It is a startup parameter, read when the Server service starts: ${pending}.`,
      undefined,
      undefined,
      ['startup-parameters'],
    ),
  };
};

/**
 * net stop server and net start server (or a reboot): every session ends, the leftover IPC$ included,
 * their licences are released, the clients keep their uses, Disconnected, and the service reads the
 * registry's Autodisconnect. Modelling choices: no Performance Monitor counter counts these sessions,
 * and the counters keep their values (the sources do not say).
 */
export const restart = ({ context, event }: Args): Patch => {
  const ended = Object.values(context.sessions).filter((s): s is Session => s !== undefined);
  const uses: Record<string, ServerContext['uses'][string]> = {};
  for (const [computer, list] of Object.entries(context.uses))
    uses[computer] = list?.map((u) => (u.status === 'OK' ? { ...u, status: 'Disconnected' as const } : u));
  const freed = ended.filter((s) => s.counted).length;
  const changed = context.registryMinutes !== context.minutes;
  const value =
    context.registryMinutes < 0
      ? 'no autodisconnect (-1)'
      : `autodisconnect ${context.registryMinutes} minutes`;
  return {
    sessions: {},
    lingering: {},
    uses,
    inUse: context.inUse - freed,
    minutes: context.registryMinutes,
    armed: [],
    log: append(
      context.log,
      event.at,
      'config',
      'server.restart',
      `The Server service restarted: ${ended.length === 0 ? 'no sessions were open' : `every session ended (${ended.map((s) => s.computer).join(', ')})`}.${freed ? ` ${freed === 1 ? 'Licence' : `${freed} licences`} released (${licenceText(context.inUse - freed, context.limit)}).` : ''}${ended.length ? ' The workstations keep their uses, now Disconnected.' : ''} It read the registry: ${value}${changed ? ', the value written there since it last started' : ''}.`,
      undefined,
      undefined,
      ['startup-parameters'],
    ),
  };
};
