import { simulate } from './simulate';
import type { NtVersion, ServerConfig, ServerView, SimEvent, TapeEntry } from './world';

const MIN = 60_000;
const SEC = 1_000;

export type ScenarioId = 'connect-as' | 'licence-blocks' | 'same-computer';

export interface ScenarioStep {
  at: number;
  /** Absent for a step that only lets time pass. */
  event?: SimEvent;
  /** What happens on NT 3.51 (3.5 behaves the same). */
  narration: string;
  /** Id of the article passage the step demonstrates. */
  anchor: string;
  /** What is different on NT 4.0, when something is. */
  nt4Note?: string;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  summary: string;
  config: Omit<ServerConfig, 'version'>;
  steps: ScenarioStep[];
  /** The time the scenario runs to. */
  endAt: number;
}

export const scenarios: Record<ScenarioId, Scenario> = {
  'connect-as': {
    id: 'connect-as',
    title: 'An administrator borrows a user’s computer',
    summary:
      'jsmith is logged on at WKS1. An administrator uses CONNECT AS to reach TOOLS, copies a file and disconnects. On 3.51 an IPC$ connection outlives the share and keeps a licence until autodisconnect.',
    config: { autodisconnectMinutes: 15, licenseLimit: 5, licenseLogging: true },
    steps: [
      {
        at: 0,
        event: { type: 'share.connect', computer: 'WKS1', share: 'TOOLS', user: 'Administrator' },
        narration:
          'At WKS1, where jsmith is logged on, the administrator maps \\\\NTSERVER\\TOOLS with CONNECT AS Administrator. WKS1 had no session, so the server opens one: IPC$ and TOOLS, one licence.',
        anchor: 'symptom-connect-as',
        nt4Note:
          'On 4.0 the server checks the credentials over IPC$ and closes it straight away: only TOOLS is listed.',
      },
      {
        at: 30 * SEC,
        event: { type: 'file.open', computer: 'WKS1', share: 'TOOLS' },
        narration: 'The administrator opens a file on TOOLS to copy it. An open file keeps the session busy.',
        anchor: 'symptom-connect-as',
      },
      {
        at: 90 * SEC,
        event: { type: 'file.close', computer: 'WKS1', share: 'TOOLS' },
        narration: 'The copy is done and the file is closed. From now on the session can count as idle.',
        anchor: 'symptom-connect-as',
      },
      {
        at: 2 * MIN,
        event: { type: 'share.disconnect', computer: 'WKS1', share: 'TOOLS' },
        narration:
          'The administrator disconnects TOOLS. IPC$ is still listed in Server Manager, now under the name WKS1 and with no account behind it.',
        anchor: 'symptom-ipc-remains',
        nt4Note: 'On 4.0 TOOLS was the last connection, so the session ends and the licence is free at once.',
      },
      {
        at: 10 * MIN,
        narration:
          'Eight minutes later nothing has happened at WKS1, yet the leftover IPC$ connection still counts against the licence limit.',
        anchor: 'symptom-licence',
        nt4Note: 'On 4.0 there is nothing left to count.',
      },
      {
        at: 17 * MIN,
        narration:
          'Fifteen idle minutes after the disconnect, autodisconnect drops the session, IPC$ included, and the licence is released.',
        anchor: 'symptom-autodisconnect',
        nt4Note: 'On 4.0 this moment passes without anything to drop.',
      },
    ],
    endAt: 17 * MIN,
  },
  'licence-blocks': {
    id: 'licence-blocks',
    title: 'A leftover IPC$ connection uses up the last licence',
    summary:
      'The server has one per-server licence. The session kept open by WKS1’s leftover IPC$ connection keeps mlee at WKS2 out until autodisconnect; an administrator still gets in.',
    config: { autodisconnectMinutes: 15, licenseLimit: 1, licenseLogging: true },
    steps: [
      {
        at: 0,
        event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' },
        narration: 'jsmith at WKS1 maps PUBLIC. That session takes the only licence: 1 of 1 in use.',
        anchor: 'symptom-licence',
      },
      {
        at: MIN,
        event: { type: 'share.disconnect', computer: 'WKS1', share: 'PUBLIC' },
        narration: 'jsmith disconnects PUBLIC, but IPC$ stays behind and keeps the licence.',
        anchor: 'symptom-ipc-remains',
        nt4Note: 'On 4.0 the session ends here and the licence is free again.',
      },
      {
        at: 2 * MIN,
        event: { type: 'share.connect', computer: 'WKS2', share: 'PUBLIC' },
        narration:
          'mlee at WKS2 needs a new session, but no licence is left. The request is refused with error 71.',
        anchor: 'symptom-licence',
        nt4Note: 'On 4.0 a licence is free, so mlee connects.',
      },
      {
        at: 3 * MIN,
        event: { type: 'share.connect', computer: 'WKS2', share: 'TOOLS', user: 'Administrator' },
        narration:
          'An administrator tries from WKS2 with CONNECT AS. Administrators are let in over the limit, and counted: 2 of 1 in use.',
        anchor: 'symptom-licence',
        nt4Note:
          'On 4.0 WKS2 already has a session carrying mlee’s credentials, so a second account from the same computer is refused with error 1219.',
      },
      {
        at: 4 * MIN,
        event: { type: 'share.disconnect', computer: 'WKS2', share: 'TOOLS' },
        narration: 'The administrator disconnects. WKS2 now has a leftover IPC$ connection of its own.',
        anchor: 'symptom-ipc-remains',
        nt4Note: 'On 4.0 there is no TOOLS connection to disconnect; the request is refused.',
      },
      {
        at: 16 * MIN,
        narration: 'Autodisconnect drops WKS1’s idle IPC$ session and gives its licence back.',
        anchor: 'symptom-autodisconnect',
      },
      {
        at: 19 * MIN,
        narration: 'WKS2’s leftover session goes the same way. No licence is in use now.',
        anchor: 'symptom-autodisconnect',
        nt4Note: 'On 4.0 mlee’s idle session is dropped now.',
      },
      {
        at: 20 * MIN,
        event: { type: 'share.connect', computer: 'WKS2', share: 'PUBLIC' },
        narration:
          'mlee tries again and gets in. Stopping the License Logging service would have let mlee in at once.',
        anchor: 'resolution-stop-logging',
      },
    ],
    endAt: 20 * MIN,
  },
  'same-computer': {
    id: 'same-computer',
    title: 'The user at the same computer cannot use the administrator’s connection',
    summary:
      'After the administrator disconnects at WKS1, jsmith at the same computer tries TOOLS. The leftover IPC$ connection carries no credentials, so jsmith is checked as jsmith and refused.',
    config: { autodisconnectMinutes: 15, licenseLimit: 5, licenseLogging: true },
    steps: [
      {
        at: 0,
        event: { type: 'share.connect', computer: 'WKS1', share: 'TOOLS', user: 'Administrator' },
        narration:
          'The administrator maps TOOLS from WKS1 with CONNECT AS. Server Manager shows Administrator.',
        anchor: 'info-user-shown',
        nt4Note: 'On 4.0 only TOOLS is listed.',
      },
      {
        at: 2 * MIN,
        event: { type: 'share.disconnect', computer: 'WKS1', share: 'TOOLS' },
        narration:
          'The administrator disconnects. The remaining IPC$ connection is shown as WKS1, with no account.',
        anchor: 'info-computer-name',
        nt4Note: 'On 4.0 the session is gone.',
      },
      {
        at: 3 * MIN,
        event: { type: 'share.connect', computer: 'WKS1', share: 'TOOLS' },
        narration:
          'jsmith, still logged on at WKS1, tries TOOLS. The server checks credentials again and receives jsmith’s. jsmith may not read TOOLS: error 5, and nothing is added.',
        anchor: 'info-no-credentials',
      },
      {
        at: 4 * MIN,
        event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' },
        narration:
          'jsmith maps PUBLIC instead. It works, and the session now carries jsmith, not Administrator.',
        anchor: 'more-information',
      },
    ],
    endAt: 4 * MIN,
  },
};

/** The scenario's events as a tape (steps that only let time pass are skipped). */
export function scenarioTape(scenario: Scenario): TapeEntry[] {
  const tape: TapeEntry[] = [];
  for (const step of scenario.steps) {
    if (step.event) tape.push({ at: step.at, event: step.event });
  }
  return tape;
}

export interface TranscriptRow {
  at: number;
  step: ScenarioStep;
  /** Keyed by version: the server at the step's time, after the step's event. */
  views: Record<string, ServerView>;
}

/** One row per step with each version's view, for the static transcript. */
export function transcript(scenario: Scenario, versions: NtVersion[] = ['3.51', '4.0']): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  const tape: TapeEntry[] = [];
  for (const step of scenario.steps) {
    if (step.event) tape.push({ at: step.at, event: step.event });
    const views: Record<string, ServerView> = {};
    for (const version of versions) {
      views[version] = simulate({ ...scenario.config, version }, tape, step.at);
    }
    rows.push({ at: step.at, step, views });
  }
  return rows;
}

/** Every scenario as a loadable starting point (id, title, config with a version, tape). */
export function presets(version: NtVersion) {
  return Object.values(scenarios).map((s) => ({
    id: s.id,
    title: s.title,
    config: { ...s.config, version },
    tape: scenarioTape(s),
  }));
}
