import { and, assign, setup } from 'xstate';
import { IPC, loggedOnUser, mayRead, type NtVersion } from './world';

/*
 * One client computer's session, as explicit states. The server machine keeps sessions as
 * data for speed (one actor per replay); this machine states the same rules one session at
 * a time, and the model-based tests check the server against it on every generated path.
 * Licensing is a per-server matter and stays in the server machine.
 */

export interface SessionContext {
  readonly version: NtVersion;
  readonly computer: string;
  readonly account: string | null;
  /** Disk shares held, with their open files. */
  readonly shares: Readonly<Record<string, number>>;
  /** The error of the last refusal, 0 for a refusal without a number, null after success. */
  readonly refused: number | null;
}

export type SessionEvent =
  | { type: 'share.connect'; share: string; user?: string }
  | { type: 'share.disconnect'; share: string }
  | { type: 'file.open'; share: string }
  | { type: 'file.close'; share: string }
  | { type: 'session.idle' };

type ShareEvent = Extract<SessionEvent, { share: string }>;
type ConnectEvent = Extract<SessionEvent, { type: 'share.connect' }>;

const userOf = (context: SessionContext, event: SessionEvent): string =>
  (event as ConnectEvent).user ?? loggedOnUser(context.computer);

const openCount = (context: SessionContext): number =>
  Object.values(context.shares).reduce((n, opens) => n + opens, 0);

/** What a computer without credentials on the server can do: connect (and authenticate), nothing else. */
const withoutCredentials = {
  'share.connect': [
    { guard: 'accessDenied', actions: { type: 'refuse', params: { error: 5 } } },
    { target: 'holding', actions: 'authenticate' },
  ],
  'share.disconnect': { actions: { type: 'refuse', params: { error: 0 } } },
  'file.open': { actions: { type: 'refuse', params: { error: 0 } } },
  'file.close': { actions: { type: 'refuse', params: { error: 0 } } },
} as const;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as { version: NtVersion; computer: string },
  },
  guards: {
    credentialConflict: ({ context, event }) =>
      context.account !== null && context.account !== userOf(context, event),
    alreadyConnected: ({ context, event }) => (event as ShareEvent).share in context.shares,
    accessDenied: ({ context, event }) => !mayRead(userOf(context, event), (event as ShareEvent).share),
    notConnected: ({ context, event }) => !((event as ShareEvent).share in context.shares),
    noOpenFile: ({ context, event }) => (context.shares[(event as ShareEvent).share] ?? 0) === 0,
    lastShare: ({ context }) => Object.keys(context.shares).length === 1,
    ipcLingers: ({ context }) => context.version !== '4.0',
    nothingOpen: ({ context }) => openCount(context) === 0,
  },
  actions: {
    refuse: assign((_, params: { error: number }) => ({ refused: params.error })),
    accepted: assign({ refused: null }),
    authenticate: assign(({ context, event }) => ({
      account: userOf(context, event),
      shares: { ...context.shares, [(event as ShareEvent).share]: 0 },
      refused: null,
    })),
    removeShare: assign(({ context, event }) => {
      const { [(event as ShareEvent).share]: _gone, ...shares } = context.shares;
      return { shares, refused: null };
    }),
    changeOpens: assign(({ context, event }, params: { by: number }) => {
      const share = (event as ShareEvent).share;
      return {
        shares: { ...context.shares, [share]: (context.shares[share] ?? 0) + params.by },
        refused: null,
      };
    }),
    forget: assign({ account: null, shares: {}, refused: null }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    version: input.version,
    computer: input.computer,
    account: null,
    shares: {},
    refused: null,
  }),
  initial: 'none',
  states: {
    none: { on: withoutCredentials },
    holding: {
      on: {
        'share.connect': [
          { guard: 'credentialConflict', actions: { type: 'refuse', params: { error: 1219 } } },
          { guard: 'alreadyConnected', actions: 'accepted' },
          { guard: 'accessDenied', actions: { type: 'refuse', params: { error: 5 } } },
          { actions: 'authenticate' },
        ],
        'share.disconnect': [
          { guard: 'notConnected', actions: { type: 'refuse', params: { error: 0 } } },
          { guard: and(['lastShare', 'ipcLingers']), target: 'leftover', actions: 'forget' },
          { guard: 'lastShare', target: 'none', actions: 'forget' },
          { actions: 'removeShare' },
        ],
        'file.open': [
          { guard: 'notConnected', actions: { type: 'refuse', params: { error: 0 } } },
          { actions: { type: 'changeOpens', params: { by: 1 } } },
        ],
        'file.close': [
          { guard: 'notConnected', actions: { type: 'refuse', params: { error: 0 } } },
          { guard: 'noOpenFile', actions: { type: 'refuse', params: { error: 0 } } },
          { actions: { type: 'changeOpens', params: { by: -1 } } },
        ],
        'session.idle': { guard: 'nothingOpen', target: 'none', actions: 'forget' },
      },
    },
    // A leftover IPC$ carries no account: connecting authenticates again, exactly as with no session.
    leftover: {
      on: { ...withoutCredentials, 'session.idle': { target: 'none', actions: 'forget' } },
    },
  },
});

/** The connections the session lists, in the server's view order (IPC$ first). */
export function sessionShares(state: 'none' | 'holding' | 'leftover', context: SessionContext): string[] {
  if (state === 'none') return [];
  const ipc = context.version === '4.0' ? [] : [IPC];
  return [...ipc, ...Object.keys(context.shares)];
}
