import type { SimEvent, SimEventType } from './registry';
import { IPC, loggedOnUser, uncPath } from './world';

/*
 * Each event's plain text for a transcript's event column, typed by the registry (an event without
 * wording does not compile). Kept apart from the registry so islands, which are handed their
 * scenario's step texts by the page, do not carry it.
 */

type Of<T extends SimEventType> = Extract<SimEvent, { type: T }>;

const minutesText = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

const DESCRIBE: { readonly [T in SimEventType]: (event: Of<T>) => string } = {
  'share.connect': (e) => {
    const logged = loggedOnUser(e.computer);
    return e.user !== undefined && e.user !== logged
      ? `${e.computer} connects to ${uncPath(e.share)} as ${e.user} (CONNECT AS)`
      : `${e.computer} connects to ${uncPath(e.share)} as ${logged}`;
  },
  'share.disconnect': (e) => `${e.computer} disconnects from ${uncPath(e.share)}`,
  'file.open': (e) => `${e.computer} opens a file on ${uncPath(e.share)}`,
  'file.close': (e) => `${e.computer} closes a file on ${uncPath(e.share)}`,
  'licensing.stop': () => 'The License Logging service is stopped',
  'licensing.start': () => 'The License Logging service is started',
  'autodisconnect.set': ({ minutes }) =>
    minutes < 0 ? 'Autodisconnect is turned off (-1)' : `Autodisconnect is set to ${minutesText(minutes)}`,
  'licensing.limit': ({ licenses }) =>
    `Control Panel Licensing is set to ${licenses} concurrent connection${licenses === 1 ? '' : 's'}`,
  'registry.autodisconnect': ({ minutes }) =>
    `The registry's Autodisconnect value is set to ${minutes} (read when the Server service next starts)`,
  'server.restart': () => 'The Server service is restarted (net stop server, net start server)',
  'session.delete': (e) => `The administrator runs net session \\\\${e.computer} /delete at the server`,
  'admin.disconnect': (e) =>
    `The administrator disconnects ${e.computer}'s connection to ${e.share === IPC ? 'IPC$' : uncPath(e.share)} in Server Manager`,
};

/** Short plain text for a transcript's event column. */
export function describeEvent(event: SimEvent): string {
  return (DESCRIBE[event.type] as (event: SimEvent) => string)(event);
}
