import {
  type Args,
  append,
  clientRefusal,
  type Patch,
  requestedAccount,
  shareEvent,
  useOf,
  usesOf,
  withUses,
} from '../context';
import { IPC, uncPath } from '../world';

/*
 * The client's uses (`net use`): the redirector answers from its own list, so these refusals never
 * reach the server and are not activity (DESIGN row 5).
 */

export const useOk = ({ context, event }: Args): boolean =>
  useOf(context, shareEvent(event))?.status === 'OK';

export const useDisconnected = ({ context, event }: Args): boolean =>
  useOf(context, shareEvent(event))?.status === 'Disconnected';

export const noUse = ({ context, event }: Args): boolean => useOf(context, shareEvent(event)) === undefined;

export const noteAlreadyConnected = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  // Modelling choice: the client answers from its own use list; nothing reaches the server.
  return {
    log: append(
      context.log,
      event.at,
      'connect',
      'use.already',
      `${e.computer} already uses ${uncPath(e.share)} as ${requestedAccount(context, e)}; nothing changed.`,
      e.computer,
    ),
  };
};

export const refuseNoUse = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  const what =
    e.type === 'share.disconnect'
      ? e.share === IPC
        ? ' The implicit IPC$ connection is not a use; connect to IPC$ by name first.'
        : ''
      : e.type === 'file.open'
        ? ' A file can be opened only over a connection.'
        : '';
  return clientRefusal(
    context,
    e.computer,
    event.at,
    e.type === 'share.disconnect' && e.share === IPC ? 'use.refused.implicit-ipc' : 'use.refused.none',
    `Refused by ${e.computer}: it has no use of ${uncPath(e.share)}.${what} Nothing reached the server.`,
    undefined,
    e.type === 'share.disconnect' && e.share === IPC ? ['ipc-not-disconnectable'] : undefined,
  );
};

export const forgetUse = ({ context, event }: Args): Patch => {
  const e = shareEvent(event);
  return {
    uses: withUses(
      context,
      e.computer,
      usesOf(context, e.computer).filter((u) => u.share !== e.share),
    ),
    log: append(
      context.log,
      event.at,
      'disconnect',
      'use.forget',
      `${e.computer} deleted its Disconnected use of ${uncPath(e.share)}; the server had already ended that connection, so nothing reached it.`,
      e.computer,
    ),
  };
};
