import { formatElapsed } from '../../machines/kernel/format';

/**
 * The subset of the kernel's ServerView the pictures read, declared here structurally so they compile
 * against today's kernel and the DESIGN.md contract alike: the contract's newer fields are optional.
 */
export interface PictureConnection {
  computer: string;
  share: string;
  shownUser: string;
  account: string | null;
  opens: number;
  idleMs: number;
}

export interface PictureView {
  now: number;
  connections: readonly PictureConnection[];
  licenses: { inUse: number; limit: number; logging: boolean; service?: 'running' | 'stopped' | 'absent' };
  clients?: readonly {
    computer: string;
    loggedOn: string;
    uses: readonly { share: string; account: string; status: 'OK' | 'Disconnected' }[];
  }[];
  log?: readonly { at: number; kind?: string }[];
}

export type SessionState = 'none' | 'holding' | 'leftover';

/**
 * Where a workstation's session stands in session.ts's statechart, read off the view. Kept in this one
 * function so a helper exported by the kernel can replace it.
 */
export function sessionState(view: PictureView, computer: string): SessionState {
  const mine = view.connections.filter((c) => c.computer === computer);
  if (mine.length === 0) return 'none';
  return mine.some((c) => c.account !== null) ? 'holding' : 'leftover';
}

/** The licence service as the contract names it; today's kernel only says whether it logs. */
export function licenceService(view: PictureView, version: string): 'running' | 'stopped' | 'absent' {
  return (
    view.licenses.service ?? (version === '3.5' ? 'absent' : view.licenses.logging ? 'running' : 'stopped')
  );
}

/** "02:05" or "01:02:05": the clock's format without its leading zero hours, short enough for a picture. */
export const short = (ms: number): string => formatElapsed(ms).replace(/^00:/, '');
