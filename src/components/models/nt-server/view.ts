import { formatElapsed } from '../../../machines/kernel/format';
import type { ServerView, SessionState } from '../../../machines/nt-server/world';

/** What the pictures read: the model's own view. */
export type PictureView = ServerView;
export type { SessionState };

/** Where a workstation's session stands, as the model says (the statechart's state ids). */
export function sessionState(view: ServerView, computer: string): SessionState {
  return view.sessions.find((s) => s.computer === computer)?.state ?? 'none';
}

/** "02:05" or "01:02:05": the clock's format without its leading zero hours, short enough for a picture. */
export const short = (ms: number): string => formatElapsed(ms).replace(/^00:/, '');
