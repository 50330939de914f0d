import type { AnyModel } from './kernel/model';
import { ntDomain } from './nt-domain/model';
import { ntServer } from './nt-server/model';

/**
 * Every model LiveKB runs, by id: the one list a new model is registered in. Content names a model
 * by its id (an article's `model:`, default nt-server); the kernel names none.
 */
export const MODELS = { 'nt-server': ntServer, 'nt-domain': ntDomain } as const satisfies Record<
  string,
  AnyModel
>;
export type ModelId = keyof typeof MODELS;
export const MODEL_IDS = Object.keys(MODELS) as [ModelId, ...ModelId[]];
export const DEFAULT_MODEL: ModelId = 'nt-server';
