import type { SimEvent, TapeEntry } from '../../src/machines';

export const MIN = 60_000;
export const SEC = 1_000;

export const connect = (computer: string, share: string, user?: string): SimEvent =>
  user === undefined
    ? { type: 'share.connect', computer, share }
    : { type: 'share.connect', computer, share, user };
export const disconnect = (computer: string, share: string): SimEvent => ({
  type: 'share.disconnect',
  computer,
  share,
});
export const open = (computer: string, share: string): SimEvent => ({ type: 'file.open', computer, share });
export const close = (computer: string, share: string): SimEvent => ({ type: 'file.close', computer, share });

/** Builds a tape from [at, event] pairs. */
export function tape(...entries: [number, SimEvent][]): TapeEntry[] {
  return entries.map(([at, event]) => ({ at, event }));
}
