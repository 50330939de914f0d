import { assertEvent } from 'xstate';
import {
  type Args,
  append,
  ERROR_71,
  hasLicensing,
  licenceExhaustedFor,
  licenceText,
  type Patch,
  requestedAccount,
  type Session,
  serverRefusal,
  shareEvent,
  useOf,
} from '../context';
import { uncPath } from '../world';

/*
 * Per-server licensing (licence-limit, licensing-arrived): one licence per session while the License
 * Logging service runs; at the limit a new session is refused with error 71, except an administrator.
 */

export const licenceExhausted = ({ context, event }: Args): boolean =>
  licenceExhaustedFor(context, shareEvent(event));

export const noLicensing = ({ context }: Args): boolean => !hasLicensing(context.version);

export const logging = ({ context }: Args): boolean => context.logging;

export const refuseLicence = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const account = requestedAccount(context, e);
  const use = useOf(context, e);
  const stays = use?.status === 'Disconnected' ? ` The use stays Disconnected on ${e.computer}.` : '';
  return serverRefusal(
    context,
    e.computer,
    event.at,
    `Refused: ${e.computer} (${account}) needs a new session for ${uncPath(e.share)}, but the licence limit is reached (${licenceText(context.inUse, context.limit)}). ${ERROR_71}${stays}`,
    71,
    ['licence-limit'],
  );
};

export const stopLogging = ({ context, event }: Args): Patch => {
  const sessions: Record<string, Session | undefined> = {};
  for (const [computer, s] of Object.entries(context.sessions)) {
    sessions[computer] = s?.counted ? { ...s, counted: false } : s;
  }
  // The instant workaround (stop the License Logging service) of the source behind implicit-ipc,
  // taken at its word: nothing is counted while stopped.
  return {
    logging: false,
    inUse: 0,
    sessions,
    log: append(
      context.log,
      event.at,
      'licensing',
      'License Logging service stopped: no licences are counted now (0 in use) and nobody is refused for lack of one.',
      undefined,
      undefined,
      ['implicit-ipc'],
    ),
  };
};

export const startLogging = ({ context, event }: Args): Patch => {
  const sessions: Record<string, Session | undefined> = {};
  let inUse = 0;
  for (const [computer, s] of Object.entries(context.sessions)) {
    sessions[computer] = s ? { ...s, counted: true } : s;
    if (s) inUse++;
  }
  const counted =
    inUse === 0
      ? 'no sessions are open, so none are counted'
      : `the ${inUse === 1 ? 'session' : `${inUse} sessions`} open now ${inUse === 1 ? 'is' : 'are'} counted`;
  return {
    logging: true,
    inUse,
    sessions,
    log: append(
      context.log,
      event.at,
      'licensing',
      `License Logging service started: ${counted} (${licenceText(inUse, context.limit)}). Counting the sessions already open is a modelling choice; no source says how the service recounts.`,
    ),
  };
};

export const noteLicensingUnchanged = ({ context, event }: Args): Patch => ({
  log: append(
    context.log,
    event.at,
    'licensing',
    event.type === 'licensing.stop'
      ? 'License Logging service is already stopped; nothing changed.'
      : 'License Logging service is already running; nothing changed.',
  ),
});

export const noteNoLicensing = ({ context, event }: Args): Patch => ({
  log: append(
    context.log,
    event.at,
    'licensing',
    event.type === 'licensing.limit'
      ? 'NT Server 3.5 has no inbound connection limit and no licence count; nothing changed.'
      : 'NT Server 3.5 has no inbound connection limit and no License Logging service; nothing changed.',
    undefined,
    undefined,
    ['licensing-arrived'],
  ),
});

export const setLimit = ({ context, event }: Args): Patch => {
  assertEvent(event, 'licensing.limit');
  const limit = event.licenses;
  const over =
    context.logging && context.inUse > limit
      ? ` ${context.inUse} sessions are open, more than the new limit: they stay, and new sessions are refused until fewer than ${limit} are in use.`
      : '';
  return {
    limit,
    log: append(
      context.log,
      event.at,
      'licensing',
      `Control Panel Licensing: ${limit} concurrent connection${limit === 1 ? '' : 's'} per server from now on (${licenceText(context.inUse, limit)}).${over}`,
      undefined,
      undefined,
      ['licence-limit'],
    ),
  };
};
