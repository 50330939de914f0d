import { linkCodec } from './kernel/link';
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
/** The model of content that names none, and of format-1 links (published before links named one). */
export const DEFAULT_MODEL: ModelId = 'nt-server';

/** A model's link codec (format 2, naming the model; the default model also reads format 1). */
export function codecOf(id: string): ReturnType<typeof linkCodec> {
  const model: AnyModel | undefined = MODELS[id as ModelId];
  if (!model) throw new Error(`"${id}" is not a registered model.`);
  return linkCodec(model, id === DEFAULT_MODEL);
}
