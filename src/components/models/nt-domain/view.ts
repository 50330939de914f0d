import type { DomainView, LogEntry } from '../../../machines/nt-domain';

/** The domain model's view, as the picture and panels read it (they decide nothing it decides). */
export type PictureDomainView = DomainView;

/** How long a drawn attempt stays on the picture after it happened. */
export const ATTEMPT_SHOWN_MS = 60_000;

/** NT's meaning of the two refusals the domain gives (Q130995, Q170858). */
export const REFUSALS: Record<number, string> = {
  1326: 'unknown user name or bad password',
  1909: 'account locked out',
};

export function durationText(minutes: number): string {
  return minutes < 0 ? 'until an administrator unlocks it' : `${minutes} min`;
}

/** The newest logon attempt from a workstation still recent enough to draw. */
export function recentAttempt(log: readonly LogEntry[], computer: string, now: number): LogEntry | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i] as LogEntry;
    if (now - e.at > ATTEMPT_SHOWN_MS) return undefined;
    if (e.computer === computer && e.at <= now && (e.kind === 'logon' || e.kind === 'refused')) return e;
  }
  return undefined;
}
