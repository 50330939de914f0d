/**
 * The parts of a domain view the picture reads: the contract's `DomainView` (DESIGN.md "Model
 * `nt-domain`") and, where the model gives them, who made each logged attempt and where.
 */
export interface PictureAccount {
  user: string;
  badPasswordCount: number;
  lockedOut: boolean;
}

export interface PictureDc {
  name: string;
  role: 'PDC' | 'BDC';
  accounts: readonly PictureAccount[];
}

export interface PictureLogEntry {
  at: number;
  text: string;
  error?: number;
  computer?: string;
  user?: string;
  dc?: string;
}

export interface PictureDomainView {
  now: number;
  policy: { lockoutThreshold: number; resetCountMinutes: number; lockoutDurationMinutes: number };
  dcs: readonly PictureDc[];
  log: readonly PictureLogEntry[];
}

/** The workstations and the domain controller that validates each one's logons (the model's default world). */
export const WORKSTATIONS = [
  { name: 'WKS1', user: 'jsmith', dc: 'BDC1' },
  { name: 'WKS2', user: 'mlee', dc: 'PDC1' },
] as const;

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
