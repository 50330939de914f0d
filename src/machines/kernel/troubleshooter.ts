import { assertEvent, assign, setup } from 'xstate';
import { type LinkState, MAX_LINK_MS } from './link';

/**
 * The troubleshooter engine: a decision tree given as data, walked by an XState machine. The tree
 * (questions, choices, routes) and the results (texts, simulation moments) come from content; this
 * module names no article, page, island or model: a number answer is checked by `Numbers`, which the
 * caller gives (src/machines/troubleshooter.ts binds the registered models). What to ask next and which result applies are pure
 * functions of the answers, so the URL, the tests, the static list and the live island all agree.
 */

export type AnswerValue = string | number;
/** Question id → the answer given: a choice's value, or a validated number. */
export type Answers = Record<string, AnswerValue>;

/** A test on earlier answers: every named question must be answered, with one of the values or in the range. */
export type Condition = Record<string, readonly string[] | { min?: number; max?: number }>;

/** Where an answer leads: the first rule whose condition holds (no condition: always). */
export type Rule = { when?: Condition; ask: string } | { when?: Condition; result: string };

export interface Choice {
  value: string;
  /** As the island offers it. */
  label: string;
  /** As templates and the summary quote it (default: the label). */
  text?: string;
  /** Overrides the question's route for this choice. */
  next?: readonly Rule[];
  /** An article whose results this choice leads to: the choice is offered only when that article has results. */
  needs?: string;
}

export interface Question {
  /** The URL query parameter holding the answer. */
  param: string;
  title: string;
  hint?: string;
  /** Names the answer in the summary ("Version"). */
  label: string;
  choices?: readonly Choice[];
  /** A number answer: a value of this configuration field of this model, checked by the model. */
  number?: NumberSpec;
  /** The number field's label. */
  field?: string;
  /** A number's unit, pluralised with an s: `{minutes}` → "15 minutes". */
  unit?: string;
  /** How the summary writes particular numbers ("-1 (never)"). */
  texts?: Record<string, string>;
  /** What a template says while the question is unanswered. */
  default?: AnswerValue;
  /** The name templates use for this answer (default: the question id). */
  placeholder?: string;
  /** Links made before this question existed: when its parameter is missing but one of these is present, take `value`. */
  implied?: { value: string; whenParams: readonly string[] };
  /** Where any answer leads, unless the choice has its own route. */
  next?: readonly Rule[];
}

/** A paragraph or action: plain text, a text shown only when its condition holds, or the first alternative that holds. */
export type Para =
  | string
  | { when?: Condition; text: string }
  | { oneOf: readonly { when?: Condition; text: string }[] };

/** A number question's answer: a value of a model's configuration field. */
export interface NumberSpec {
  model: string;
  field: string;
}

/** How number answers are checked: by the model the question names (the caller knows the models). */
export interface Numbers {
  /** The answer as the model takes it, or why not (a fixed sentence; it may quote the reader's own input). */
  check(
    spec: NumberSpec,
    value: string | number,
  ): { ok: true; value: number } | { ok: false; reason: string };
  /** The field's range, for the static outline's samples. */
  range(spec: NumberSpec): readonly [number, number];
}

type Config = Record<string, unknown>;

export interface MomentData {
  /** The model the article's simulations run on (its id). */
  model: string;
  /** The simulation on the article page (its id there). */
  simulation: string;
  label: string;
  /** The variant simulated (the model's variant field), unless `versionFrom` names a question the reader answered with one. */
  version: string;
  versionFrom?: string;
  config?: Config;
  tape: readonly { at: number; event: { type: string }; when?: Condition }[];
  at: number;
  /** Add this configuration field's minutes (the reader's answer, else the moment's, else the question's default) to `at`. */
  plusMinutesOf?: string;
  /** Overrides applied in order when their condition holds. */
  cases?: readonly { when: Condition; config?: Config; at?: number }[];
}

export interface ResultData {
  /** The article the result belongs to (its KB ID). */
  article: string;
  title: string;
  /** Named words the texts use as `{name}`: the first alternative whose condition holds. */
  words?: Record<string, readonly { when?: Condition; text: string }[]>;
  explanation: readonly Para[];
  actions: readonly Para[];
  /** The passage of the article that applies, and how to name it. */
  anchor: string;
  label: string;
  /** A glossary term to link to (its heading's id), and its link text. */
  glossary?: { term: string; label: string };
  /** The model's rules the result rests on, by key (sourced rules only; the schema checks). */
  rests?: readonly string[];
  moment: MomentData;
}

export interface Tree {
  start: string;
  questions: Record<string, Question>;
  /** Paragraphs added to any result whose text mentions `mentions`, when the condition holds. */
  notes?: readonly { when: Condition; mentions?: string; text: string }[];
}

export interface Flow {
  tree: Tree;
  results: Record<string, ResultData>;
}

export type Step = { question: string } | { result: string };

// ---------------------------------------------------------------------------------------------
// Walking the tree

export function holds(when: Condition | undefined, a: Answers): boolean {
  if (!when) return true;
  return Object.entries(when).every(([q, test]) => {
    const value = a[q];
    if (value === undefined) return false;
    if (Array.isArray(test)) return test.includes(String(value));
    const { min, max } = test as { min?: number; max?: number };
    return (
      typeof value === 'number' && (min === undefined || value >= min) && (max === undefined || value <= max)
    );
  });
}

export function routeOf(tree: Tree, q: string, value: AnswerValue): readonly Rule[] {
  const question = tree.questions[q];
  const choice = question?.choices?.find((c) => c.value === value);
  return choice?.next ?? question?.next ?? [];
}

/** The next thing to show for these answers: a question still to ask, or the result. */
export function nextStep(tree: Tree, a: Answers): Step {
  let q = tree.start;
  for (let guard = 0; guard <= Object.keys(tree.questions).length; guard++) {
    const value = a[q];
    if (value === undefined) return { question: q };
    const rule = routeOf(tree, q, value).find((r) => holds(r.when, a));
    if (!rule) throw new Error(`The troubleshooter has no route from question "${q}" for this answer.`);
    if ('result' in rule) return { result: rule.result };
    q = rule.ask;
  }
  throw new Error('The troubleshooter’s routes go round in a circle.');
}

/** The result for complete answers, or null while a question is still open. */
export function resultFor(tree: Tree, a: Answers): string | null {
  const step = nextStep(tree, a);
  return 'result' in step ? step.result : null;
}

/** The questions these answers lead through, in order (answered ones and the current one). */
export function questionsFor(tree: Tree, a: Answers): string[] {
  const asked: string[] = [];
  const partial: Answers = {};
  for (;;) {
    const step = nextStep(tree, partial);
    if ('result' in step) return asked;
    asked.push(step.question);
    const value = a[step.question];
    if (value === undefined) return asked;
    partial[step.question] = value;
  }
}

/** Keeps only the answers to questions that the flow actually asks, in order. */
export function relevantAnswers(tree: Tree, a: Answers): Answers {
  const kept: Answers = {};
  for (const q of questionsFor(tree, a)) {
    const value = a[q];
    if (value !== undefined) kept[q] = value;
  }
  return kept;
}

/** Checks one answer: a choice's value, or a number by the question's rule. */
export function checkAnswer(
  tree: Tree,
  q: string,
  value: unknown,
  numbers: Numbers,
): { ok: true; value: AnswerValue } | { ok: false; reason: string } {
  const question = tree.questions[q];
  if (question?.number) {
    if (typeof value !== 'string' && typeof value !== 'number')
      return { ok: false, reason: 'Enter a number.' };
    return numbers.check(question.number, value);
  }
  if (typeof value === 'string' && question?.choices?.some((c) => c.value === value))
    return { ok: true, value };
  return { ok: false, reason: 'Choose one of the answers.' };
}

// ---------------------------------------------------------------------------------------------
// The URL: one query parameter per answered question, named by the data

/** The answers as query parameters, in the order asked; an answer implied by the others is left out. */
export function answersToParams(tree: Tree, a: Answers): [string, string][] {
  const out: [string, string][] = [];
  const asked = questionsFor(tree, a).filter((q) => a[q] !== undefined);
  const params = new Set(asked.map((q) => tree.questions[q]?.param));
  for (const q of asked) {
    const question = tree.questions[q] as Question;
    const implied = question.implied;
    if (implied && String(a[q]) === implied.value && implied.whenParams.some((p) => params.has(p))) continue;
    out.push([question.param, String(a[q])]);
  }
  return out;
}

export function answersToQuery(tree: Tree, a: Answers): string {
  const text = new URLSearchParams(answersToParams(tree, a)).toString();
  return text ? `?${text}` : '';
}

/** Every query parameter the tree uses. */
export function answerParams(tree: Tree): string[] {
  return Object.values(tree.questions).map((q) => q.param);
}

export type QueryAnswers = { answers: Answers; notice: string | null };

/**
 * Reads answers back from a query string. Anything it cannot use starts the reader from scratch
 * with a notice. The notice is a fixed sentence naming at most a parameter the tree defines: it
 * never repeats what the link says.
 */
export function answersFromQuery(
  tree: Tree,
  search: string | URLSearchParams,
  numbers: Numbers,
): QueryAnswers {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const entries = Object.entries(tree.questions);
  const present = entries.filter(([, q]) => params.has(q.param));
  if (present.length === 0) return { answers: {}, notice: null };
  const bad = (param: string | null): QueryAnswers => ({
    answers: {},
    notice: param
      ? `This link’s answer for “${param}” could not be used, so the troubleshooter starts afresh.`
      : 'This link’s answers do not follow from one another, so the troubleshooter starts afresh.',
  });
  const a: Answers = {};
  for (const [id, q] of present) {
    const check = checkAnswer(tree, id, params.get(q.param), numbers);
    if (!check.ok) return bad(q.param);
    a[id] = check.value;
  }
  let implied = 0;
  for (const [id, q] of entries) {
    if (a[id] === undefined && q.implied?.whenParams.some((p) => params.has(p))) {
      a[id] = q.implied.value;
      implied++;
    }
  }
  const kept = relevantAnswers(tree, a);
  if (Object.keys(kept).length !== present.length + implied) return bad(null);
  return { answers: kept, notice: null };
}

// ---------------------------------------------------------------------------------------------
// Results: texts filled from the answers, and the simulation moment that reproduces them

export interface RenderedResult {
  id: string;
  article: string;
  title: string;
  explanation: string[];
  actions: string[];
  anchor: string;
  label: string;
  glossary?: { term: string; label: string };
  moment: { model: string; simulation: string; label: string; state: LinkState<Config, { type: string }> };
}

function unitText(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** What `{name}` says for each question: the answer's text, or the default's while unanswered. */
function placeholders(tree: Tree, a: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, q] of Object.entries(tree.questions)) {
    const value = a[id] ?? q.default;
    if (value === undefined) continue;
    const name = q.placeholder ?? id;
    if (typeof value === 'number') out[name] = q.unit ? unitText(value, q.unit) : String(value);
    else {
      const c = q.choices?.find((ch) => ch.value === value);
      out[name] = c?.text ?? c?.label ?? value;
    }
  }
  return out;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z][a-z0-9-]*)\}/gi, (whole, name: string) => values[name] ?? whole);
}

function paras(list: readonly Para[], a: Answers, values: Record<string, string>): string[] {
  const out: string[] = [];
  for (const p of list) {
    if (typeof p === 'string') out.push(fill(p, values));
    else if ('oneOf' in p) {
      const hit = p.oneOf.find((o) => holds(o.when, a));
      if (hit) out.push(fill(hit.text, values));
    } else if (holds(p.when, a)) out.push(fill(p.text, values));
  }
  return out;
}

/** The reader's answer to a number question on this model's field, and that question's default. */
function numberAnswer(
  tree: Tree,
  a: Answers,
  model: string,
  field: string,
): { value?: number; default?: number } {
  for (const [id, q] of Object.entries(tree.questions)) {
    if (q.number?.model !== model || q.number.field !== field) continue;
    const value = a[id];
    return {
      ...(typeof value === 'number' ? { value } : {}),
      ...(typeof q.default === 'number' ? { default: q.default } : {}),
    };
  }
  return {};
}

/** The simulation state for a result's moment: the reader's variant and numbers where the data says so. */
export function momentState(tree: Tree, m: MomentData, a: Answers): LinkState<Config, { type: string }> {
  const answered = m.versionFrom === undefined ? undefined : a[m.versionFrom];
  const config: Config = { version: typeof answered === 'string' ? answered : m.version, ...m.config };
  // The reader's numbers for this model's fields, unless the moment fixes its own.
  for (const q of Object.values(tree.questions)) {
    if (q.number?.model !== m.model || m.config?.[q.number.field] !== undefined) continue;
    const n = numberAnswer(tree, a, m.model, q.number.field);
    if (n.value !== undefined) config[q.number.field] = n.value;
  }
  let at = m.at;
  for (const c of m.cases ?? []) {
    if (!holds(c.when, a)) continue;
    Object.assign(config, c.config);
    if (c.at !== undefined) at = c.at;
  }
  if (m.plusMinutesOf) {
    // Past that many minutes (the reader's, else the question's default), as far as a link can reach.
    const field = m.plusMinutesOf;
    const set = config[field];
    const minutes = typeof set === 'number' ? set : (numberAnswer(tree, a, m.model, field).default ?? 0);
    at = Math.min(MAX_LINK_MS, at + Math.max(0, minutes) * 60_000);
  }
  const tape = m.tape.filter((e) => holds(e.when, a)).map((e) => ({ at: e.at, event: e.event }));
  return { config, tape, at };
}

export function renderResult(flow: Flow, id: string, a: Answers): RenderedResult {
  const r = flow.results[id];
  if (!r) throw new Error(`No troubleshooter result "${id}".`);
  const values = placeholders(flow.tree, a);
  for (const [name, alternatives] of Object.entries(r.words ?? {})) {
    const hit = alternatives.find((w) => holds(w.when, a));
    values[name] = hit ? fill(hit.text, values) : '';
  }
  const explanation = paras(r.explanation, a, values);
  const actions = paras(r.actions, a, values);
  const text = [...explanation, ...actions].join(' ');
  for (const note of flow.tree.notes ?? []) {
    if (holds(note.when, a) && (!note.mentions || text.includes(note.mentions)))
      explanation.push(fill(note.text, values));
  }
  return {
    id,
    article: r.article,
    title: fill(r.title, values),
    explanation,
    actions,
    anchor: r.anchor,
    label: r.label,
    ...(r.glossary ? { glossary: r.glossary } : {}),
    moment: {
      model: r.moment.model,
      simulation: r.moment.simulation,
      label: r.moment.label,
      state: momentState(flow.tree, r.moment, a),
    },
  };
}

/** How the summary writes an answer. */
export function answerText(tree: Tree, q: string, value: AnswerValue): string {
  const question = tree.questions[q];
  if (!question) return String(value);
  const special = question.texts?.[String(value)];
  if (special) return special;
  if (typeof value === 'number') return question.unit ? unitText(value, question.unit) : String(value);
  const c = question.choices?.find((ch) => ch.value === value);
  return c?.text ?? c?.label ?? value;
}

/** A plain-text summary for a support ticket; the caller gives the absolute links. */
export function summaryText(
  tree: Tree,
  a: Answers,
  d: RenderedResult,
  links: { section: string; moment: string; answers: string },
): string {
  return [
    `LiveKB troubleshooter (KB ${d.article}): ${d.title}`,
    `Result: ${d.id}`,
    '',
    'What I see:',
    ...questionsFor(tree, a)
      .filter((q) => a[q] !== undefined)
      .map((q) => `- ${tree.questions[q]?.label}: ${answerText(tree, q, a[q] as AnswerValue)}`),
    '',
    'Why:',
    ...d.explanation.map((p) => `- ${p}`),
    '',
    'What to do:',
    ...d.actions.map((p, i) => `${i + 1}. ${p}`),
    '',
    `Article section: ${links.section}`,
    `Simulation at this state: ${links.moment}`,
    `These answers: ${links.answers}`,
  ].join('\n');
}

/** Every result a route of the tree names, in the order they appear. */
export function leafResults(tree: Tree): string[] {
  const out = new Set<string>();
  for (const q of Object.values(tree.questions)) {
    for (const route of [q.next ?? [], ...(q.choices ?? []).map((c) => c.next ?? [])]) {
      for (const r of route) if ('result' in r) out.add(r.result);
    }
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// The machine

export interface TroubleshooterContext {
  answers: Answers;
  /** Answers taken back with Back, offered again as the default choice. */
  draft: Answers;
  /** Why the last answer was refused, for the question on screen. */
  error: string | null;
  /** A notice about the link the answers came from. */
  notice: string | null;
}

export interface TroubleshooterInput {
  answers?: Answers;
  notice?: string | null;
}

export type TroubleshooterEvent =
  | { type: `answer.${string}`; value: string | number }
  | { type: 'answers.load'; answers: Answers; notice?: string | null }
  /** The reader moved through the browser's history: show the step these answers lead to. */
  | { type: 'answers.restore'; answers: Answers; notice?: string | null }
  | { type: 'nav.back' }
  | { type: 'nav.restart' };

/** The value an answer event carries (the guards and actions that read it are wired to answer events only). */
function answerOf(event: TroubleshooterEvent): string | number {
  return 'value' in event ? event.value : '';
}

export function createTroubleshooter(tree: Tree, numbers: Numbers) {
  const questionIds = Object.keys(tree.questions);
  const resultIds = leafResults(tree);
  const stepIs = (answers: Answers, target: string) => {
    const step = nextStep(tree, answers);
    return 'result' in step ? `result.${step.result}` === target : `question.${step.question}` === target;
  };
  const answerState = (q: string) => ({
    on: {
      [`answer.${q}`]: [
        {
          guard: { type: 'validAnswer' as const, params: { question: q } },
          target: '#troubleshooter.route',
          actions: { type: 'record' as const, params: { question: q } },
        },
        { actions: { type: 'refuse' as const, params: { question: q } } },
      ],
    },
  });

  return setup({
    types: {
      context: {} as TroubleshooterContext,
      events: {} as TroubleshooterEvent,
      input: {} as TroubleshooterInput,
    },
    guards: {
      stepIs: ({ context }, params: { step: string }) => stepIs(context.answers, params.step),
      validAnswer: ({ event }, params: { question: string }) =>
        checkAnswer(tree, params.question, answerOf(event), numbers).ok,
      canGoBack: ({ context }) => Object.keys(context.answers).length > 0,
    },
    actions: {
      record: assign(({ context, event }, params: { question: string }) => {
        const c = checkAnswer(tree, params.question, answerOf(event), numbers);
        if (!c.ok) return {};
        const answers = relevantAnswers(tree, { ...context.answers, [params.question]: c.value });
        const draft = { ...context.draft };
        delete draft[params.question];
        return { answers, draft, error: null, notice: null };
      }),
      refuse: assign(({ event }, params: { question: string }) => {
        const c = checkAnswer(tree, params.question, answerOf(event), numbers);
        return { error: c.ok ? null : c.reason };
      }),
      back: assign(({ context }) => {
        const asked = questionsFor(tree, context.answers).filter((q) => context.answers[q] !== undefined);
        const last = asked[asked.length - 1];
        if (last === undefined) return {};
        const answers = { ...context.answers };
        const draft: Answers = { ...context.draft, [last]: answers[last] as AnswerValue };
        delete answers[last];
        return { answers, draft, error: null, notice: null };
      }),
      restart: assign({ answers: {}, draft: {}, error: null, notice: null }),
      load: assign(({ event }) => {
        assertEvent(event, ['answers.load', 'answers.restore']);
        const e = event;
        return {
          answers: relevantAnswers(tree, e.answers),
          draft: {},
          error: null,
          notice: e.notice ?? null,
        };
      }),
      /** Like Back, answers given beyond the restored ones are offered again as the default choice. */
      restore: assign(({ context, event }) => {
        assertEvent(event, ['answers.load', 'answers.restore']);
        const e = event;
        const answers = relevantAnswers(tree, e.answers);
        const draft: Answers = { ...context.draft, ...context.answers };
        for (const q of Object.keys(answers)) delete draft[q];
        return { answers, draft, error: null, notice: e.notice ?? null };
      }),
    },
  }).createMachine({
    id: 'troubleshooter',
    context: ({ input }) => ({
      answers: relevantAnswers(tree, input?.answers ?? {}),
      draft: {},
      error: null,
      notice: input?.notice ?? null,
    }),
    initial: 'route',
    on: {
      'nav.back': { guard: 'canGoBack', target: '.route', actions: 'back' },
      'nav.restart': { target: '.route', actions: 'restart' },
      'answers.load': { target: '.route', actions: 'load' },
      'answers.restore': { target: '.route', actions: 'restore' },
    },
    states: {
      /** Decides where the answers lead: the first open question, or the result. */
      route: {
        always: [
          ...questionIds.map((q) => ({
            guard: { type: 'stepIs' as const, params: { step: `question.${q}` } },
            target: `question.${q}`,
          })),
          ...resultIds.map((id) => ({
            guard: { type: 'stepIs' as const, params: { step: `result.${id}` } },
            target: `result.${id}`,
          })),
        ],
      },
      question: {
        initial: tree.start,
        states: Object.fromEntries(questionIds.map((q) => [q, answerState(q)])),
      },
      result: {
        ...(resultIds[0] ? { initial: resultIds[0] } : {}),
        states: Object.fromEntries(resultIds.map((id) => [id, { type: 'final' as const }])),
      },
    },
  });
}

export type TroubleshooterMachine = ReturnType<typeof createTroubleshooter>;

/** What the snapshot is showing: the question being asked or the result reached. */
export function stepOf(value: unknown): Step | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.question === 'string') return { question: v.question };
  if (typeof v.result === 'string') return { result: v.result };
  return null;
}

// ---------------------------------------------------------------------------------------------
// The static list: the tree walked to every leaf, answers that lead to the same place merged

export type Outline =
  | { result: string }
  | { question: string; branches: { labels: string[]; values: AnswerValue[]; then: Outline }[] };

/** Sample numbers for a number question: every boundary the conditions on it draw, and its ends. */
function samples(tree: Tree, q: string, numbers: Numbers): { value: number; label: string }[] {
  const spec = tree.questions[q]?.number;
  const [low, high] = spec ? numbers.range(spec) : [0, 0];
  const cuts = new Set<number>([low]);
  const visit = (when?: Condition) => {
    const t = when?.[q];
    if (t && !Array.isArray(t)) {
      const { min, max } = t as { min?: number; max?: number };
      if (min !== undefined) cuts.add(min);
      if (max !== undefined) cuts.add(max + 1);
    }
  };
  for (const question of Object.values(tree.questions)) {
    for (const route of [question.next ?? [], ...(question.choices ?? []).map((c) => c.next ?? [])]) {
      for (const r of route) visit(r.when);
    }
  }
  const starts = [...cuts].filter((n) => n >= low && n <= high).sort((x, y) => x - y);
  return starts.map((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? high : next - 1;
    return { value: from, label: from === to ? String(from) : `${from} to ${to}` };
  });
}

/** The tree from these answers on; branches that lead to the same outline are one branch. */
export function outline(tree: Tree, numbers: Numbers, a: Answers = {}): Outline {
  const step = nextStep(tree, a);
  if ('result' in step) return step;
  const q = step.question;
  const question = tree.questions[q] as Question;
  const options = question.choices
    ? question.choices.map((c) => ({ value: c.value as AnswerValue, label: c.text ?? c.label }))
    : samples(tree, q, numbers);
  const branches: { labels: string[]; values: AnswerValue[]; then: Outline }[] = [];
  for (const o of options) {
    const then = outline(tree, numbers, { ...a, [q]: o.value });
    const key = JSON.stringify(then);
    const same = branches.find((b) => JSON.stringify(b.then) === key);
    if (same) {
      same.labels.push(o.label);
      same.values.push(o.value);
    } else branches.push({ labels: [o.label], values: [o.value], then });
  }
  // A question whose every answer leads to the same place does not decide anything here.
  if (branches.length === 1) return (branches[0] as (typeof branches)[number]).then;
  return { question: q, branches };
}

/** Every result the outline reaches, with one set of answers that leads there. */
export function reachable(tree: Tree, numbers: Numbers): Map<string, Answers> {
  const out = new Map<string, Answers>();
  const walk = (a: Answers) => {
    const step = nextStep(tree, a);
    if ('result' in step) {
      if (!out.has(step.result)) out.set(step.result, a);
      return;
    }
    const q = step.question;
    const question = tree.questions[q] as Question;
    const values = question.choices
      ? question.choices.map((c) => c.value)
      : samples(tree, q, numbers).map((s) => s.value);
    for (const v of values) walk({ ...a, [q]: v });
  };
  walk({});
  return out;
}
