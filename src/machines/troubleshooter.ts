import { assign, setup } from 'xstate';
import { encode, type LinkState } from './link';
import { validateAutodisconnect } from './validate';
import { NT_VERSIONS, type NtVersion, type SimEvent, type TapeEntry } from './world';

/**
 * "Match my server": a short diagnosis for a reader who sees a leftover connection or an
 * exhausted licence count. The flow is an XState machine; what to ask next and which result
 * applies are pure functions of the answers, so the URL, the tests and the static fallback
 * all agree with the live island.
 */

export type Shown = 'user' | 'computer' | 'nothing';
export type YesNo = 'yes' | 'no';
export type FilesOpen = 'yes' | 'no' | 'unknown';

export interface Answers {
  version?: NtVersion;
  shown?: Shown;
  licences?: YesNo;
  files?: FilesOpen;
  /** Minutes, already validated: an integer from -1 to 65535. */
  autodisconnect?: number;
}

export type QuestionId = 'version' | 'shown' | 'licences' | 'files' | 'autodisconnect';

export const RESULT_IDS = [
  'leftover-ipc-waiting',
  'licence-held',
  'autodisconnect-off',
  'autodisconnect-zero',
  'share-in-use',
  'share-idle',
  'nt4-not-this',
  'licences-in-use',
  'nothing-to-fear',
] as const;
export type ResultId = (typeof RESULT_IDS)[number];

export const SHOWN_VALUES: readonly Shown[] = ['user', 'computer', 'nothing'];
export const YES_NO: readonly YesNo[] = ['yes', 'no'];
export const FILES_VALUES: readonly FilesOpen[] = ['yes', 'no', 'unknown'];

/** The questions in the order they are asked, with their choices as the island shows them. */
export const QUESTIONS: Record<
  QuestionId,
  { title: string; hint?: string; choices?: readonly { value: string; label: string }[] }
> = {
  version: {
    title: 'Which version of Windows NT Server holds the shares?',
    choices: [
      { value: '3.5', label: 'Windows NT Server 3.5' },
      { value: '3.51', label: 'Windows NT Server 3.51' },
      { value: '4.0', label: 'Windows NT Server 4.0' },
    ],
  },
  shown: {
    title: 'In Server Manager, what is listed as the user of the connection that worries you?',
    hint: 'Look at the connection from the client computer in question, for example under Shares.',
    choices: [
      { value: 'user', label: 'A user name (an account such as jsmith or Administrator)' },
      { value: 'computer', label: 'A computer name (such as WKS1) on an IPC$ connection' },
      { value: 'nothing', label: 'Nothing: that computer is not listed at all' },
    ],
  },
  licences: {
    title: 'Are the server’s licences used up, or do users get error 71 when they connect?',
    hint: 'Error 71 reads “The network request was not accepted”. Some clients report 1395 instead.',
    choices: [
      { value: 'yes', label: 'Yes: the licence count is at its limit or users get error 71' },
      { value: 'no', label: 'No: users connect normally' },
    ],
  },
  files: {
    title: 'Does that connection have files open?',
    hint: 'Server Manager shows how many files each connection has open.',
    choices: [
      { value: 'yes', label: 'Yes, one or more files are open' },
      { value: 'no', label: 'No, nothing is open' },
      { value: 'unknown', label: 'I don’t know' },
    ],
  },
  autodisconnect: {
    title: 'What is the server’s autodisconnect value, in minutes?',
    hint: 'The Autodisconnect registry value under HKLM\\System\\CurrentControlSet\\Services\\LanmanServer\\Parameters, or what net config server reports. 15 is the default; -1 means never.',
  },
};

const isOld = (v: NtVersion | undefined) => v === '3.5' || v === '3.51';

/** The next thing to show for these answers: a question still to ask, or the result. */
export function nextStep(a: Answers): { question: QuestionId } | { result: ResultId } {
  if (a.version === undefined) return { question: 'version' };
  if (a.shown === undefined) return { question: 'shown' };
  if (a.licences === undefined) return { question: 'licences' };
  if (a.shown === 'nothing') return { result: a.licences === 'yes' ? 'licences-in-use' : 'nothing-to-fear' };
  if (a.shown === 'computer' && !isOld(a.version)) return { result: 'nt4-not-this' };
  if (a.shown === 'user') {
    if (a.files === undefined) return { question: 'files' };
    if (a.files === 'yes') return { result: 'share-in-use' };
    if (a.autodisconnect === undefined) return { question: 'autodisconnect' };
    return { result: 'share-idle' };
  }
  // A computer name on NT 3.5 or 3.51: the article's leftover IPC$ connection.
  if (a.autodisconnect === undefined) return { question: 'autodisconnect' };
  if (a.autodisconnect < 0) return { result: 'autodisconnect-off' };
  if (a.autodisconnect === 0) return { result: 'autodisconnect-zero' };
  return { result: a.licences === 'yes' ? 'licence-held' : 'leftover-ipc-waiting' };
}

/** The result for complete answers, or null while a question is still open. */
export function resultFor(a: Answers): ResultId | null {
  const step = nextStep(a);
  return 'result' in step ? step.result : null;
}

/** The questions these answers lead through, in order (answered ones and the current one). */
export function questionsFor(a: Answers): QuestionId[] {
  const asked: QuestionId[] = [];
  const partial: Answers = {};
  for (;;) {
    const step = nextStep(partial);
    if ('result' in step) return asked;
    asked.push(step.question);
    if (a[step.question] === undefined) return asked;
    (partial as Record<string, unknown>)[step.question] = a[step.question];
  }
}

/** Keeps only the answers to questions that the flow actually asks, in order. */
export function relevantAnswers(a: Answers): Answers {
  const kept: Answers = {};
  for (const q of questionsFor(a)) {
    if (a[q] !== undefined) (kept as Record<string, unknown>)[q] = a[q];
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// The URL: ?v=3.51&shown=computer&lic=yes&files=no&ad=15

const PARAMS: Record<QuestionId, string> = {
  version: 'v',
  shown: 'shown',
  licences: 'lic',
  files: 'files',
  autodisconnect: 'ad',
};

export function answersToQuery(a: Answers): string {
  const params = new URLSearchParams();
  for (const q of questionsFor(a)) {
    const value = a[q];
    if (value !== undefined) params.set(PARAMS[q], String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type QueryAnswers = { answers: Answers; notice: string | null };

/**
 * Reads answers back from a query string. Anything it cannot use (an unknown value, an
 * answer to a question the flow would not ask) starts the reader from scratch with a notice.
 */
export function answersFromQuery(search: string | URLSearchParams): QueryAnswers {
  let params: URLSearchParams;
  try {
    params = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return {
      answers: {},
      notice: 'This link’s answers could not be read, so the troubleshooter starts afresh.',
    };
  }
  const present = (Object.keys(PARAMS) as QuestionId[]).filter((q) => params.has(PARAMS[q]));
  if (present.length === 0) return { answers: {}, notice: null };
  const a: Answers = {};
  const bad = (what: string): QueryAnswers => ({
    answers: {},
    notice: `This link’s answers could not be used (${what}), so the troubleshooter starts afresh.`,
  });
  const get = (q: QuestionId) => params.get(PARAMS[q]);
  const v = get('version');
  if (v !== null) {
    if (!(NT_VERSIONS as readonly string[]).includes(v)) return bad(`unknown version “${v}”`);
    a.version = v as NtVersion;
  }
  const shown = get('shown');
  if (shown !== null) {
    if (!(SHOWN_VALUES as readonly string[]).includes(shown)) return bad(`unknown answer “${shown}”`);
    a.shown = shown as Shown;
  }
  const lic = get('licences');
  if (lic !== null) {
    if (!(YES_NO as readonly string[]).includes(lic)) return bad(`unknown answer “${lic}”`);
    a.licences = lic as YesNo;
  }
  const files = get('files');
  if (files !== null) {
    if (!(FILES_VALUES as readonly string[]).includes(files)) return bad(`unknown answer “${files}”`);
    a.files = files as FilesOpen;
  }
  const ad = get('autodisconnect');
  if (ad !== null) {
    const check = validateAutodisconnect(ad);
    if (!check.ok) return bad(`autodisconnect: ${check.reason}`);
    a.autodisconnect = check.minutes;
  }
  const kept = relevantAnswers(a);
  if (Object.keys(kept).length !== present.length) {
    return bad('it answers questions that do not follow from its other answers');
  }
  return { answers: kept, notice: null };
}

// ---------------------------------------------------------------------------------------------
// Results: what they say, where they point, and the simulation that reproduces them

export const ARTICLE = '/kb/q153066/';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface ResultLink {
  href: string;
  label: string;
}

export interface ResultDetails {
  id: ResultId;
  title: string;
  explanation: string[];
  /** The part of the article's Resolution (or More information) that applies. */
  resolution: ResultLink;
  /** Numbered things to do, most urgent first. */
  actions: string[];
  simulation: ResultLink & { state: LinkState; island: 'play' | 'compare' };
}

function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** What an autodisconnect value of 0 does: it is not "off", and it is not a wait of 0 minutes. */
const ZERO_TEXT = 'drops idle sessions within seconds';

function versionText(v: NtVersion | undefined): string {
  return `Windows NT Server ${v ?? '3.51'}`;
}

const connect = (computer: string, share: string, user?: string): SimEvent =>
  user === undefined
    ? { type: 'share.connect', computer, share }
    : { type: 'share.connect', computer, share, user };

/**
 * A simulation state that reproduces the reader's situation. The article's case is the
 * administrator's CONNECT AS from WKS1 to TOOLS; a user name shown is jsmith using PUBLIC;
 * licences used up are a limit of 1 and mlee, at WKS2, turned away.
 */
export function simulationFor(a: Answers): { state: LinkState; island: 'play' | 'compare' } {
  const result = resultFor(a);
  const version = a.version ?? '3.51';
  const minutes = a.autodisconnect ?? 15;
  const tape: TapeEntry[] = [];
  const exhausted = a.licences === 'yes';
  let at: number;
  let island: 'play' | 'compare' = 'play';
  if (a.shown === 'user') {
    tape.push({ at: 0, event: connect('WKS1', 'PUBLIC') });
    if (a.files === 'yes') {
      tape.push({ at: 10 * SECOND, event: { type: 'file.open', computer: 'WKS1', share: 'PUBLIC' } });
      // Long past the default autodisconnect time, and the connection is still there.
      at = 20 * MINUTE;
    } else {
      at = 20 * SECOND;
    }
    if (exhausted) tape.push({ at, event: connect('WKS2', 'PUBLIC') });
  } else if (a.shown === 'computer') {
    tape.push({ at: 0, event: connect('WKS1', 'TOOLS', 'Administrator') });
    tape.push({ at: 30 * SECOND, event: { type: 'share.disconnect', computer: 'WKS1', share: 'TOOLS' } });
    if (result === 'nt4-not-this') island = 'compare';
    if (result === 'autodisconnect-zero') {
      at = 30 * SECOND;
    } else if (result === 'autodisconnect-off') {
      // A whole day later, the leftover is still listed.
      at = 24 * HOUR;
    } else {
      at = 40 * SECOND;
    }
    if (exhausted && result !== 'autodisconnect-zero') {
      tape.push({ at, event: connect('WKS2', 'PUBLIC') });
    }
  } else if (exhausted) {
    // Nothing left over: the licence is taken by a session really in use.
    tape.push({ at: 0, event: connect('WKS1', 'PUBLIC') });
    at = 20 * SECOND;
    tape.push({ at, event: connect('WKS2', 'PUBLIC') });
  } else {
    // The article's case, long enough after the disconnect that nothing is left (on 3.5/3.51
    // autodisconnect has run; on 4.0 there was nothing to remove).
    tape.push({ at: 0, event: connect('WKS1', 'TOOLS', 'Administrator') });
    tape.push({ at: 30 * SECOND, event: { type: 'share.disconnect', computer: 'WKS1', share: 'TOOLS' } });
    at = 30 * SECOND + 16 * MINUTE;
  }
  const config: LinkState['config'] = { version: island === 'compare' ? '3.51' : version };
  if (a.autodisconnect !== undefined) config.autodisconnectMinutes = minutes;
  if (exhausted) config.licenseLimit = 1;
  return { state: { config, tape, at }, island };
}

/** The deep link into the article's simulation at the reader's state. */
export function deepLinkFor(a: Answers): string {
  const { state, island } = simulationFor(a);
  return `${ARTICLE}?${island}=${encodeURIComponent(encode(state))}#${island}`;
}

const anchor = (id: string, label: string): ResultLink => ({ href: `${ARTICLE}#${id}`, label });

/** License Manager and the License Logging service arrived with NT Server 3.51 (KB 824196). */
export const NT35_LICENSING_NOTE =
  'A note for NT Server 3.5: License Manager and the License Logging service first shipped with 3.51. The original article lists 3.5 as affected and LiveKB models it like 3.51; where this result says to stop the License Logging service, a 3.5 server has none to stop, so rely on autodisconnect or the upgrade.';

export function resultDetails(id: ResultId, a: Answers): ResultDetails {
  const details = describeResult(id, a);
  const text = [...details.explanation, ...details.actions].join(' ');
  if (a.version === '3.5' && text.includes('License Logging')) {
    return { ...details, explanation: [...details.explanation, NT35_LICENSING_NOTE] };
  }
  return details;
}

function describeResult(id: ResultId, a: Answers): ResultDetails {
  const v = versionText(a.version);
  const n = a.autodisconnect ?? 15;
  const sim = simulationFor(a);
  const simulation = {
    ...sim,
    href: deepLinkFor(a),
    label:
      sim.island === 'compare'
        ? 'Open the NT 3.51 and NT 4.0 side-by-side simulation at this state'
        : 'Open the simulation at this state',
  };
  const licenceNote =
    a.licences === 'yes'
      ? 'Because your licences are used up, this session is also one of the sessions that keep the next user out with error 71.'
      : null;
  switch (id) {
    case 'leftover-ipc-waiting':
      return {
        id,
        title: 'A harmless leftover IPC$ connection that will go by itself',
        explanation: [
          `This is the case the article describes. On ${v} the IPC$ connection outlives the share it came with, and once the share is gone Server Manager lists it under the computer’s name.`,
          'It carries no account, so whoever uses that computer next has to authenticate with their own credentials: it is not a security risk.',
          `It holds one licence until autodisconnect drops it: ${minutesText(n)} after the computer’s last request to the server, provided the computer sends nothing else in the meantime.`,
        ],
        resolution: anchor(
          'symptom-autodisconnect',
          'Article: autodisconnect removes the leftover connection',
        ),
        actions: [
          `Nothing is required: wait ${minutesText(n)} of idle time.`,
          n === 1
            ? `If you need the licence back sooner, stop the License Logging service: 1 minute is already the shortest autodisconnect time (0 ${ZERO_TEXT}).`
            : 'If you need the licence back sooner, lower the autodisconnect value or stop the License Logging service.',
        ],
        simulation,
      };
    case 'licence-held':
      return {
        id,
        title: 'A leftover IPC$ connection is holding a licence someone needs',
        explanation: [
          `On ${v} the IPC$ connection stays after the share is disconnected, and licensing counts its session. With every licence taken, the next user who is not an administrator is refused with error 71.`,
          `Autodisconnect will free it after ${minutesText(n)} of idle time, but users are waiting now.`,
          'The connection itself carries no credentials, so there is no security problem to fix, only the licence.',
        ],
        resolution: anchor('resolution-stop-logging', 'Article Resolution: stop the License Logging service'),
        actions: [
          'Now: stop the License Logging service (Control Panel, Services). The original article calls this an instant solution; LiveKB models it as nothing counted or refused while the service is stopped.',
          n === 1
            ? `Soon: leave autodisconnect at 1 minute, already the shortest time (0 ${ZERO_TEXT}); if licences stay short, add licences.`
            : `Soon: lower the autodisconnect value from ${minutesText(n)} so idle sessions give their licence back sooner (avoid 0, which ${ZERO_TEXT}).`,
          'Later: plan the move to Windows NT 4.0, which drops IPC$ right after the user is validated.',
        ],
        simulation,
      };
    case 'autodisconnect-off':
      return {
        id,
        title: 'Autodisconnect is off, so the leftover IPC$ connection never goes',
        explanation: [
          `On ${v} the IPC$ connection listed under the computer’s name is the article’s leftover connection. It normally goes when autodisconnect drops the idle session, but -1 turns autodisconnect off.`,
          'It keeps its session and its licence until the server restarts or the computer disconnects for another reason.',
          ...(licenceNote ? [licenceNote] : []),
        ],
        resolution: anchor('resolution', 'Article: Resolution'),
        actions: [
          'Set autodisconnect to a number of minutes (15 is the default), preferably with the registry value: net config server can switch off the server’s autotuning.',
          a.licences === 'yes'
            ? 'Stop the License Logging service now to let waiting users in.'
            : 'If licences run short before then, stop the License Logging service.',
          'Plan the move to Windows NT 4.0, which does not leave IPC$ behind.',
        ],
        simulation,
      };
    case 'autodisconnect-zero':
      return {
        id,
        title: 'Autodisconnect is 0: an idle leftover would already be gone',
        explanation: [
          'A value of 0 does not turn autodisconnect off. It makes the server drop an idle session within seconds, IPC$ included.',
          'If the computer’s IPC$ connection is still listed after a minute or two, the session is not idle: something at that computer keeps sending requests to the server, and every request resets the idle time.',
          'Also check that you read the value on the server that holds the shares, not on the client.',
        ],
        resolution: anchor('resolution', 'Article: Resolution, option 1 (and its warning about 0)'),
        actions: [
          'Find what keeps the session busy at that computer (a program or service there that keeps contacting the server).',
          'Set autodisconnect back to a number of minutes: 0 cuts off idle sessions that users expect to keep.',
        ],
        simulation,
      };
    case 'share-in-use':
      return {
        id,
        title: 'A connection in real use, kept alive by open files',
        explanation: [
          'A user name means the session still carries that account and at least one share is connected: this is not the leftover connection the article is about.',
          'Autodisconnect never drops a session while a file is open, however long it goes without requests. Once the files are closed, the session goes when the share is disconnected or after the autodisconnect time with no requests (on NT 3.5 and 3.51 a disconnect leaves IPC$ behind until then).',
          ...(licenceNote ? [licenceNote] : []),
        ],
        resolution: anchor(
          'info-user-shown',
          'Article: the user’s name is shown while the share is connected',
        ),
        actions: [
          'Ask the user to close the files and disconnect the share, or close them from Server Manager if you must.',
          ...(a.licences === 'yes'
            ? ['If users are waiting for a licence, stop the License Logging service or add licences.']
            : []),
        ],
        simulation,
      };
    case 'share-idle': {
      const old = isOld(a.version);
      // NT 4.0 keeps no IPC$ connection after validating the user, so only 3.5 and 3.51 have one to drop.
      const together = old ? 'share and IPC$ together' : 'share included';
      const filesCaveat =
        a.files === 'unknown'
          ? ' That is true only if no files are open: check the open-file count in Server Manager, because as long as a file is open, autodisconnect leaves the session alone.'
          : '';
      const idle =
        n < 0
          ? 'Autodisconnect is off (-1), so idle time never ends this session: the share stays connected until the user disconnects it.'
          : n === 0
            ? `Autodisconnect is 0, which does not turn it off: the server drops an idle session within seconds, ${together}. If this session is still listed after a minute or two, ${a.files === 'unknown' ? 'either it has a file open (check the open-file count in Server Manager: as long as a file is open, autodisconnect leaves the session alone) or it is not idle' : 'it is not idle'}: something at that computer keeps sending requests to the server, and every request resets the idle time.`
            : `If the computer sends nothing for ${minutesText(n)}, autodisconnect drops the whole session, ${together}.${filesCaveat}`;
      const afterDisconnect = !old
        ? `On ${v}, disconnecting the share ends the session: nothing is left behind.`
        : n < 0
          ? `On ${v}, when the user disconnects the share, an IPC$ connection stays behind under the computer’s name, and with autodisconnect off nothing removes it: it keeps its session and its licence until the server restarts or the computer disconnects for another reason.`
          : n === 0
            ? `On ${v}, when the user disconnects the share, an IPC$ connection stays behind under the computer’s name until autodisconnect removes it, which with 0 takes only seconds once the computer is idle.`
            : `On ${v}, when the user disconnects the share, an IPC$ connection stays behind under the computer’s name until autodisconnect removes it.`;
      return {
        id,
        title: 'A share still connected under a user’s account',
        explanation: [
          'A user name means the session still carries that account and a share is still connected: this is not yet the leftover connection the article is about.',
          idle,
          afterDisconnect,
          ...(licenceNote ? [licenceNote] : []),
        ],
        resolution: anchor(
          'info-user-shown',
          'Article: the user’s name is shown while the share is connected',
        ),
        actions: [
          ...(n < 0
            ? ['Set autodisconnect to a number of minutes so idle sessions are dropped.']
            : n === 0
              ? [
                  'If the session stays listed, find what keeps it busy at that computer (open files, or a program or service there that keeps contacting the server), or ask the user to disconnect.',
                  'Set autodisconnect back to a number of minutes: 0 cuts off idle sessions that users expect to keep.',
                ]
              : [`Nothing is required: wait ${minutesText(n)} of idle time, or ask the user to disconnect.`]),
          ...(a.licences === 'yes'
            ? ['If users are waiting for a licence, stop the License Logging service or add licences.']
            : []),
        ],
        simulation,
      };
    }
    case 'nt4-not-this':
      return {
        id,
        title: 'Not this article’s problem: NT 4.0 does not leave IPC$ behind',
        explanation: [
          'Windows NT 4.0 uses the IPC$ connection only while it validates the user and drops it as soon as validation is done, so the leftover connection the article describes does not happen there.',
          'A computer-name entry on 4.0 has a cause this article does not cover; the session’s open files and named pipes in Server Manager are the place to start.',
          a.licences === 'yes'
            ? 'Licences that are used up on 4.0 are held by sessions in real use; count the computers listed in Server Manager.'
            : 'Compare the two versions side by side to see the difference on one clock.',
        ],
        resolution: anchor('resolution-nt4', 'Article Resolution: NT 4.0 drops IPC$ after validation'),
        actions: [
          'Look at the named pipes and open files of that computer’s session in Server Manager.',
          ...(a.licences === 'yes'
            ? ['Add licences, or consider per-seat licensing, if real sessions exceed the limit.']
            : []),
        ],
        simulation,
      };
    case 'licences-in-use':
      return {
        id,
        title: 'Licences used up by sessions in real use',
        explanation: [
          'No leftover connection is listed for that computer, so the licences are taken by other sessions.',
          'Per-server licensing counts sessions, not shares: one computer using several shares takes one licence, and one user working at two computers takes two. An administrator is still let in at the limit, and counted.',
          isOld(a.version)
            ? `Leftover IPC$ connections from other computers count too on ${v}: look for entries listed under a computer’s name.`
            : `On ${v} no IPC$ connection is left behind, so every counted session is in use.`,
        ],
        resolution: anchor('more-information', 'Article: More information, on per-server licensing'),
        actions: [
          'Count the sessions listed in Server Manager against the licence limit.',
          'For immediate relief, stop the License Logging service; for the long run, add licences.',
        ],
        simulation,
      };
    case 'nothing-to-fear':
      return {
        id,
        title: 'Nothing to fear',
        explanation: [
          'Nothing is listed for that computer and users connect normally: no session remains and no licence is held.',
          isOld(a.version)
            ? `On ${v} a leftover IPC$ connection would have shown the computer’s name until autodisconnect removed it; it is already gone.`
            : `On ${v} the server lets go of IPC$ once it has checked the user, so nothing is left behind.`,
          'Even while a leftover IPC$ connection is listed, it carries no credentials and gives nobody access.',
        ],
        resolution: anchor('info-no-credentials', 'Article: the leftover connection carries no credentials'),
        actions: ['Nothing to do.'],
        simulation,
      };
  }
}

const ANSWER_TEXT: Record<QuestionId, (a: Answers) => string> = {
  version: (a) => `Windows NT Server ${a.version}`,
  shown: (a) =>
    ({ user: 'a user name', computer: 'a computer name (IPC$)', nothing: 'nothing listed' })[
      a.shown ?? 'nothing'
    ],
  licences: (a) => (a.licences === 'yes' ? 'yes, used up / error 71' : 'no'),
  files: (a) => ({ yes: 'yes', no: 'no', unknown: 'don’t know' })[a.files ?? 'unknown'],
  autodisconnect: (a) =>
    a.autodisconnect === -1
      ? '-1 (never)'
      : a.autodisconnect === 0
        ? `0 (${ZERO_TEXT})`
        : minutesText(a.autodisconnect ?? 15),
};

const ANSWER_LABEL: Record<QuestionId, string> = {
  version: 'Version',
  shown: 'Server Manager shows',
  licences: 'Licences used up or error 71',
  files: 'Files open',
  autodisconnect: 'Autodisconnect',
};

/** A plain-text summary for a support ticket; `origin` makes the links absolute. */
export function summaryText(a: Answers, result: ResultId, origin = 'https://livekb.example'): string {
  const d = resultDetails(result, a);
  const lines = [
    `LiveKB troubleshooter (KB Q153066): ${d.title}`,
    `Result: ${result}`,
    '',
    'What I see:',
    ...questionsFor(a)
      .filter((q) => a[q] !== undefined)
      .map((q) => `- ${ANSWER_LABEL[q]}: ${ANSWER_TEXT[q](a)}`),
    '',
    'Why:',
    ...d.explanation.map((p) => `- ${p}`),
    '',
    'What to do:',
    ...d.actions.map((p, i) => `${i + 1}. ${p}`),
    '',
    `Article section: ${origin}${d.resolution.href}`,
    `Simulation at this state: ${origin}${d.simulation.href}`,
    `These answers: ${origin}/troubleshooter/${answersToQuery(a)}`,
  ];
  return lines.join('\n');
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
  | { type: 'answer.version'; value: string }
  | { type: 'answer.shown'; value: string }
  | { type: 'answer.licences'; value: string }
  | { type: 'answer.files'; value: string }
  | { type: 'answer.autodisconnect'; value: string | number }
  | { type: 'answers.load'; answers: Answers; notice?: string | null }
  /** The reader moved through the browser's history: show the step these answers lead to. */
  | { type: 'answers.restore'; answers: Answers; notice?: string | null }
  | { type: 'nav.back' }
  | { type: 'nav.restart' };

const CHOICES: Record<Exclude<QuestionId, 'autodisconnect'>, readonly string[]> = {
  version: NT_VERSIONS,
  shown: SHOWN_VALUES,
  licences: YES_NO,
  files: FILES_VALUES,
};

function check(
  q: QuestionId,
  value: unknown,
): { ok: true; value: string | number } | { ok: false; reason: string } {
  if (q === 'autodisconnect') {
    const c = validateAutodisconnect(value as string | number);
    return c.ok ? { ok: true, value: c.minutes } : c;
  }
  if (typeof value === 'string' && CHOICES[q].includes(value)) return { ok: true, value };
  return { ok: false, reason: 'Choose one of the answers.' };
}

type AnswerEvent = Extract<TroubleshooterEvent, { type: `answer.${string}` }>;

function stepIs(context: TroubleshooterContext, target: QuestionId | ResultId): boolean {
  const step = nextStep(context.answers);
  return 'result' in step ? step.result === target : step.question === target;
}

const answerState = (q: QuestionId) => ({
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

const resultStates = Object.fromEntries(RESULT_IDS.map((id) => [id, { type: 'final' as const }])) as Record<
  ResultId,
  { type: 'final' }
>;

export const troubleshooterMachine = setup({
  types: {
    context: {} as TroubleshooterContext,
    events: {} as TroubleshooterEvent,
    input: {} as TroubleshooterInput,
  },
  guards: {
    stepIs: ({ context }, params: { step: QuestionId | ResultId }) => stepIs(context, params.step),
    validAnswer: ({ event }, params: { question: QuestionId }) =>
      check(params.question, (event as AnswerEvent).value).ok,
    canGoBack: ({ context }) => Object.keys(context.answers).length > 0,
  },
  actions: {
    record: assign(({ context, event }, params: { question: QuestionId }) => {
      const c = check(params.question, (event as AnswerEvent).value);
      if (!c.ok) return {};
      const answers = relevantAnswers({ ...context.answers, [params.question]: c.value });
      const draft = { ...context.draft };
      delete draft[params.question];
      return { answers, draft, error: null, notice: null };
    }),
    refuse: assign(({ event }, params: { question: QuestionId }) => {
      const c = check(params.question, (event as AnswerEvent).value);
      return { error: c.ok ? null : c.reason };
    }),
    back: assign(({ context }) => {
      const asked = questionsFor(context.answers).filter((q) => context.answers[q] !== undefined);
      const last = asked[asked.length - 1];
      if (last === undefined) return {};
      const answers = { ...context.answers };
      const draft: Answers = { ...context.draft, [last]: answers[last] };
      delete answers[last];
      return { answers, draft, error: null, notice: null };
    }),
    restart: assign({ answers: {}, draft: {}, error: null, notice: null }),
    load: assign(({ event }) => {
      const e = event as Extract<TroubleshooterEvent, { type: 'answers.load' }>;
      return { answers: relevantAnswers(e.answers), draft: {}, error: null, notice: e.notice ?? null };
    }),
    /** Like Back, answers given beyond the restored ones are offered again as the default choice. */
    restore: assign(({ context, event }) => {
      const e = event as Extract<TroubleshooterEvent, { type: 'answers.restore' }>;
      const answers = relevantAnswers(e.answers);
      const draft: Answers = { ...context.draft, ...context.answers };
      for (const q of Object.keys(answers) as QuestionId[]) delete draft[q];
      return { answers, draft, error: null, notice: e.notice ?? null };
    }),
  },
}).createMachine({
  id: 'troubleshooter',
  context: ({ input }) => ({
    answers: relevantAnswers(input?.answers ?? {}),
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
        ...(['version', 'shown', 'licences', 'files', 'autodisconnect'] as const).map((q) => ({
          guard: { type: 'stepIs' as const, params: { step: q } },
          target: `question.${q}`,
        })),
        ...RESULT_IDS.map((id) => ({
          guard: { type: 'stepIs' as const, params: { step: id } },
          target: `result.${id}`,
        })),
      ],
    },
    question: {
      initial: 'version',
      states: {
        version: answerState('version'),
        shown: answerState('shown'),
        licences: answerState('licences'),
        files: answerState('files'),
        autodisconnect: answerState('autodisconnect'),
      },
    },
    result: {
      initial: 'nothing-to-fear',
      states: resultStates,
    },
  },
});

/** What the snapshot is showing: the question being asked or the result reached. */
export function stepOf(value: unknown): { question: QuestionId } | { result: ResultId } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, string>;
  if (typeof v.question === 'string') return { question: v.question as QuestionId };
  if (typeof v.result === 'string') return { result: v.result as ResultId };
  return null;
}
