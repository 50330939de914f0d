import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import { q153066Anchors } from '../../src/components/anchors';
import { type ServerView, simulate } from '../../src/machines';
import { decode } from '../../src/machines/link';
import {
  type Answers,
  answersFromQuery,
  answersToQuery,
  deepLinkFor,
  NT35_LICENSING_NOTE,
  nextStep,
  RESULT_IDS,
  type ResultId,
  resultDetails,
  resultFor,
  stepOf,
  summaryText,
  type TroubleshooterEvent,
  troubleshooterMachine,
} from '../../src/machines/troubleshooter';

/** Every answer the reader can give, including autodisconnect values that must be refused. */
const EVENTS: TroubleshooterEvent[] = [
  ...['3.5', '3.51', '4.0'].map((value) => ({ type: 'answer.version' as const, value })),
  ...['user', 'computer', 'nothing'].map((value) => ({ type: 'answer.shown' as const, value })),
  ...['yes', 'no'].map((value) => ({ type: 'answer.licences' as const, value })),
  ...['yes', 'no', 'unknown'].map((value) => ({ type: 'answer.files' as const, value })),
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

function paths() {
  return getSimplePaths(troubleshooterMachine, OPTIONS);
}

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
      input: { answers: { version: '3.51', shown: 'computer', licences: 'no' } },
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
    actor.send({ type: 'answer.version', value: '5.0' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'version' });
    expect(actor.getSnapshot().context.error).toMatch(/Choose/);
  });

  it('Back steps to the previous question and offers the old answer; Restart clears everything', () => {
    const actor = createActor(troubleshooterMachine, { input: {} }).start();
    actor.send({ type: 'nav.back' });
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'version' });
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
    expect(stepOf(actor.getSnapshot().value)).toEqual({ question: 'version' });
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('answers.restore (browser Back and Forward) shows the step for the URL’s answers and keeps later ones as defaults', () => {
    const actor = createActor(troubleshooterMachine, { input: {} }).start();
    actor.send({ type: 'answer.version', value: '3.51' });
    actor.send({ type: 'answer.shown', value: 'computer' });
    actor.send({ type: 'answer.licences', value: 'yes' });

    actor.send({ type: 'answers.restore', answers: { version: '3.51' } });
    const back = actor.getSnapshot();
    actor.send({ type: 'answers.restore', answers: { version: '3.51', shown: 'computer' } });
    const forward = actor.getSnapshot();

    expect(stepOf(back.value)).toEqual({ question: 'shown' });
    expect(back.context.answers).toEqual({ version: '3.51' });
    expect(back.context.draft).toEqual({ shown: 'computer', licences: 'yes' });
    expect(stepOf(forward.value)).toEqual({ question: 'licences' });
    expect(forward.context.answers).toEqual({ version: '3.51', shown: 'computer' });
    expect(forward.context.draft).toEqual({ licences: 'yes' });
  });

  it('skips questions that do not apply', () => {
    expect(nextStep({ version: '3.51', shown: 'nothing' })).toEqual({ question: 'licences' });
    expect(nextStep({ version: '3.51', shown: 'nothing', licences: 'no' })).toEqual({
      result: 'nothing-to-fear',
    });
    expect(nextStep({ version: '3.51', shown: 'computer', licences: 'no' })).toEqual({
      question: 'autodisconnect',
    });
    expect(nextStep({ version: '4.0', shown: 'computer', licences: 'yes' })).toEqual({
      result: 'nt4-not-this',
    });
    expect(nextStep({ version: '3.5', shown: 'user', licences: 'no', files: 'yes' })).toEqual({
      result: 'share-in-use',
    });
  });
});

/** One answer set per result, the way a reader would give it. */
const CASES: Record<ResultId, Answers> = {
  'leftover-ipc-waiting': { version: '3.51', shown: 'computer', licences: 'no', autodisconnect: 15 },
  'licence-held': { version: '3.51', shown: 'computer', licences: 'yes', autodisconnect: 15 },
  'autodisconnect-off': { version: '3.5', shown: 'computer', licences: 'yes', autodisconnect: -1 },
  'autodisconnect-zero': { version: '3.51', shown: 'computer', licences: 'no', autodisconnect: 0 },
  'share-in-use': { version: '3.51', shown: 'user', licences: 'yes', files: 'yes' },
  'share-idle': { version: '4.0', shown: 'user', licences: 'no', files: 'unknown', autodisconnect: 10 },
  'nt4-not-this': { version: '4.0', shown: 'computer', licences: 'yes' },
  'licences-in-use': { version: '3.51', shown: 'nothing', licences: 'yes' },
  'nothing-to-fear': { version: '3.51', shown: 'nothing', licences: 'no' },
};

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

  it('licence-held: IPC$ row under the computer name and mlee refused with error 71 (3.5 and 3.51)', () => {
    for (const version of ['3.5', '3.51'] as const) {
      for (const minutes of [1, 15]) {
        const { view, state } = deepState({ ...CASES['licence-held'], version, autodisconnect: minutes });
        expect(state.config.version).toBe(version);
        expect(ipcRow(view)?.shownUser).toBe('WKS1');
        // NT 3.5 has no License Logging service and no per-server limit (DESIGN row 4, Q122925).
        if (version === '3.5') {
          expect(view.licenses).toMatchObject({ inUse: 0, service: 'absent' });
          continue;
        }
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
      const { view } = deepState(a);
      expect(view.now).toBeGreaterThanOrEqual(0);
      const d = resultDetails(step.result, a);
      const [path, hash] = d.resolution.href.split('#');
      expect(path).toBe('/kb/q153066/');
      expect(Object.keys(q153066Anchors)).toContain(hash);
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
    expect(d.explanation[2]).toContain('with autodisconnect off nothing removes it');
    expect(d.explanation[2]).toContain('until the server restarts');
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
    expect(heldActions[1]).toContain('leave autodisconnect at 1 minute');
    expect(resultDetails('licence-held', { ...held, autodisconnect: 15 }).actions[1]).toContain(
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
    const actor = createActor(troubleshooterMachine, { input: { answers } }).start();
    expect(stepOf(actor.getSnapshot().value)).toEqual({ result: 'licence-held' });
  });
});
