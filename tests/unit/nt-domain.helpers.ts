import type { DomainEvent, DomainView, TapeEntry, Via } from '../../src/machines/nt-domain';

export const MIN = 60_000;
export const SEC = 1_000;

/** A logon attempt: WKS1 is validated by BDC1, WKS2 by PDC1. */
export const logon = (
  computer: string,
  user: string,
  password: 'good' | 'bad',
  via: Via = 'console',
): DomainEvent => ({ type: 'logon.attempt', computer, user, password, via });
export const bad = (computer: string, user: string, via: Via = 'console') =>
  logon(computer, user, 'bad', via);
export const good = (computer: string, user: string, via: Via = 'console') =>
  logon(computer, user, 'good', via);
export const unlock = (user: string): DomainEvent => ({ type: 'admin.unlock', user });
export const sync = (dc: string): DomainEvent => ({ type: 'admin.sync', dc });

/** Builds a tape from [at, event] pairs. */
export function tape(...entries: [number, DomainEvent][]): TapeEntry[] {
  return entries.map(([at, event]) => ({ at, event }));
}

/** `n` bad attempts from `computer` as `user`, a second apart from `start`. */
export function bads(
  n: number,
  computer: string,
  user: string,
  start = 0,
  via: Via = 'console',
): [number, DomainEvent][] {
  return Array.from(
    { length: n },
    (_, i) => [start + i * SEC, bad(computer, user, via)] as [number, DomainEvent],
  );
}

export function count(view: DomainView, dc: string, user: string): number {
  const n = view.dcs.find((d) => d.name === dc)?.accounts.find((a) => a.user === user)?.badPasswordCount;
  if (n === undefined) throw new Error(`no ${user} at ${dc}`);
  return n;
}

export function lockedAt(view: DomainView, dc: string, user: string): boolean {
  const copy = view.dcs.find((d) => d.name === dc)?.accounts.find((a) => a.user === user);
  if (!copy) throw new Error(`no ${user} at ${dc}`);
  return copy.lockedOut;
}

export function locked(view: DomainView, user: string): boolean {
  const account = view.accounts.find((a) => a.user === user);
  if (!account) throw new Error(`no ${user}`);
  return account.lockedOut;
}

/** The error of the last entry about `computer` (undefined: let in). */
export function lastError(view: DomainView, computer: string): number | undefined {
  return view.log.filter((e) => e.computer === computer && e.via !== undefined).at(-1)?.error;
}
