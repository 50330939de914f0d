import { validateUntil } from '../kernel/errors';
import { linkCodec } from '../kernel/link';
import type { Model } from '../kernel/model';
import { createPlayer } from '../kernel/player';
import {
  createTimeline as createModelTimeline,
  lastAt,
  type Recording as ModelRecording,
  type Timeline as ModelTimeline,
  type TimelineOptions as ModelTimelineOptions,
  timelineView as modelTimelineView,
  simulateModel,
} from '../kernel/timeline';
import { type NormalConfig, normalizeConfig } from './config';
import { listedCount, type ServerContext } from './context';
import { serverMachine } from './machine';
import {
  AUTODISCONNECT_MAX,
  AUTODISCONNECT_MIN,
  LICENSE_LIMIT_MAX,
  registry,
  type SimEvent,
} from './registry';
import { nextIdleCheck } from './rules/autodisconnect';
import { toView } from './view';
import {
  type LogEntry,
  MODELLING_CHOICES,
  NT_VERSIONS,
  type ServerConfig,
  type ServerView,
  SOURCE_KEYS,
  type TapeEntry,
} from './world';

/** The NT server (sessions, IPC$, autodisconnect, per-server licensing) as a model on the kernel. */
export const ntServer: Model<ServerConfig, NormalConfig, SimEvent, ServerContext, ServerView> = {
  id: 'nt-server',
  variants: { field: 'version', values: NT_VERSIONS, compared: ['3.51', '4.0'] },
  registry,
  rules: { sourced: SOURCE_KEYS, choices: MODELLING_CHOICES },
  ranges: {
    autodisconnectMinutes: [AUTODISCONNECT_MIN, AUTODISCONNECT_MAX],
    licenseLimit: [1, LICENSE_LIMIT_MAX],
  },
  normalize: normalizeConfig,
  machine: serverMachine,
  nextTimer: nextIdleCheck,
  view: toView,
  next: {
    find: (config, tape, t) => nextAutodisconnect(config, tape as TapeEntry[], t),
    none: 'No autodisconnect is due: no idle session will be dropped from here on.',
    beyond: (at) => `The next autodisconnect is ${at} after the start`,
  },
  /** Long enough for an autodisconnect at the configured value (up to a day), with five minutes to spare. */
  tail(config) {
    const minutes = config?.autodisconnectMinutes ?? 15;
    return (minutes > 0 && minutes < 24 * 60 ? minutes + 5 : 0) * 60_000;
  },
  /** Licences in use, connections Server Manager lists. */
  figures({ inUse, sessions }) {
    let connections = 0;
    for (const computer in sessions) {
      const session = sessions[computer];
      if (session) connections += listedCount(session);
    }
    return [inUse, connections];
  },
  header: {
    names: ['version', 'License Logging setting', 'licence limit', 'autodisconnect value'],
    write: (c) => [
      NT_VERSIONS.indexOf(c.version),
      c.licenseLogging ? 1 : 0,
      c.licenseLimit,
      c.autodisconnectMinutes + 1,
    ],
    read([version, logging, licenseLimit, minutes]) {
      const v = NT_VERSIONS[version as number];
      if (!v) return 'The link names a Windows NT version this page does not know.';
      if ((logging as number) > 1) return 'The link’s License Logging setting is neither on nor off.';
      return {
        version: v,
        autodisconnectMinutes: (minutes as number) - 1,
        licenseLimit: licenseLimit as number,
        licenseLogging: logging === 1,
      };
    },
  },
};

export interface Counts {
  licences: number;
  connections: number;
}

export type Recording = ModelRecording<ServerContext>;
export type TimelineOptions = ModelTimelineOptions<ServerContext>;
export interface Timeline extends ModelTimeline<ServerView, ServerContext> {
  /** Licences in use and connections listed after each step from 0 to `t` (figuresUntil, named). */
  countsUntil(t: number): Map<number, Counts>;
}

/** Replay that scales (see the kernel's timeline): viewAt(t) deep-equals simulate(config, tape, t). */
export function createTimeline(
  config: ServerConfig,
  tape: readonly TapeEntry[],
  options?: TimelineOptions,
): Timeline {
  const timeline = createModelTimeline(ntServer, config, tape, options);
  return Object.assign(timeline, {
    countsUntil: (t: number) =>
      new Map(
        [...timeline.figuresUntil(t)].map(([at, [licences = 0, connections = 0]]) => [
          at,
          { licences, connections },
        ]),
      ),
  });
}

/**
 * The view of the server at `until` (default: the last entry's time, 0 for an empty tape).
 * Validates the configuration and the whole tape first; throws SimulationInputError.
 */
export function simulate(config: ServerConfig, tape: readonly TapeEntry[], until?: number): ServerView {
  return simulateModel(ntServer, config, tape, until);
}

/** simulate() frame after frame, from a timeline kept per tape array and configuration. */
export function timelineView(config: ServerConfig, tape: readonly TapeEntry[], t: number): ServerView {
  return modelTimelineView(ntServer, config, tape, t);
}

/**
 * The time of the first autodisconnect strictly after `t`, given the whole tape, or null when none
 * will happen (autodisconnect off, open files, or no sessions left).
 */
export function nextAutodisconnect(
  config: ServerConfig,
  tape: readonly TapeEntry[],
  t: number,
): number | null {
  const timeline = createModelTimeline(ntServer, config, tape);
  const end = Math.max(lastAt(tape), validateUntil(t));
  const { log, sessions } = timeline.viewAt(end);
  let best: number | null = null;
  // Newest first, back to `t`: an autodisconnect carried out late is logged at its deadline, out of order.
  for (let i = log.length - 1; i >= 0 && (log[i] as LogEntry).at > t; i--)
    if ((log[i] as LogEntry).kind === 'autodisconnect') best = (log[i] as LogEntry).at;
  if (best !== null) return best;
  for (const { autodisconnectAt } of sessions) {
    if (autodisconnectAt === null) continue;
    const due = Math.max(autodisconnectAt, end);
    if (due > t && (best === null || due < best)) best = due;
  }
  return best;
}

/** The reader's tape and clock over an NT server. */
export const ntServerPlayer = createPlayer(ntServer);
export const { machine: playerMachine, timelineEnd } = ntServerPlayer;

/** Links to an NT server moment: format 2 names the model; format 1 links are this model's forever. */
export const { encode, decode, linkFits, linkOrNull } = linkCodec(ntServer, true);
