import { describe, expect, it } from 'vitest';
import { checkArticleFolder } from '../../src/integrations/article-check';
import { quizMoment, toScenario } from '../../src/lib/article-data';
import { type AnyModel, simulateModel } from '../../src/machines/kernel';
import { codecOf, MODELS } from '../../src/machines/models';
import { readingsOf } from '../../src/machines/readings';
import { scenarioTape } from '../../src/machines/scenarios';
import { articleFolders } from './content';

// Every article folder, fixtures included: a new article is tested by adding its folder.
const folders = articleFolders();

describe.each(folders)('article $folder', ({ dir, mdx, data }) => {
  it('names only anchors its MDX defines', () => {
    expect(checkArticleFolder(dir)).toEqual([]);
  });

  it('front matter names the KB its data belongs to', () => {
    if (!data) return;
    expect(mdx).toMatch(new RegExp(`\\bid: ${data.article}\\b`));
  });

  const scenarios = Object.entries(data?.scenarios ?? {});
  const model: AnyModel | undefined = data ? MODELS[data.model] : undefined;
  it.each(scenarios)('scenario %s replays on every version and ends after its last step', (id, raw) => {
    const s = toScenario(id, raw);
    if (!model) throw new Error('scenarios without article data');
    for (const version of model.variants.values) {
      const config = { ...s.config, [model.variants.field]: version };
      expect(() => simulateModel(model, config, scenarioTape(s), s.endAt)).not.toThrow();
    }
    expect(s.endAt).toBeGreaterThanOrEqual(s.steps.at(-1)?.at ?? 0);
    expect(s.steps.every((step) => data?.anchors[step.anchor] !== undefined)).toBe(true);
  });

  it.each((data?.quiz ?? []).map((q) => [q.id, q] as const))(
    'quiz %s: exactly one choice is what the simulation shows, and its moment can be linked',
    (_id, q) => {
      const readings = data && readingsOf(data.model);
      if (!model || !readings) throw new Error(`${data?.model} answers no quiz readings`);
      const moment = quizMoment(q, model);
      const answer = readings.read(q.read, moment);
      expect(
        q.choices.filter((c) => c === answer),
        `the simulation says ${JSON.stringify(answer)}`,
      ).toHaveLength(1);
      expect(new Set(q.choices).size).toBe(q.choices.length);
      expect(() => codecOf(data.model).encode(moment)).not.toThrow();
    },
  );
});

describe('the knowledge base', () => {
  it('has article folders, each with an index.mdx', () => {
    expect(folders.length).toBeGreaterThanOrEqual(2);
  });

  it('quiz ids are unique within each article', () => {
    for (const { data } of folders) {
      const ids = (data?.quiz ?? []).map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
