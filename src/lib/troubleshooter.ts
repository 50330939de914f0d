import { type ResultsFile, type TreeData, toFlow } from '../content/troubleshooter-schema';
import {
  answersToQuery,
  type Condition,
  type Flow,
  leafResults,
  reachable,
  type Tree,
} from '../machines/troubleshooter';

/**
 * Puts the troubleshooter together from its files: the shared tree and every article's results.
 * Returns the flow the engine runs and the problems that must fail the build, each naming the files.
 */
export interface AssembledFlow {
  flow: Flow;
  problems: string[];
  /** Choices left out because the article they lead to has no results yet. */
  pending: string[];
}

export function assembleFlow(
  tree: TreeData,
  files: { file: string; data: ResultsFile }[],
  treeFile = 'src/content/troubleshooter.yaml',
): AssembledFlow {
  const problems: string[] = [];
  const pending: string[] = [];
  const definedIn = new Map<string, string>();
  for (const { file, data } of files) {
    for (const id of Object.keys(data.results)) {
      const first = definedIn.get(id);
      if (first) problems.push(`Troubleshooter result "${id}" is defined twice: in ${first} and in ${file}.`);
      else definedIn.set(id, file);
    }
  }
  const articles = new Set(files.map((f) => f.data.article));

  // Choices whose article has no results yet are not offered.
  const questions: Tree['questions'] = {};
  for (const [qid, q] of Object.entries(tree.questions)) {
    const choices = q.choices?.filter((c) => {
      if (!c.needs || articles.has(c.needs)) return true;
      pending.push(`${treeFile}: choice "${c.value}" of "${qid}" waits for ${c.needs}’s results.`);
      return false;
    });
    questions[qid] = { ...q, ...(choices ? { choices } : {}) };
  }
  const pruned: Tree = { ...tree, questions };
  problems.push(...checkTree(tree as Tree, treeFile));
  const flow = toFlow(
    pruned,
    files.map((f) => f.data),
  );
  if (problems.length) return { flow, problems, pending };

  let reached: Map<string, Record<string, string | number>>;
  try {
    reached = reachable(pruned);
  } catch (error) {
    return { flow, problems: [`${treeFile}: ${(error as Error).message}`], pending };
  }
  for (const [id, answers] of reached) {
    if (!flow.results[id]) {
      problems.push(
        `${treeFile} leads to result "${id}" (answers ${answersToQuery(pruned, answers) || 'none'}), which no article’s troubleshooter.yaml defines.`,
      );
    }
  }
  if (pending.length === 0) {
    for (const id of leafResults(pruned)) {
      if (!flow.results[id] && !reached.has(id))
        problems.push(`${treeFile} names result "${id}", which no article’s troubleshooter.yaml defines.`);
    }
  }
  for (const [id, file] of definedIn) {
    if (!reached.has(id))
      problems.push(`${file} defines result "${id}", which no path of ${treeFile} reaches.`);
  }
  return { flow, problems, pending };
}

/** The tree's own consistency: questions, parameters, choices and conditions it refers to exist. */
function checkTree(tree: Tree, file: string): string[] {
  const problems: string[] = [];
  const qs = tree.questions;
  if (!qs[tree.start]) problems.push(`${file}: start names question "${tree.start}", which is not defined.`);
  const params = new Map<string, string>();
  const checkCondition = (when: Condition | undefined, where: string) => {
    for (const [q, test] of Object.entries(when ?? {})) {
      const question = qs[q];
      if (!question) {
        problems.push(`${file}: ${where} tests question "${q}", which is not defined.`);
        continue;
      }
      if (Array.isArray(test)) {
        const values = new Set((tree.questions[q]?.choices ?? []).map((c) => c.value));
        for (const v of test) {
          if (question.choices && !values.has(v))
            problems.push(`${file}: ${where} tests "${q}" for "${v}", which is not one of its choices.`);
        }
        if (!question.choices)
          problems.push(`${file}: ${where} tests the number "${q}" with a list; use min and max.`);
      } else if (question.choices)
        problems.push(`${file}: ${where} tests "${q}" with min/max, but it has choices.`);
    }
  };
  for (const [qid, q] of Object.entries(qs)) {
    const other = params.get(q.param);
    if (other) problems.push(`${file}: questions "${other}" and "${qid}" share the parameter "${q.param}".`);
    params.set(q.param, qid);
    if (q.implied && !q.choices?.some((c) => c.value === q.implied?.value))
      problems.push(`${file}: "${qid}" implies "${q.implied.value}", which is not one of its choices.`);
    const routes = [
      { where: `"${qid}" next`, rules: q.next },
      ...(q.choices ?? []).map((c) => ({ where: `"${qid}" choice "${c.value}" next`, rules: c.next })),
    ];
    if (!q.next && q.choices?.some((c) => !c.next))
      problems.push(`${file}: "${qid}" has a choice that leads nowhere.`);
    if (!q.next && !q.choices) problems.push(`${file}: "${qid}" leads nowhere.`);
    for (const { where, rules } of routes) {
      for (const r of rules ?? []) {
        checkCondition(r.when, where);
        if ('ask' in r && !qs[r.ask])
          problems.push(`${file}: ${where} asks "${r.ask}", which is not defined.`);
      }
    }
  }
  for (const note of tree.notes ?? []) checkCondition(note.when, 'a note');
  return problems;
}
