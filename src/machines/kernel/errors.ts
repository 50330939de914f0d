/**
 * Bad input to a model. `index` is the 0-based tape index of the offending entry, or -1 when the
 * configuration or the time asked for is at fault. Messages count entries from 1, as people do.
 */
export class SimulationInputError extends Error {
  readonly index: number;

  constructor(message: string, index = -1) {
    super(message);
    this.name = 'SimulationInputError';
    this.index = index;
  }
}

export function validateUntil(until: unknown): number {
  if (typeof until !== 'number' || !Number.isFinite(until) || until < 0) {
    throw new SimulationInputError(
      `Time to simulate to (${String(until)}) must be a finite number of milliseconds, 0 or more.`,
    );
  }
  return until;
}
