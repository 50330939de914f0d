import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import { parse, stringify } from 'yaml';
import {
  type ResultsFile,
  resultsFileSchema,
  type TreeData,
  treeSchema,
} from '../../src/content/troubleshooter-schema';
import { loadFlow, resultFiles } from '../../src/integrations/troubleshooter-check';
import { anchorHref, articleHref, momentHref, simulationsIn } from '../../src/lib/links';
import { assembleFlow } from '../../src/lib/troubleshooter';
import { type ServerView, simulate } from '../../src/machines';
import type { AnyModel } from '../../src/machines/kernel';
import { simulateModel } from '../../src/machines/kernel/timeline';
import { codecOf, MODELS, type ModelId } from '../../src/machines/models';
import { decode } from '../../src/machines/nt-server/link';
import {
  type Answers,
  createTroubleshooter,
  answersFromQuery as engineFromQuery,
  nextStep as engineNextStep,
  resultFor as engineResultFor,
  summaryText as engineSummary,
  answersToQuery as engineToQuery,
  outline,
  reachable,
  renderResult,
  stepOf,
  type TroubleshooterEvent,
} from '../../src/machines/troubleshooter';
import { article } from './content';

/** The whole KB's troubleshooter: the shared tree and every article's results. */
const loaded = loadFlow(resultFiles(['src/content/docs']));
const { flow } = loaded;
const { tree } = flow;
const troubleshooterMachine = createTroubleshooter(tree);
const RESULT_IDS = Object.keys(flow.results);
type ResultId = string;

const nextStep = (a: Answers) => engineNextStep(tree, a);
const resultFor = (a: Answers) => engineResultFor(tree, a);
const answersToQuery = (a: Answers) => engineToQuery(tree, a);
const answersFromQuery = (search: string) => engineFromQuery(tree, search);
const resultDetails = (id: ResultId, a: Answers) => {
  const d = renderResult(flow, id, a);
  return { ...d, resolution: { href: anchorHref(d.article, d.anchor), label: d.label } };
};
const deepLinkFor = (a: Answers) => {
  const d = renderResult(flow, resultFor(a) as string, a);
  return momentHref(d.article, d.moment.simulation, d.moment.state, d.moment.model);
};
const summaryText = (a: Answers, id: ResultId) => {
  const d = renderResult(flow, id, a);
  const origin = 'https://livekb.example';
  return engineSummary(tree, a, d, {
    section: `${origin}${anchorHref(d.article, d.anchor)}`,
    moment: `${origin}${momentHref(d.article, d.moment.simulation, d.moment.state, d.moment.model)}`,
    answers: `${origin}/troubleshooter/${answersToQuery(a)}`,
  });
};
const NT35_LICENSING_NOTE = tree.notes?.[0]?.text as string;
/** Today's cases all start from "a leftover connection". */
const L = { see: 'leftover' } as const;

const folderOf = (kbId: string) => kbId.toLowerCase();
/** The anchors each article defines (its article.yaml; the build checks them against its MDX). */
const ANCHORS: Record<string, string[]> = Object.fromEntries(
  [...new Set(Object.values(flow.results).map((r) => r.article))].map((id) => [
    id,
    Object.keys(article(folderOf(id)).data.anchors),
  ]),
);
/** The element ids the article's MDX defines: `<span id="…">` and its `##` headings' slugs. */
const mdxIds = (kbId: string) => {
  const mdx = article(folderOf(kbId)).mdx;
  return new Set([
    ...[...mdx.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...mdx.matchAll(/^#{2,3} (.+)$/gm)].map((m) => (m[1] as string).toLowerCase().replace(/\s+/g, '-')),
  ]);
};

describe('troubleshooter data', () => {
  it('the tree and every article’s results fit together', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.pending).toEqual([]);
    // Every result has a reader's way to it: the decision list reaches it (the deep-link test below
    // replays every path), so an article's new results need no edit here. CASES below are the
    // answers the result-specific tests use; each names a result some article defines.
    const reached = reachable(tree);
    expect(RESULT_IDS.filter((id) => !reached.has(id))).toEqual([]);
    expect(Object.keys(CASES).filter((id) => !RESULT_IDS.includes(id))).toEqual([]);
  });

  it('every moment opens a simulation on its article’s page that reads moments (free play or side by side)', () => {
    // The scenario player reads step numbers, not moments; and a moment for an id the page lacks opens nothing.
    const wrong = Object.entries(flow.results).filter(([, r]) => {
      const sims = simulationsIn(article(folderOf(r.article)).mdx);
      const sim = sims.find((s) => s.id === r.moment.simulation);
      return !sim || sim.mode === 'scenario';
    });
    expect(wrong.map(([id, r]) => `${id} → ${r.article} #${r.moment.simulation}`)).toEqual([]);
  });

  it('every result’s anchor is a passage of its article, and the sibling files have no leftover drafting notes', () => {
    for (const [id, r] of Object.entries(flow.results)) {
      expect(ANCHORS[r.article], id).toContain(r.anchor);
      expect(mdxIds(r.article).has(r.anchor), `${id}: #${r.anchor} in ${r.article}`).toBe(true);
    }
    for (const file of resultFiles(['src/content/docs']))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/MOVE ME|once .*kernel.* lands|branch `kernel`/i);
  });

  it('every result records the sourced rules it rests on, and one resting on a modelling choice fails the build', () => {
    for (const [id, r] of Object.entries(flow.results)) expect(r.rests?.length, id).toBeGreaterThan(0);
    const file = flowFile('src/content/docs/kb/q159600/troubleshooter.yaml');
    const raw = parse(readFileSync('src/content/docs/kb/q159600/troubleshooter.yaml', 'utf8'));
    const [rid] = Object.keys(file.results) as [string];
    raw.results[rid].rests = ['autodisconnect-counters', 'timed-out-counter'];
    const bad = resultsFileSchema.safeParse(raw);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      `results.${rid}.rests.1: timed-out-counter is a modelling choice of nt-server; a troubleshooter result may rest only on sourced rules.`,
    ]);
    raw.results[rid].rests = ['made-up'];
    expect(resultsFileSchema.safeParse(raw).error?.issues[0]?.message).toMatch(
      /^made-up is not a rule of nt-server/,
    );
    delete raw.results[rid].rests;
    expect(resultsFileSchema.safeParse(raw).error?.issues[0]?.path).toEqual(['results', rid, 'rests']);
    // The build runs the same schema (src/integrations/troubleshooter-check.ts) and stops, naming the file.
    const tmp = 'test-results/rests-choice.yaml';
    mkdirSync('test-results', { recursive: true });
    raw.results[rid].rests = ['timed-out-counter'];
    writeFileSync(tmp, stringify(raw));
    expect(loadFlow([tmp]).problems.join('\n')).toContain(
      `${tmp}: results.${rid}.rests.0: timed-out-counter is a modelling choice`,
    );
  });

  const base = () => {
    const files = resultFiles(['src/content/docs']);
    const parsed = files.map((file) => ({ file, data: structuredClone(flowFile(file)) }));
    return { tree: structuredClone(loadTree()), parsed };
  };

  it('a result defined in two articles fails, naming both files', () => {
    const { tree: t, parsed } = base();
    const first = parsed.find((f) => f.file.includes('q153066')) as (typeof parsed)[number];
    const second = parsed.find((f) => f !== first) as (typeof parsed)[number];
    second.data.results['licence-held'] = first.data.results[
      'licence-held'
    ] as ResultsFile['results'][string];
    const problems = assembleFlow(t, parsed).problems;
    const text = problems.join('\n');
    expect(text).toContain('"licence-held" is defined twice');
    expect(text).toContain(first.file);
    expect(text).toContain(second.file);
  });

  it('a leaf no article defines, and a result no path reaches, fail naming the files', () => {
    const { tree: t, parsed } = base();
    const files = parsed.filter((f) => !f.file.includes('q159600'));
    const q153066 = parsed.find((f) => f.file.includes('q153066')) as (typeof parsed)[number];
    q153066.data.results.orphan = q153066.data.results['nothing-to-fear'] as ResultsFile['results'][string];
    const problems = assembleFlow(t, files, 'TREE').problems.join('\n');
    expect(problems).toContain('TREE leads to result "errored-out-autodisconnect"');
    expect(problems).toContain('which no article’s troubleshooter.yaml defines');
    expect(problems).toContain(`${q153066.file} defines result "orphan", which no path of TREE reaches.`);
  });
});

function flowFile(file: string): ResultsFile {
  return resultsFileSchema.parse(parse(readFileSync(file, 'utf8')));
}
function loadTree(): TreeData {
  return treeSchema.parse(parse(readFileSync('src/content/troubleshooter.yaml', 'utf8')));
}

/** Every answer the reader can give, including autodisconnect values that must be refused. */
const EVENTS: TroubleshooterEvent[] = [
  // Every choice of every question, read from the tree, so a new article's choices are walked too.
  ...Object.entries(tree.questions).flatMap(([q, question]) =>
    (question.choices ?? []).map((c): TroubleshooterEvent => ({ type: `answer.${q}`, value: c.value })),
  ),
  ...['15', '-1', '0', '1', '5', '', 'abc', '1.5', '70000', '-2'].map((value) => ({
    type: 'answer.autodisconnect' as const,
    value,
  })),
];

const isResult = (value: unknown) => stepOf(value) !== null && 'result' in (stepOf(value) as object);

/**
 * States are told apart by where the flow is and what has been answered: a refused answer
 * (which only sets `error`) is a self-loop, not a new state.
 */
const OPTIONS = {
  events: EVENTS,
  input: {},
  serializeState: (s: { value: unknown; context: { answers: Answers } }) =>
    JSON.stringify([s.value, s.context.answers]),
};

/** Computed once: the graph is walked by several tests. */
let allPaths: ReturnType<typeof getSimplePaths<typeof troubleshooterMachine>> | undefined;
function paths() {
  allPaths ??= getSimplePaths(troubleshooterMachine, OPTIONS);
  return allPaths;
}
// The whole KB's tree has a few thousand states: walk it once, with time to spare on a shared machine.
beforeAll(() => {
  paths();
}, 120_000);

function answersOf(snapshot: { context: { answers: Answers } }): Answers {
  return snapshot.context.answers;
}

function deepState(a: Answers) {
  const href = deepLinkFor(a);
  const url = new URL(href, 'https://livekb.example');
  const island = url.hash.slice(1);
  const raw = url.searchParams.get(island);
  expect(raw, href).not.toBeNull();
  const decoded = decode(raw as string);
  if (!decoded.ok) throw new Error(`${href}: ${decoded.error.message}`);
  return {
    island,
    state: decoded.value,
    view: simulate(decoded.value.config, decoded.value.tape, decoded.value.at),
  };
}

/** Any result's deep link, decoded by its own model's codec, and that model's view of the moment. */
function anyDeepState(a: Answers) {
  const d = renderResult(flow, resultFor(a) as string, a);
  const href = momentHref(d.article, d.moment.simulation, d.moment.state, d.moment.model);
  const url = new URL(href, 'https://livekb.example');
  const raw = url.searchParams.get(url.hash.slice(1));
  expect(raw, href).not.toBeNull();
  const decoded = codecOf(d.moment.model).decode(raw as string);
  if (!decoded.ok) throw new Error(`${href}: ${decoded.error.message}`);
  const model: AnyModel = MODELS[d.moment.model as ModelId];
  const { config, tape, at } = decoded.value;
  return { model: d.moment.model, view: simulateModel(model, config, tape, at) as { now: number } };
}

const ipcRow = (view: ServerView, computer = 'WKS1') =>
  view.connections.find((c) => c.computer === computer && c.share === 'IPC$');
const refusal71 = (view: ServerView) => view.log.some((e) => e.error === 71);

describe('troubleshooter machine: paths (xstate/graph)', () => {
  it('has no dead end: every reachable state is a result or moves forward on some answer', () => {
    const map = getAdjacencyMap(troubleshooterMachine, OPTIONS);
    const states = Object.values(map);
    expect(states.length).toBeGreaterThan(20);
    for (const { state, transitions } of states) {
      if (isResult(state.value)) continue;
      const forward = Object.values(transitions as Record<string, { state: typeof state }>).some(
        (t) => Object.keys(t.state.context.answers).length > Object.keys(state.context.answers).length,
      );
      expect(forward, JSON.stringify(state.value)).toBe(true);
    }
  });

  it('every maximal path ends in a result, and every result is reached', () => {
    const all = paths();
    const reached = new Set<ResultId>();
    const ends = all.filter((p) => {
      // A path is maximal when no longer path extends it: its end state accepts no answer.
      const value = p.state.value;
      return isResult(value) || !EVENTS.some((e) => p.state.can(e));
    });
    expect(ends.length).toBeGreaterThan(0);
    for (const p of ends) {
      const step = stepOf(p.state.value);
      expect(step && 'result' in step, JSON.stringify(p.steps.map((s) => s.event))).toBe(true);
      if (step && 'result' in step) {
        reached.add(step.result);
        expect(resultFor(answersOf(p.state))).toBe(step.result);
      }
    }
    expect([...reached].sort()).toEqual([...RESULT_IDS].sort());
  });

  it('refuses an invalid autodisconnect value with the reason and stays on the question', () => {
    const actor = createActor(troubleshooterMachine, {
      input: { answers: { ...L, version: '3.51', shown: 'computer', licences: 'no' } },
    }).start();
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'autodisconnect' });
    for (const bad of ['abc', '70000', '1.5', '', '-2']) {
      actor.send({ type: 'answer.autodisconnect', value: bad });
      expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'autodisconnect' });
      expect(actor.getSnapshot().context.error).toMatch(/\S/);
      expect(actor.getSnapshot().context.answers.autodisconnect).toBeUndefined();
    }
    actor.send({ type: 'answer.autodisconnect', value: '70000' });
    expect(actor.getSnapshot().context.error).toContain('65535');
    actor.send({ type: 'answer.autodisconnect', value: ' 20 ' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ result: 'leftover-ipc-waiting' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('refuses answers that are not among the choices', () => {
    const actor = createActor(troubleshooterMachine, { input: {} }).start();
    actor.send({ type: 'answer.see', value: 'ghost' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'see' });
    actor.send({ type: 'answer.see', value: 'leftover' });
    actor.send({ type: 'answer.version', value: '5.0' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'version' });
    expect(actor.getSnapshot().context.error).toMatch(/Choose/);
  });

  it('Back steps to the previous question and offers the old answer; Restart clears everything', () => {
    const actor = createActor(troubleshooterMachine, { input: {} }).start();
    actor.send({ type: 'nav.back' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'see' });
    actor.send({ type: 'answer.see', value: 'leftover' });
    actor.send({ type: 'answer.version', value: '3.51' });
    actor.send({ type: 'answer.shown', value: 'nothing' });
    actor.send({ type: 'answer.licences', value: 'no' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ result: 'nothing-to-fear' });
    actor.send({ type: 'nav.back' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'licences' });
    expect(actor.getSnapshot().context.draft.licences).toBe('no');
    actor.send({ type: 'nav.back' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'shown' });
    actor.send({ type: 'answer.shown', value: 'user' });
    actor.send({ type: 'answer.licences', value: 'yes' });
    actor.send({ type: 'answer.files', value: 'yes' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ result: 'share-in-use' });
    actor.send({ type: 'nav.restart' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'see' });
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('answers.restore (browser Back and Forward) shows the step for the URL’s answers and keeps later ones as defaults', () => {
    const actor = createActor(troubleshooterMachine, { input: {} }).start();
    actor.send({ type: 'answer.see', value: 'leftover' });
    actor.send({ type: 'answer.version', value: '3.51' });
    actor.send({ type: 'answer.shown', value: 'computer' });
    actor.send({ type: 'answer.licences', value: 'yes' });

    actor.send({ type: 'answers.restore', answers: { ...L, version: '3.51' } });
    const back = actor.getSnapshot();
    actor.send({ type: 'answers.restore', answers: { ...L, version: '3.51', shown: 'computer' } });
    const forward = actor.getSnapshot();

    expect(stepOf(back.value)).toEqual({ question: 'shown' });
    expect(back.context.answers).toEqual({ ...L, version: '3.51' });
    expect(back.context.draft).toEqual({ shown: 'computer', licences: 'yes' });
    expect(stepOf(forward.value)).toEqual({ question: 'licences' });
    expect(forward.context.answers).toEqual({ ...L, version: '3.51', shown: 'computer' });
    expect(forward.context.draft).toEqual({ licences: 'yes' });
  });

  it('skips questions that do not apply', () => {
    expect(nextStep({ version: '3.51', shown: 'nothing' })).toEqual({ question: 'see' });
    expect(nextStep({ ...L, version: '3.51', shown: 'nothing' })).toEqual({ question: 'licences' });
    expect(nextStep({ ...L, version: '3.51', shown: 'nothing', licences: 'no' })).toEqual({
      result: 'nothing-to-fear',
    });
    expect(nextStep({ ...L, version: '3.51', shown: 'computer', licences: 'no' })).toEqual({
      question: 'autodisconnect',
    });
    expect(nextStep({ ...L, version: '4.0', shown: 'computer', licences: 'yes' })).toEqual({
      result: 'nt4-not-this',
    });
    expect(nextStep({ ...L, version: '3.5', shown: 'user', licences: 'no', files: 'yes' })).toEqual({
      result: 'share-in-use',
    });
  });
});

/** One answer set per result, the way a reader would give it. */
const CASES = {
  'leftover-ipc-waiting': { ...L, version: '3.51', shown: 'computer', licences: 'no', autodisconnect: 15 },
  'licence-held': { ...L, version: '3.51', shown: 'computer', licences: 'yes', autodisconnect: 15 },
  'autodisconnect-off': { ...L, version: '3.51', shown: 'computer', licences: 'yes', autodisconnect: -1 },
  'autodisconnect-zero': { ...L, version: '3.51', shown: 'computer', licences: 'no', autodisconnect: 0 },
  'share-in-use': { ...L, version: '3.51', shown: 'user', licences: 'yes', files: 'yes' },
  'share-idle': { ...L, version: '4.0', shown: 'user', licences: 'no', files: 'unknown', autodisconnect: 10 },
  'nt4-not-this': { ...L, version: '4.0', shown: 'computer', licences: 'yes' },
  'licences-in-use': { ...L, version: '3.51', shown: 'nothing', licences: 'yes' },
  'nothing-to-fear': { ...L, version: '3.51', shown: 'nothing', licences: 'no' },
  'ipc-stuck-wait': { see: 'stuck', version: '3.51', autodisconnect: 15, licences: 'no' },
  'ipc-stuck-explicit': { see: 'stuck', version: '3.51', autodisconnect: 30, licences: 'yes' },
  'ipc-stuck-autodisconnect-off': { see: 'stuck', version: '3.51', autodisconnect: -1 },
  'licence-count-too-low': { see: 'error71', version: '3.51', ipc: 'no', limit: 'yes' },
  'error-71-other': { see: 'error71', version: '4.0', limit: 'no' },
  'errored-out-autodisconnect': { see: 'errored', version: '4.0', affected: 'no', autodisconnect: 10 },
  'errored-out-network': { see: 'errored', version: '3.51', affected: 'yes' },
  'nt35-inbound-limit': { see: 'error71', version: '3.5' },
  // Account lockout in a domain (model nt-domain); their moments are checked in troubleshooter-lockout.test.ts.
  'old-password-retrier': { see: 'lockout', relock: 'yes' },
  'unc-counts-three': { see: 'lockout', relock: 'no', mistakes: 'unc' },
  'counts-add-up': { see: 'lockout', relock: 'no', mistakes: 'places' },
  'policy-working': { see: 'lockout', relock: 'no', mistakes: 'many' },
  'bdc-catches-up': { see: 'phantom', unlocked: 'yes' },
  'bdc-out-of-step': { see: 'phantom', unlocked: 'no' },
} satisfies Record<ResultId, Answers>;

describe('troubleshooter results: deep links reproduce what they describe', () => {
  it('each case leads to its result', () => {
    for (const [id, a] of Object.entries(CASES)) expect(resultFor(a)).toBe(id);
  });

  it('leftover-ipc-waiting: IPC$ under the computer name, no credentials, gone at autodisconnect', () => {
    for (const minutes of [1, 15, 240]) {
      const a: Answers = { ...CASES['leftover-ipc-waiting'], autodisconnect: minutes };
      const { island, state, view } = deepState(a);
      expect(island).toBe('play');
      expect(state.config.version).toBe('3.51');
      expect(state.config.autodisconnectMinutes).toBe(minutes);
      const row = ipcRow(view);
      expect(row?.shownUser).toBe('WKS1');
      expect(row?.account).toBeNull();
      expect(view.licenses.inUse).toBe(1);
      const later = simulate(state.config, state.tape, 30_000 + minutes * 60_000 + 1_000);
      expect(ipcRow(later)).toBeUndefined();
      expect(resultDetails('leftover-ipc-waiting', a).explanation.join(' ')).toContain(
        `${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
    }
  });

  it('licence-held: IPC$ row under the computer name and mlee refused with error 71 (3.51; 3.5 counts no licences)', () => {
    for (const version of ['3.51'] as const) {
      for (const minutes of [1, 15]) {
        const { view, state } = deepState({ ...CASES['licence-held'], version, autodisconnect: minutes });
        expect(state.config.version).toBe(version);
        expect(ipcRow(view)?.shownUser).toBe('WKS1');
        expect(view.licenses).toMatchObject({ inUse: 1, limit: 1, logging: true });
        expect(refusal71(view)).toBe(true);
        expect(view.connections.some((c) => c.computer === 'WKS2')).toBe(false);
      }
    }
    const d = resultDetails('licence-held', CASES['licence-held']);
    expect(d.resolution.href).toBe('/kb/q153066/#resolution-stop-logging');
  });

  it('autodisconnect-off: the leftover is still there a day later and still refuses mlee', () => {
    const { view, state } = deepState(CASES['autodisconnect-off']);
    expect(state.config.autodisconnectMinutes).toBe(-1);
    expect(view.now).toBe(24 * 60 * 60_000);
    expect(ipcRow(view)?.shownUser).toBe('WKS1');
    // The case is on NT 3.5, which refuses nobody for licences (DESIGN row 4, Q122925).
    expect(refusal71(view)).toBe(state.config.version !== '3.5');
  });

  it('nt35-inbound-limit: error 71 on NT 3.5 is not licensing; its server lets both in at a count of 1', () => {
    // Q122925: 3.5 has no per-server limit, so no licence question is asked on that path.
    for (const ipc of [undefined, 'yes', 'no']) {
      expect(resultFor({ see: 'error71', version: '3.5', ...(ipc ? { ipc } : {}) })).toBe(
        'nt35-inbound-limit',
      );
    }
    const { view, state } = deepState(CASES['nt35-inbound-limit']);
    expect(state.config.version).toBe('3.5');
    expect(view.licenses).toMatchObject({ inUse: 0, service: 'absent' });
    expect(refusal71(view)).toBe(false);
    expect(view.connections.filter((c) => c.share === 'PUBLIC').map((c) => c.computer)).toEqual([
      'WKS1',
      'WKS2',
    ]);
    expect(resultDetails('nt35-inbound-limit', CASES['nt35-inbound-limit']).actions.join(' ')).toContain(
      '0xFFFFFFFF',
    );
  });

  it('autodisconnect-zero: the idle leftover is dropped at once', () => {
    const { view } = deepState(CASES['autodisconnect-zero']);
    expect(ipcRow(view)).toBeUndefined();
    expect(view.licenses.inUse).toBe(0);
  });

  it('share-in-use: the user name is shown and open files outlast autodisconnect', () => {
    const { view } = deepState(CASES['share-in-use']);
    const row = view.connections.find((c) => c.share === 'PUBLIC');
    expect(row).toMatchObject({ computer: 'WKS1', shownUser: 'jsmith', opens: 1 });
    expect(row?.idleMs).toBeGreaterThan(15 * 60_000);
    expect(refusal71(view)).toBe(true);
  });

  it('share-idle: a share held under the user name, on the reader’s version', () => {
    const { view, state } = deepState(CASES['share-idle']);
    expect(state.config.version).toBe('4.0');
    expect(view.connections).toEqual([
      expect.objectContaining({ share: 'PUBLIC', shownUser: 'jsmith', opens: 0 }),
    ]);
    const later = simulate(state.config, state.tape, 11 * 60_000);
    expect(later.connections).toEqual([]);
  });

  it('nt4-not-this: the side-by-side link shows IPC$ kept on 3.51 and gone on 4.0', () => {
    const { island, state } = deepState(CASES['nt4-not-this']);
    expect(island).toBe('compare');
    const old = simulate({ ...state.config, version: '3.51' }, state.tape, state.at);
    const nt4 = simulate({ ...state.config, version: '4.0' }, state.tape, state.at);
    expect(ipcRow(old)?.shownUser).toBe('WKS1');
    expect(refusal71(old)).toBe(true);
    expect(ipcRow(nt4)).toBeUndefined();
    expect(refusal71(nt4)).toBe(false);
  });

  it('licences-in-use: a real session holds the only licence, the next user gets 71', () => {
    const { view } = deepState(CASES['licences-in-use']);
    expect(ipcRow(view)?.shownUser).toBe('jsmith');
    expect(refusal71(view)).toBe(true);
  });

  it('nothing-to-fear: nothing is left and no licence is held', () => {
    for (const version of ['3.5', '3.51', '4.0'] as const) {
      const { view } = deepState({ ...CASES['nothing-to-fear'], version });
      expect(view.connections).toEqual([]);
      expect(view.licenses.inUse).toBe(0);
    }
  });

  it('every result reachable from every path has a decodable deep link and a summary', () => {
    for (const p of paths()) {
      const step = stepOf(p.state.value);
      if (!step || !('result' in step)) continue;
      const a = answersOf(p.state);
      const { view } = anyDeepState(a);
      expect(view.now).toBeGreaterThanOrEqual(0);
      const d = resultDetails(step.result, a);
      const [path, hash] = d.resolution.href.split('#');
      expect(path).toBe(articleHref(d.article));
      expect(ANCHORS[d.article]).toContain(hash);
      const text = summaryText(a, step.result);
      expect(text).toContain(d.title);
      expect(text).toContain(`/troubleshooter/${answersToQuery(a)}`);
    }
  });

  it('on NT 3.5, a result that advises the License Logging service says that 3.5 has none', () => {
    let noted = 0;
    for (const p of paths()) {
      const step = stepOf(p.state.value);
      if (!step || !('result' in step)) continue;
      const a = answersOf(p.state);

      const d = resultDetails(step.result, a);

      const advisesLogging = [...d.explanation, ...d.actions].some(
        (line) => line !== NT35_LICENSING_NOTE && line.includes('License Logging'),
      );
      expect(d.explanation.includes(NT35_LICENSING_NOTE)).toBe(a.version === '3.5' && advisesLogging);
      if (d.explanation.includes(NT35_LICENSING_NOTE)) noted++;
    }
    expect(noted).toBeGreaterThan(0);
  });
});

/** Every result the flow reaches, with the answers that lead there (xstate/graph paths). */
function reachedResults(): { id: ResultId; answers: Answers }[] {
  const out: { id: ResultId; answers: Answers }[] = [];
  for (const p of paths()) {
    const step = stepOf(p.state.value);
    if (step && 'result' in step) out.push({ id: step.result, answers: answersOf(p.state) });
  }
  return out;
}

/** Everything a result tells the reader: its page text and the ticket summary. */
function allText(id: ResultId, a: Answers): string {
  const d = resultDetails(id, a);
  return [d.title, ...d.explanation, ...d.actions, summaryText(a, id)].join('\n');
}

const query = (search: string) => answersFromQuery(search).answers;

describe('troubleshooter results: text right for every version and autodisconnect value', () => {
  it('no result speaks of 0 or -1 as a number of minutes to wait', () => {
    const reached = reachedResults();

    const wrong = reached.filter(({ id, answers }) =>
      /(?<![\d.])(-1|0) minutes?\b/.test(allText(id, answers)),
    );

    expect(reached.some(({ answers }) => answers.autodisconnect === 0)).toBe(true);
    expect(reached.some(({ answers }) => answers.autodisconnect === -1)).toBe(true);
    expect(wrong.map(({ answers }) => answersToQuery(answers))).toEqual([]);
  });

  it('no NT 4.0 result has an IPC$ connection lingering or dropped with the session', () => {
    const nt4 = reachedResults().filter(({ answers }) => answers.version === '4.0');

    const wrong = nt4.filter(({ id, answers }) =>
      /IPC\$ together|IPC\$ included|IPC\$ connection stays|stays behind under the computer/.test(
        allText(id, answers),
      ),
    );

    expect(nt4.some(({ id }) => id === 'share-idle')).toBe(true);
    expect(wrong.map(({ answers }) => answersToQuery(answers))).toEqual([]);
  });

  it('no result says autodisconnect will remove IPC$ when it is off, or says to lower it from 1 minute', () => {
    const reached = reachedResults();

    const offWrong = reached.filter(
      ({ id, answers }) =>
        answers.autodisconnect === -1 &&
        /until autodisconnect removes|wait .* idle time/.test(allText(id, answers)),
    );
    const oneWrong = reached.filter(
      ({ id, answers }) =>
        answers.autodisconnect === 1 && /lower the autodisconnect value/.test(allText(id, answers)),
    );

    expect(reached.some(({ answers }) => answers.autodisconnect === 1)).toBe(true);
    expect(offWrong.map(({ answers }) => answersToQuery(answers))).toEqual([]);
    expect(oneWrong.map(({ answers }) => answersToQuery(answers))).toEqual([]);
  });

  it('share-idle with autodisconnect 0: dropped within seconds, not off, and no wait to sit out', () => {
    const a = query('?v=3.51&shown=user&lic=no&files=no&ad=0');

    const d = resultDetails('share-idle', a);
    const summary = summaryText(a, 'share-idle');

    expect(resultFor(a)).toBe('share-idle');
    expect(d.explanation[1]).toContain('Autodisconnect is 0, which does not turn it off');
    expect(d.explanation[1]).toContain('within seconds, share and IPC$ together');
    expect(d.explanation[1]).toContain('it is not idle');
    expect(d.explanation[2]).toContain('which with 0 takes only seconds');
    expect(d.actions.join(' ')).not.toMatch(/wait/i);
    expect(d.actions.join(' ')).toContain('Set autodisconnect back to a number of minutes');
    expect(summary).toContain('- Autodisconnect: 0 (drops idle sessions within seconds)');
  });

  it('share-idle with autodisconnect 0 and open files unknown: names open files as a reason it stays', () => {
    const a = query('?v=4.0&shown=user&lic=no&files=unknown&ad=0');

    const d = resultDetails('share-idle', a);

    expect(d.explanation[1]).toContain('either it has a file open');
  });

  it('share-idle with autodisconnect -1: off, and on 3.5/3.51 the IPC$ left by a disconnect stays until a restart', () => {
    const a = query('?v=3.51&shown=user&lic=no&files=no&ad=-1');

    const d = resultDetails('share-idle', a);

    expect(d.explanation[1]).toContain('Autodisconnect is off (-1)');
    expect(d.explanation[2]).toContain('with autodisconnect off it is never dropped');
    expect(d.explanation[2]).toContain('until the server restarts');
    expect(d.explanation[2]).toContain('net use \\\\NTSERVER\\IPC$ /d, as KB Q153070 describes');
    expect(d.explanation.join(' ')).not.toContain('until autodisconnect removes it');
    expect(d.actions[0]).toBe('Set autodisconnect to a number of minutes so idle sessions are dropped.');
  });

  it('share-idle on NT 4.0: autodisconnect drops the session and its share, with no IPC$ in it', () => {
    const nt4 = query('?v=4.0&shown=user&lic=no&files=no&ad=15');
    const nt351 = { ...nt4, version: '3.51' as const };

    const on4 = resultDetails('share-idle', nt4).explanation.join(' ');
    const on351 = resultDetails('share-idle', nt351).explanation.join(' ');

    expect(on4).toContain('autodisconnect drops the whole session, share included.');
    expect(on4).not.toContain('IPC$');
    expect(on4).toContain('disconnecting the share ends the session: nothing is left behind');
    expect(on351).toContain('autodisconnect drops the whole session, share and IPC$ together.');
  });

  it('with autodisconnect at 1 minute, the leftover results do not advise lowering it', () => {
    const waiting = query('?v=3.51&shown=computer&lic=no&ad=1');
    const held = query('?v=3.51&shown=computer&lic=yes&ad=1');

    const waitingActions = resultDetails('leftover-ipc-waiting', waiting).actions;
    const heldActions = resultDetails('licence-held', held).actions;

    expect(waitingActions[1]).toContain('1 minute is already the shortest autodisconnect time');
    expect(heldActions.join(' ')).toContain('leave autodisconnect at 1 minute');
    expect(resultDetails('licence-held', { ...held, autodisconnect: 15 }).actions.join(' ')).toContain(
      'lower the autodisconnect value from 15 minutes',
    );
  });
});

describe('answers in the URL', () => {
  it('round-trips every case', () => {
    for (const a of Object.values(CASES)) {
      expect(answersFromQuery(answersToQuery(a))).toEqual({ answers: a, notice: null });
    }
    expect(answersToQuery(CASES['licence-held'])).toBe('?v=3.51&shown=computer&lic=yes&ad=15');
  });

  it('starts from scratch with a notice on garbage', () => {
    for (const bad of [
      '?v=9',
      '?v=3.51&shown=ghost',
      '?v=3.51&shown=computer&lic=yes&ad=abc',
      '?v=3.51&shown=computer&lic=yes&ad=99999',
      '?v=3.51&shown=nothing&lic=no&files=yes',
      '?shown=computer',
      '?v=3.51&lic=maybe',
    ]) {
      const r = answersFromQuery(bad);
      expect(r.answers, bad).toEqual({});
      expect(r.notice, bad).toMatch(/starts afresh/);
    }
    expect(answersFromQuery('?utm_source=mail')).toEqual({ answers: {}, notice: null });
    expect(answersFromQuery('')).toEqual({ answers: {}, notice: null });
  });

  it('a machine started from URL answers lands on the same result', () => {
    const { answers } = answersFromQuery('?v=3.51&shown=computer&lic=yes&ad=30');
    expect(answers.see).toBe('leftover');
    const actor = createActor(troubleshooterMachine, { input: { answers } }).start();
    expect(stepOf(actor.getSnapshot().value)).toEqual({ result: 'licence-held' });
  });
});

describe('the whole KB: results of the other articles', () => {
  /** The moment, and the same tape played on past its last entry (the fix the result describes). */
  const playedOn = (a: Answers, version?: '3.5' | '3.51' | '4.0') => {
    const { state } = deepState(a);
    const config = { ...state.config, ...(version ? { version } : {}) };
    const end = Math.max(state.at, ...state.tape.map((e) => e.at)) + 1_000;
    return { now: simulate(config, state.tape, state.at), later: simulate(config, state.tape, end) };
  };
  const refusedDisconnect = (view: ServerView, computer = 'WKS1') =>
    view.log.some((e) => /Server Manager could not disconnect/.test(e.text) && e.text.includes(computer));
  const href = (id: ResultId) => resultDetails(id, CASES[id as keyof typeof CASES]).resolution.href;
  const anchorExists = (id: ResultId) => {
    const d = resultDetails(id, CASES[id as keyof typeof CASES]);
    expect(mdxIds(d.article).has(d.anchor), `${d.article}#${d.anchor}`).toBe(true);
  };

  it('an IPC$ Server Manager will not disconnect leads to Q153070: the moment has the refused Disconnect', () => {
    for (const id of ['ipc-stuck-wait', 'ipc-stuck-explicit', 'ipc-stuck-autodisconnect-off'] as const) {
      const d = resultDetails(id, CASES[id]);
      expect(d.article).toBe('Q153070');
      anchorExists(id);
      // Q153070's page has the scenario player and the side-by-side simulator; only the latter reads moments.
      const { island, view } = deepState(CASES[id]);
      expect(island).toBe('compare');
      expect(ipcRow(view)?.shownUser).toBe('WKS1');
      expect(ipcRow(view)?.account).toBeNull();
      expect(refusedDisconnect(view), id).toBe(true);
      // Side by side, NT 4.0 left nothing for Server Manager to disconnect.
      expect(ipcRow(playedOn(CASES[id], '4.0').now)).toBeUndefined();
    }
    expect(href('ipc-stuck-wait')).toBe('/kb/q153070/#symptom-listed-under-computer');
    expect(href('ipc-stuck-explicit')).toBe('/kb/q153070/#resolution-explicit-ipc');
    expect(href('ipc-stuck-autodisconnect-off')).toBe('/kb/q153070/#resolution-autodisconnect');
    expect(resultFor({ see: 'stuck', version: '4.0' })).toBe('nt4-not-this');
    expect(resultFor({ see: 'stuck', version: '3.51', autodisconnect: 0 })).toBe('autodisconnect-zero');
  });

  it('Q153070, users refused: error 71 at the moment; played on, net use IPC$ and /d free the licence and mlee gets in', () => {
    const { now, later } = playedOn(CASES['ipc-stuck-explicit']);
    expect(refusal71(now)).toBe(true);
    expect(now.licenses).toMatchObject({ inUse: 1, limit: 1 });
    expect(ipcRow(later)).toBeUndefined();
    expect(later.connections.filter((c) => c.computer === 'WKS2').map((c) => c.shownUser)).toContain('mlee');
    expect(later.log.some((e) => /jsmith connected to \\\\NTSERVER\\IPC\$/.test(e.text))).toBe(true);
    const actions = resultDetails('ipc-stuck-explicit', CASES['ipc-stuck-explicit']).actions.join(' ');
    expect(actions).toContain('net use \\\\NTSERVER\\IPC$ and then net use \\\\NTSERVER\\IPC$ /d');
    // NT 3.5 counts no licences (Q122925): the text says so rather than blaming the leftover.
    const on35 = resultDetails('ipc-stuck-explicit', { ...CASES['ipc-stuck-explicit'], version: '3.5' });
    expect(on35.explanation[0]).toContain('holds no licence');
  });

  it('Q153070, autodisconnect off: still listed a day later; played on, the explicit IPC$ and /d end the session', () => {
    const { now, later } = playedOn(CASES['ipc-stuck-autodisconnect-off']);
    expect(deepState(CASES['ipc-stuck-autodisconnect-off']).state.config.autodisconnectMinutes).toBe(-1);
    expect(now.now).toBe(24 * 60 * 60_000);
    expect(ipcRow(now)?.shownUser).toBe('WKS1');
    expect(later.connections).toEqual([]);
    expect(later.licenses.inUse).toBe(0);
  });

  it('error 71 with no leftover, or a licence count too low, leads to Q149522; with a leftover, to Q153066', () => {
    const low = deepState(CASES['licence-count-too-low']);
    expect(low.island).toBe('play');
    expect(refusal71(low.view)).toBe(true);
    expect(low.view.licenses).toMatchObject({ inUse: 1, limit: 1 });
    anchorExists('licence-count-too-low');
    anchorExists('error-71-other');
    expect(href('licence-count-too-low')).toBe('/kb/q149522/#cause-licence-count');
    expect(href('error-71-other')).toBe('/kb/q149522/#cause-purchase-history');
    // Played on: licensing.limit raises the count to 2 and mlee is let in.
    const { later } = playedOn(CASES['licence-count-too-low']);
    expect(later.licenses).toMatchObject({ inUse: 2, limit: 2 });
    expect(later.connections.some((c) => c.computer === 'WKS2' && c.share === 'PUBLIC')).toBe(true);
    expect(later.log.some((e) => /Control Panel Licensing: 2 concurrent/.test(e.text))).toBe(true);
    const other = deepState(CASES['error-71-other']);
    expect(other.island).toBe('play');
    expect(refusal71(other.view)).toBe(true);
    // Error 71's text is the NT 3.5x wording Q149522 gives (and the kernel logs). The results do not
    // re-quote it (a copied run of the original): they link to the glossary entry, which quotes it once.
    const quoted =
      'No more connections can be made to this remote computer at this time because there are already as many connections as the computer can accept';
    const details = resultDetails('error-71-other', CASES['error-71-other']);
    expect(details.explanation.join(' ')).not.toContain(quoted);
    expect(details.glossary?.term).toBe('error-71');
    expect(readFileSync('src/content/docs/glossary.mdx', 'utf8')).toContain(`## Error 71\n\nThe error`);
    expect(readFileSync('src/content/docs/glossary.mdx', 'utf8')).toContain(quoted);
    expect(other.view.log.find((e) => e.error === 71)?.text).toContain(quoted);
    expect(tree.questions.licences?.hint).toContain(quoted);
    expect(resultFor({ see: 'error71', version: '3.51', ipc: 'yes', autodisconnect: 15 })).toBe(
      'licence-held',
    );
    expect(resultFor({ see: 'error71', version: '3.51', ipc: 'yes', autodisconnect: -1 })).toBe(
      'autodisconnect-off',
    );
    const held = deepState({ see: 'error71', version: '3.51', ipc: 'yes', autodisconnect: -1 });
    expect(refusal71(held.view)).toBe(true);
  });

  it('a climbing Sessions Errored Out leads to Q159600, and its moment shows both counters rising at autodisconnects', () => {
    for (const minutes of [0, 1, 10, 240]) {
      const a = { ...CASES['errored-out-autodisconnect'], autodisconnect: minutes };
      expect(resultFor(a)).toBe('errored-out-autodisconnect');
      const { island, state } = deepState(a);
      // Q159600's page has the scenario player and the side-by-side simulator; only the latter reads moments.
      expect(island).toBe('compare');
      expect(state.config.autodisconnectMinutes).toBe(minutes);
      for (const version of ['3.51', '4.0'] as const) {
        const view = simulate({ ...state.config, version }, state.tape, state.at);
        // Both idle sessions are gone: autodisconnect dropped them, and counted each twice over.
        expect(view.connections).toEqual([]);
        expect(view.counters).toMatchObject({ sessionsErroredOut: 2, sessionsTimedOut: 2 });
        expect(view.log.some((e) => e.error !== undefined)).toBe(false);
      }
    }
    anchorExists('errored-out-autodisconnect');
    anchorExists('errored-out-network');
    expect(resultFor({ ...CASES['errored-out-autodisconnect'], autodisconnect: -1 })).toBe(
      'errored-out-network',
    );
    expect(href('errored-out-network')).toBe('/kb/q159600/#symptom-users-unaffected');
    const network = playedOn(CASES['errored-out-network']);
    expect(deepState(CASES['errored-out-network']).island).toBe('compare');
    expect(network.now.counters).toMatchObject({ sessionsErroredOut: 1, sessionsTimedOut: 1 });
    // The user notices nothing: the next file open reconnects.
    expect(network.later.connections.some((c) => c.computer === 'WKS1' && c.opens === 1)).toBe(true);
  });

  it('Q153066’s results name Q153070’s explicit IPC$ workaround where the leftover stays', () => {
    const off = resultDetails('autodisconnect-off', CASES['autodisconnect-off']);
    expect(off.explanation.join(' ')).toContain('KB Q153070');
    expect(off.actions.join(' ')).toContain('net use \\\\NTSERVER\\IPC$ /d');
    expect(off.explanation.join(' ')).not.toMatch(/computer disconnects for another reason/);
    const held = resultDetails('licence-held', CASES['licence-held']).actions.join(' ');
    expect(held).toContain('net use \\\\NTSERVER\\IPC$ /d');
    expect(resultDetails('leftover-ipc-waiting', CASES['leftover-ipc-waiting']).actions.join(' ')).toContain(
      'KB Q153070',
    );
    const { later } = playedOn({ ...CASES['autodisconnect-off'], version: '3.51' });
    expect(ipcRow(later)).toBeUndefined();
  });

  it('old links (no first answer) open the same result, and new links for today’s cases look as before', () => {
    expect(answersFromQuery('?v=3.51&shown=computer&lic=yes&ad=15').answers).toEqual(CASES['licence-held']);
    expect(answersToQuery(CASES['ipc-stuck-wait'])).toBe('?see=stuck&v=3.51&ad=15&lic=no');
    expect(answersFromQuery('?see=leftover&v=3.51&shown=computer&lic=yes&ad=15').answers).toEqual(
      CASES['licence-held'],
    );
    expect(answersFromQuery(answersToQuery(CASES['errored-out-network']))).toEqual({
      answers: CASES['errored-out-network'],
      notice: null,
    });
  });

  it('a hostile link never has its text repeated: the notice is a fixed sentence naming the parameter', () => {
    const long = 'W'.repeat(5000);
    for (const [search, param] of [
      [`?v=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, 'v'],
      [`?v=3.51&shown=${long}`, 'shown'],
      ['?v=3.51&shown=computer&lic=yes&ad=Call%20support%20at%20555-0100', 'ad'],
      ['?see=phishing&v=3.51', 'see'],
      [
        `?v=3.51&shown=computer&lic=${encodeURIComponent('yes” — your licence has expired, visit evil.example')}`,
        'lic',
      ],
    ] as const) {
      const r = answersFromQuery(search);
      expect(r.answers).toEqual({});
      expect(r.notice).toBe(
        `This link’s answer for “${param}” could not be used, so the troubleshooter starts afresh.`,
      );
    }
    expect(answersFromQuery('?v=3.51&shown=nothing&lic=no&files=yes').notice).toBe(
      'This link’s answers do not follow from one another, so the troubleshooter starts afresh.',
    );
  });

  it('the static list is the tree walked to every result, with the same results as the machine', () => {
    const ids = new Set<string>();
    const walk = (node: ReturnType<typeof outline>) => {
      if ('result' in node) ids.add(node.result);
      else for (const b of node.branches) walk(b.then);
    };
    const top = outline(tree);
    walk(top);
    expect([...ids].sort()).toEqual([...RESULT_IDS].sort());
    expect('question' in top && top.question).toBe('see');
  });
});
