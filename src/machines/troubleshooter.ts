import { SimulationInputError } from './kernel/errors';
import type { AnyModel } from './kernel/model';
import * as engine from './kernel/troubleshooter';
import { MODELS, type ModelId } from './models';

/*
 * The troubleshooter engine (src/machines/kernel/troubleshooter.ts) bound to the registered models: a
 * number question names a model's configuration field, and that model checks the reader's answer.
 */
export * from './kernel/troubleshooter';

function modelOf(id: string): AnyModel {
  const model: AnyModel | undefined = MODELS[id as ModelId];
  if (!model) throw new Error(`The troubleshooter names "${id}", which is not a registered model.`);
  return model;
}

export const numbers: engine.Numbers = {
  check({ model: id, field }, value) {
    const model = modelOf(id);
    const text = String(value).trim();
    // A plain integer as a number; anything else as typed, so the model's message can quote it.
    const given = /^[+-]?\d{1,15}$/.test(text) ? Number(text) : value;
    try {
      const normal = model.normalize({
        [model.variants.field]: model.variants.values.at(-1),
        [field]: given,
      });
      return { ok: true, value: normal[field] as number };
    } catch (error) {
      if (!(error instanceof SimulationInputError)) throw error;
      const reason = error.message.replace(/^Configuration: /, '');
      return { ok: false, reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
    }
  },
  range({ model, field }) {
    const range = modelOf(model).ranges?.[field];
    if (!range) throw new Error(`${model} gives no range for ${field}.`);
    return range;
  },
};

export function checkAnswer(tree: engine.Tree, q: string, value: unknown) {
  return engine.checkAnswer(tree, q, value, numbers);
}
export function answersFromQuery(tree: engine.Tree, search: string | URLSearchParams) {
  return engine.answersFromQuery(tree, search, numbers);
}
export function createTroubleshooter(tree: engine.Tree) {
  return engine.createTroubleshooter(tree, numbers);
}
export type TroubleshooterMachine = ReturnType<typeof createTroubleshooter>;
export function outline(tree: engine.Tree, a: engine.Answers = {}) {
  return engine.outline(tree, numbers, a);
}
export function reachable(tree: engine.Tree) {
  return engine.reachable(tree, numbers);
}
