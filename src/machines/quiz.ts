import { nextAutodisconnect, simulate } from './simulate';
import type { ServerConfig, ServerView, SimEvent, TapeEntry } from './world';

/**
 * "Check your understanding" questions for the onboarding path. Each names a moment of a
 * simulation (configuration, tape, time) and derives its answer from the kernel's view of
 * that moment: nothing here states the right answer as a string.
 */
export interface QuizQuestion {
  id: string;
  prompt: string;
  config: ServerConfig;
  tape: TapeEntry[];
  at: number;
  /** The answer, as one of `choices`, read off the kernel's view. */
  derive: (view: ServerView, question: QuizQuestion) => string;
  choices: readonly string[];
  /** Why, in a sentence, once the reader has answered. */
  why: string;
  /** The article section that covers it. */
  anchor: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const connect = (computer: string, share: string, user?: string): SimEvent =>
  user === undefined
    ? { type: 'share.connect', computer, share }
    : { type: 'share.connect', computer, share, user };
const disconnect = (computer: string, share: string): SimEvent => ({
  type: 'share.disconnect',
  computer,
  share,
});

/** The article's afternoon: Administrator at jsmith's WKS1, CONNECT AS to TOOLS, then disconnect. */
const connectAs: TapeEntry[] = [
  { at: 0, event: connect('WKS1', 'TOOLS', 'Administrator') },
  { at: 2 * MINUTE, event: disconnect('WKS1', 'TOOLS') },
];

const NOTHING = 'Nothing is listed for WKS1';

function ipcUser(view: ServerView): string {
  const row = view.connections.find((c) => c.computer === 'WKS1' && c.share === 'IPC$');
  return row ? row.shownUser : NOTHING;
}

function wks1Listing(view: ServerView): string {
  const rows = view.connections.filter((c) => c.computer === 'WKS1');
  if (rows.length === 0) return NOTHING;
  return rows.map((c) => `${c.share} under ${c.shownUser}`).join(', ');
}

function outcomeFor(computer: string) {
  return (view: ServerView): string => {
    const last = [...view.log].reverse().find((e) => e.computer === computer);
    if (!last) return 'Nothing happens';
    return last.error === undefined ? 'Connected' : `Refused with error ${last.error}`;
  };
}

export const quiz: readonly QuizQuestion[] = [
  {
    id: 'shown-user',
    prompt:
      'NT Server 3.51. The administrator uses CONNECT AS at WKS1 (where jsmith is logged on) to reach TOOLS, then disconnects. What does Server Manager show as the user of the IPC$ connection that is left?',
    config: { version: '3.51' },
    tape: connectAs,
    at: 2 * MINUTE + 5 * SECOND,
    derive: ipcUser,
    choices: ['Administrator', 'jsmith', 'WKS1', NOTHING],
    why: 'Once the share is gone the IPC$ connection carries no account, so Server Manager can only name the computer.',
    anchor: 'info-computer-name',
  },
  {
    id: 'licences-351',
    prompt: 'Same server, same moment, License Logging service running. How many licences are in use?',
    config: { version: '3.51' },
    tape: connectAs,
    at: 2 * MINUTE + 5 * SECOND,
    derive: (view) => String(view.licenses.inUse),
    choices: ['0', '1', '2'],
    why: 'Licensing counts sessions, and the leftover IPC$ connection keeps WKS1’s session alive.',
    anchor: 'symptom-licence',
  },
  {
    id: 'nt4',
    prompt:
      'The same afternoon on NT Server 4.0. What does Server Manager list for WKS1 after the disconnect?',
    config: { version: '4.0' },
    tape: connectAs,
    at: 2 * MINUTE + 5 * SECOND,
    derive: wks1Listing,
    choices: ['IPC$ under WKS1', 'IPC$ under Administrator', 'TOOLS under Administrator', NOTHING],
    why: 'NT 4.0 drops IPC$ as soon as the user is validated, so disconnecting the share ends the session.',
    anchor: 'resolution-nt4',
  },
  {
    id: 'limit',
    prompt:
      'NT Server 3.51 with a per-server limit of 1 licence. Right after the administrator’s disconnect, mlee at WKS2 connects to PUBLIC. What happens?',
    config: { version: '3.51', licenseLimit: 1 },
    tape: [...connectAs, { at: 3 * MINUTE, event: connect('WKS2', 'PUBLIC') }],
    at: 3 * MINUTE,
    derive: outcomeFor('WKS2'),
    choices: ['Connected', 'Refused with error 5', 'Refused with error 71', 'Refused with error 1219'],
    why: 'The leftover session still holds the only licence, and mlee is not an administrator.',
    anchor: 'symptom-licence',
  },
  {
    id: 'no-credentials',
    prompt:
      'NT Server 3.51. After the administrator’s disconnect, jsmith at WKS1 tries to use TOOLS, the administrators-only share. What happens?',
    config: { version: '3.51' },
    tape: [...connectAs, { at: 3 * MINUTE, event: connect('WKS1', 'TOOLS') }],
    at: 3 * MINUTE,
    derive: outcomeFor('WKS1'),
    choices: ['Connected', 'Refused with error 5', 'Refused with error 71', 'Refused with error 1219'],
    why: 'The leftover connection has no credentials, so jsmith authenticates as jsmith, who may not read TOOLS.',
    anchor: 'info-no-credentials',
  },
  {
    id: 'when',
    prompt:
      'NT Server 3.51, autodisconnect at its default, and nobody touches WKS1 after the disconnect. How many minutes after the disconnect does the IPC$ connection go?',
    config: { version: '3.51' },
    tape: connectAs,
    at: 2 * MINUTE,
    derive: (_view, q) => {
      const due = nextAutodisconnect(q.config, q.tape, q.at);
      return due === null ? 'Never' : String(Math.round((due - q.at) / MINUTE));
    },
    choices: ['0', '5', '15', 'Never'],
    why: 'Autodisconnect drops a session once it has been idle for the set number of minutes; 15 unless changed.',
    anchor: 'symptom-autodisconnect',
  },
  {
    id: 'stop-logging',
    prompt:
      'NT Server 3.51 with the leftover IPC$ connection from WKS1. You stop the License Logging service. How many licences are in use now?',
    config: { version: '3.51' },
    tape: [...connectAs, { at: 3 * MINUTE, event: { type: 'licensing.stop' } }],
    at: 3 * MINUTE,
    derive: (view) => String(view.licenses.inUse),
    choices: ['0', '1', '2'],
    why: 'In LiveKB’s model nothing is counted while the service is stopped; the original article itself only calls stopping it an instant solution.',
    anchor: 'resolution-stop-logging',
  },
];

/** The kernel's answer to a question: the view at its moment, read by its derive function. */
export function kernelAnswer(q: QuizQuestion): string {
  return q.derive(simulate(q.config, q.tape, q.at), q);
}
