import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleDataSchema } from '../../src/content/article-schema';
import { quizMoment, toScenario } from '../../src/lib/article-data';
import { narrationFor, read, type ServerView, transcript } from '../../src/machines';

/**
 * Every article's own data (article.yaml): it parses, each scenario runs on each of its versions,
 * and each quiz question's answer, read from the simulation, is exactly one of its choices.
 * With LIVEKB_DUMP=1 it prints what the kernel shows after each step, to check narration against.
 */
const root = 'src/content/docs/kb';
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((name) => readdirSync(join(root, name)).includes('article.yaml'));
const dump = process.env.LIVEKB_DUMP === '1';

describe.each(folders)('article data: %s', (folder) => {
  const data = articleDataSchema.parse(parse(readFileSync(join(root, folder, 'article.yaml'), 'utf8')));

  it.each(Object.keys(data.scenarios))('scenario %s runs on each of its versions', (id) => {
    const scenario = toScenario(id, data.scenarios[id]);
    const rows = transcript(scenario);
    expect(rows).toHaveLength(scenario.steps.length);
    if (!dump) return;
    for (const row of rows) {
      for (const version of scenario.versions) {
        const view = row.views[version] as ServerView;
        const lines = [
          `${folder}/${id} ${String(row.at / 1000)}s NT ${version}: ${narrationFor(row.step, version)}`,
          `  listed: ${view.connections.map((c) => `${c.computer}/${c.share}/${c.shownUser}${c.opens ? `/${c.opens} open` : ''}`).join(', ') || 'none'}`,
          `  licences: ${view.licenses.inUse} of ${view.licenses.limit}${view.licenses.logging ? '' : ' (not counted)'}`,
          `  counters: ${JSON.stringify(view.counters)}`,
          `  clients: ${view.clients.map((c) => `${c.computer}[${c.uses.map((u) => `${u.share} ${u.account} ${u.status}`).join('; ')}]`).join(' ')}`,
          ...view.log
            .filter((e) => e.at <= row.at && e.at > (rows[rows.indexOf(row) - 1]?.at ?? -1))
            .map((e) => `  log ${String(e.at / 1000)}s: ${e.text}`),
        ];
        console.log(lines.join('\n'));
      }
    }
  });

  it.each(data.quiz.map((q) => [q.id, q] as const))(
    'quiz %s: the simulation’s answer is one of the choices',
    (_id, q) => {
      const moment = quizMoment(q);
      const answer = read(q.read, moment);
      if (dump) console.log(`${folder} quiz ${q.id}: ${answer}`);
      expect(q.choices.filter((c) => c === answer)).toEqual([answer]);
    },
  );
});
