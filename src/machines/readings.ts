import type { ModelReadings } from './kernel/model';

/*
 * Each model's readings (its folder's readings.ts), by model id. They run when the site builds
 * (quiz answers, content checks), so they stay out of the model the browser loads; found by the
 * folder's name, a new model registers nothing here.
 */
const modules = import.meta.glob<{ readings: ModelReadings }>('./*/readings.ts', { eager: true });

/** The readings of a model, or undefined when it answers none. */
export function readingsOf(model: string): ModelReadings | undefined {
  return modules[`./${model}/readings.ts`]?.readings;
}
