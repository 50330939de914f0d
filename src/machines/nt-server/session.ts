import { assign, setup } from 'xstate';
import { IPC, loggedOnUser, mayRead, type NtVersion, type SessionState } from './world';

/*
 * One client computer, its session with the server and its `net use` list, as explicit
 * states. The server machine keeps sessions as data for speed (one actor per replay); this
 * machine states the same rules one computer at a time, and the model-based tests
 * (tests/unit/session.model.test.ts) check the server against it on every generated path.
 * Licensing is a per-server matter and stays in the server machine.
 *
 * States (the view's SessionView.state):
 * - none: no session (the client may still keep Disconnected uses);
 * - holding: a session carrying an account with a disk share, or with only the implicit IPC$
 *   left after Server Manager closed its shares (modelling choice: the client let go of nothing);
 * - leftover: NT 3.5/3.51, the last share disconnected, the implicit IPC$ stays with no
 *   account (implicit-ipc), which Server Manager cannot disconnect (ipc-not-disconnectable);
 * - explicitIpc: the only connection is an IPC$ the client connected to by name (ipc-not-disconnectable).
 */

export type IpcKind = 'none' | 'implicit' | 'explicit';

export interface ClientUse {
  readonly account: string;
  readonly ok: boolean;
}

export interface SessionContext {
  readonly version: NtVersion;
  readonly computer: string;
  readonly account: string | null;
  readonly ipc: IpcKind;
  /** Disk shares held, with their open files. */
  readonly shares: Readonly<Record<string, number>>;
  /** The client's uses in the order made (the implicit IPC$ is never one). */
  readonly uses: Readonly<Record<string, ClientUse>>;
  /** The error of the last refusal, 0 for a refusal without a number, null after success. */
  readonly refused: number | null;
}

export type SessionEvent =
  | { type: 'share.connect'; share: string; user?: string }
  | { type: 'share.disconnect'; share: string }
  | { type: 'file.open'; share: string }
  | { type: 'file.close'; share: string }
  | { type: 'admin.disconnect'; share: string }
  | { type: 'server.restart' }
  | { type: 'session.delete' }
  | { type: 'session.idle' };

/** The view's SessionState: one spelling for the view, this machine and the statechart. */
export type SessionStateValue = SessionState;

const shareOf = (event: SessionEvent): string => ('share' in event ? event.share : '');
const useOf = (context: SessionContext, event: SessionEvent): ClientUse | undefined =>
  context.uses[shareOf(event)];

/** A Disconnected use reconnects as its own account; otherwise CONNECT AS or the logged-on user. */
const requested = (context: SessionContext, event: SessionEvent): string => {
  const use = useOf(context, event);
  if (use && (event.type === 'file.open' || !use.ok)) return use.account;
  return (event.type === 'share.connect' ? event.user : undefined) ?? loggedOnUser(context.computer);
};

const inSession = (context: SessionContext): boolean =>
  context.account !== null || context.ipc !== 'none' || Object.keys(context.shares).length > 0;

const listedCount = (context: SessionContext): number =>
  Object.keys(context.shares).length + (context.ipc === 'none' ? 0 : 1);

const openCount = (context: SessionContext): number =>
  Object.values(context.shares).reduce((n, opens) => n + opens, 0);

const withoutShare = (shares: Readonly<Record<string, number>>, share: string): Record<string, number> => {
  const { [share]: _gone, ...rest } = shares;
  return rest;
};

const withoutUse = (uses: SessionContext['uses'], share: string): Record<string, ClientUse> => {
  const { [share]: _gone, ...rest } = uses;
  return rest;
};

const allDisconnected = (uses: SessionContext['uses']): Record<string, ClientUse> =>
  Object.fromEntries(Object.entries(uses).map(([share, u]) => [share, { ...u, ok: false }]));

const refuse = (error: number) => ({ type: 'refuse', params: { error } }) as const;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as { version: NtVersion; computer: string },
  },
  guards: {
    // one-credential-set: the redirector keeps one set of credentials per server; a leftover carries none.
    credentialConflict: ({ context, event }) => {
      const held = context.account ?? Object.values(context.uses)[0]?.account ?? null;
      return held !== null && held !== requested(context, event);
    },
    useOk: ({ context, event }) => useOf(context, event)?.ok === true,
    noUse: ({ context, event }) => useOf(context, event) === undefined,
    useDisconnected: ({ context, event }) => useOf(context, event)?.ok === false,
    accessDenied: ({ context, event }) => !mayRead(requested(context, event), shareOf(event)),
    /** After this connection the only connection is an explicit IPC$. */
    ipcOnly: ({ context, event }) => shareOf(event) === IPC && Object.keys(context.shares).length === 0,
    noOpenFile: ({ context, event }) => useOf(context, event)?.ok !== true || !context.shares[shareOf(event)],
    leavesLeftover: ({ context, event }) =>
      context.ipc === 'implicit' && shareOf(event) !== IPC && Object.keys(context.shares).length === 1,
    lastConnection: ({ context }) => listedCount(context) === 1,
    /** After this disk share goes, only an explicit IPC$ is left. */
    leavesExplicitIpc: ({ context, event }) =>
      context.ipc === 'explicit' && shareOf(event) !== IPC && Object.keys(context.shares).length === 1,
    notListed: ({ context, event }) =>
      shareOf(event) === IPC ? context.ipc === 'none' : !(shareOf(event) in context.shares),
    leftoverIpc: ({ context, event }) => shareOf(event) === IPC && context.account === null,
    canIdleOut: ({ context }) => inSession(context) && openCount(context) === 0,
    noSession: ({ context }) => !inSession(context),
  },
  actions: {
    refuse: assign((_, params: { error: number }) => ({ refused: params.error })),
    accepted: assign({ refused: null }),
    connect: assign(({ context, event }) => {
      const share = shareOf(event);
      const account = requested(context, event);
      const fresh = !inSession(context);
      const ipc: IpcKind =
        share === IPC ? 'explicit' : fresh ? (context.version === '4.0' ? 'none' : 'implicit') : context.ipc;
      return {
        account,
        ipc,
        shares: share === IPC ? context.shares : { ...context.shares, [share]: 0 },
        uses: { ...context.uses, [share]: { account, ok: true } },
        refused: null,
      };
    }),
    forgetUse: assign(({ context, event }) => ({
      uses: withoutUse(context.uses, shareOf(event)),
      refused: null,
    })),
    removeConnection: assign(({ context, event }) => {
      const share = shareOf(event);
      return {
        ipc: share === IPC ? 'none' : context.ipc,
        shares: withoutShare(context.shares, share),
        uses: withoutUse(context.uses, share),
        refused: null,
      };
    }),
    leaveIpc: assign(({ context, event }) => ({
      account: null,
      shares: {},
      uses: withoutUse(context.uses, shareOf(event)),
      refused: null,
    })),
    endSession: assign(({ context, event }) => ({
      account: null,
      ipc: 'none' as const,
      shares: {},
      uses: withoutUse(context.uses, shareOf(event)),
      refused: null,
    })),
    changeOpens: assign(({ context, event }, params: { by: number }) => {
      const share = shareOf(event);
      return {
        shares: { ...context.shares, [share]: (context.shares[share] ?? 0) + params.by },
        refused: null,
      };
    }),
    /** The server ends the session (autodisconnect, Server Manager): the uses stay, Disconnected. */
    drop: assign(({ context }) => ({
      account: null,
      ipc: 'none' as const,
      shares: {},
      uses: allDisconnected(context.uses),
      refused: null,
    })),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    version: input.version,
    computer: input.computer,
    account: null,
    ipc: 'none',
    shares: {},
    uses: {},
    refused: null,
  }),
  initial: 'none',
  states: { none: {}, holding: {}, leftover: {}, explicitIpc: {} },
  on: {
    'share.connect': [
      { guard: 'credentialConflict', actions: refuse(1219) },
      { guard: 'useOk', actions: 'accepted' },
      { guard: 'accessDenied', actions: refuse(5) },
      { guard: 'ipcOnly', target: '.explicitIpc', actions: 'connect' },
      { target: '.holding', actions: 'connect' },
    ],
    'share.disconnect': [
      { guard: 'noUse', actions: refuse(0) },
      { guard: 'useDisconnected', actions: 'forgetUse' },
      { guard: 'leavesLeftover', target: '.leftover', actions: 'leaveIpc' },
      { guard: 'lastConnection', target: '.none', actions: 'endSession' },
      { guard: 'leavesExplicitIpc', target: '.explicitIpc', actions: 'removeConnection' },
      { actions: 'removeConnection' },
    ],
    'file.open': [
      { guard: 'noUse', actions: refuse(0) },
      { guard: 'useOk', actions: { type: 'changeOpens', params: { by: 1 } } },
      // A Disconnected use reconnects as its account, which could read the share when it connected.
      { target: '.holding', actions: ['connect', { type: 'changeOpens', params: { by: 1 } }] },
    ],
    'file.close': [
      { guard: 'noOpenFile', actions: refuse(0) },
      { actions: { type: 'changeOpens', params: { by: -1 } } },
    ],
    // Server Manager ends the computer's whole session (DESIGN row 10).
    'admin.disconnect': [
      { guard: 'notListed', actions: refuse(0) },
      { guard: 'leftoverIpc', actions: refuse(0) },
      { target: '.none', actions: 'drop' },
    ],
    // The Server service restarts: every session ends, the leftover IPC$ included.
    'server.restart': { target: '.none', actions: 'drop' },
    // net session \\computer /delete ends the computer's session, whatever it holds (session-delete).
    'session.delete': [
      { guard: 'noSession', actions: refuse(0) },
      { target: '.none', actions: 'drop' },
    ],
    'session.idle': { guard: 'canIdleOut', target: '.none', actions: 'drop' },
  },
});

/** The connections the session lists, in the server's view order (IPC$ first). */
export function sessionShares(state: SessionStateValue, context: SessionContext): string[] {
  if (state === 'none') return [];
  return [...(context.ipc === 'none' ? [] : [IPC]), ...Object.keys(context.shares)];
}
