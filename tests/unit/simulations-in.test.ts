import { describe, expect, it } from 'vitest';
import { simulationsIn } from '../../src/lib/links';
import { articleFolders } from './content';

describe('simulationsIn', () => {
  it('reads mode, scenario, id and, for another article’s scenario, its folder', () => {
    const mdx = [
      '<Simulation mode="scenario" scenario="connect-as" sideBySide="compare" />',
      '<Simulation mode="compare" scenario="one-licence" id="side" article="q000001" />',
      '<Simulation mode="free" scenario="same-computer" article="q153066" />',
    ].join('\n\n');
    expect(simulationsIn(mdx)).toEqual([
      { mode: 'scenario', scenario: 'connect-as', id: 'scenario' },
      { mode: 'compare', scenario: 'one-licence', id: 'side', article: 'q000001' },
      { mode: 'free', scenario: 'same-computer', id: 'play', article: 'q153066' },
    ]);
  });
});

// Every article folder, fixtures included (Q000002 shows other articles' scenarios): each
// simulation's scenario is in the data of the article it names, else in its own; ids are unique.
const folders = articleFolders();
const dataOf = new Map(folders.map((f) => [f.folder, f.data]));

describe.each(folders)('article $folder', ({ folder, mdx }) => {
  const sims = simulationsIn(mdx);
  it.each(sims.map((s) => [s.id, s] as const))('simulation %s shows a scenario that exists', (_id, sim) => {
    const from = sim.article ?? folder;
    expect(Object.keys(dataOf.get(from)?.scenarios ?? {}), `${from}/article.yaml`).toContain(sim.scenario);
  });
  it('gives each simulation its own id (its embed page and query parameter)', () => {
    const ids = sims.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

it('a fixture article borrows another article’s scenario', () => {
  expect(folders.some((f) => simulationsIn(f.mdx).some((s) => s.article && s.article !== f.folder))).toBe(
    true,
  );
});
