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
import { DEFAULT_CONFIG, type NormalConfig, normalizeConfig } from './config';
import type { DomainContext } from './context';
import { domainMachine } from './machine';
import { type DomainEvent, MINUTES_MAX, registry, SYNC_MAX, THRESHOLD_MAX } from './registry';
import { nextTimer } from './timers';
import { toView } from './view';
import {
  DOMAIN_VERSIONS,
  type DomainConfig,
  type DomainView,
  MODELLING_CHOICES,
  PDC,
  SOURCE_KEYS,
  type TapeEntry,
  world,
} from './world';

const MINUTE = 60_000;

/** NT domain account lockout as a model on the kernel. */
export const ntDomain: Model<DomainConfig, NormalConfig, DomainEvent, DomainContext, DomainView> = {
  id: 'nt-domain',
  variants: { field: 'version', values: DOMAIN_VERSIONS, compared: ['3.51', '4.0'] },
  registry,
  rules: { sourced: SOURCE_KEYS, choices: MODELLING_CHOICES },
  ranges: {
    lockoutThreshold: [0, THRESHOLD_MAX],
    resetCountMinutes: [1, MINUTES_MAX],
    lockoutDurationMinutes: [-1, MINUTES_MAX],
    syncMinutes: [1, SYNC_MAX],
  },
  normalize: normalizeConfig,
  machine: domainMachine,
  nextTimer,
  view: toView,
  next: {
    find: (config, tape, t) => nextChange(config, tape as TapeEntry[], t),
    none: 'Nothing is due: no count will return to 0, no lockout will end and no BDC is out of step.',
    beyond: (at) => `The next change is ${at} after the start`,
  },
  /** Long enough for the longest of the reset window, a lockout and a pulse (up to a day), with five minutes to spare. */
  tail(config) {
    const c = config ?? {};
    const reset = c.resetCountMinutes ?? DEFAULT_CONFIG.resetCountMinutes;
    const duration = c.lockoutDurationMinutes ?? DEFAULT_CONFIG.lockoutDurationMinutes;
    const sync = c.syncMinutes ?? DEFAULT_CONFIG.syncMinutes;
    return Math.min(Math.max(reset, duration, sync) + 5, 24 * 60) * MINUTE;
  },
  /** Each DC's bad password count summed over the accounts (world order), then the accounts locked out at the PDC. */
  figures({ dcs }) {
    const out: number[] = [];
    let locked = 0;
    for (const { name } of world.dcs) {
      let sum = 0;
      for (const user of world.accounts) {
        const record = dcs[name]?.[user];
        sum += record?.count ?? 0;
        if (name === PDC && record?.lock) locked++;
      }
      out.push(sum);
    }
    out.push(locked);
    return out;
  },
  header: {
    names: [
      'version',
      'lockout threshold',
      'reset count time',
      'lockout duration',
      'synchronization interval',
    ],
    write: (c) => [
      DOMAIN_VERSIONS.indexOf(c.version),
      c.lockoutThreshold,
      c.resetCountMinutes,
      c.lockoutDurationMinutes + 1,
      c.syncMinutes,
    ],
    read([version, threshold, reset, duration, sync]) {
      const v = DOMAIN_VERSIONS[version as number];
      if (!v) return 'The link names a Windows NT version this page does not know.';
      return {
        version: v,
        lockoutThreshold: threshold as number,
        resetCountMinutes: reset as number,
        lockoutDurationMinutes: (duration as number) - 1,
        syncMinutes: sync as number,
      };
    },
  },
};

export type Recording = ModelRecording<DomainContext>;
export type TimelineOptions = ModelTimelineOptions<DomainContext>;
export type Timeline = ModelTimeline<DomainView, DomainContext>;

/** Replay that scales (see the kernel's timeline): viewAt(t) deep-equals simulate(config, tape, t). */
export function createTimeline(
  config: DomainConfig,
  tape: readonly TapeEntry[],
  options?: TimelineOptions,
): Timeline {
  return createModelTimeline(ntDomain, config, tape, options);
}

/**
 * The view of the domain at `until` (default: the last entry's time, 0 for an empty tape).
 * Validates the configuration and the whole tape first; throws SimulationInputError.
 */
export function simulate(config: DomainConfig, tape: TapeEntry[], until?: number): DomainView {
  return simulateModel(ntDomain, config, tape, until);
}

/** simulate() frame after frame, from a timeline kept per tape array and configuration. */
export function timelineView(config: DomainConfig, tape: readonly TapeEntry[], t: number): DomainView {
  return modelTimelineView(ntDomain, config, tape, t);
}

/**
 * When the next thing the domain does on its own falls strictly after `t` (a count returning to 0, a
 * lockout ending, a pulse that changes a BDC, a retrier's try), or null when nothing is due.
 */
export function nextChange(config: DomainConfig, tape: TapeEntry[], t: number): number | null {
  const from = validateUntil(t);
  const end = Math.max(lastAt(tape), from);
  const view = createModelTimeline(ntDomain, config, tape).viewAt(end);
  // Up to the tape's end, what the log says happened; past it, what the view says is due.
  for (const entry of view.log) if (entry.auto && entry.at > from) return entry.at;
  let best: number | null = null;
  const consider = (at: number | null) => {
    if (at !== null && at > from && (best === null || at < best)) best = at;
  };
  for (const dc of view.dcs) {
    for (const a of dc.accounts) {
      consider(a.lockoutEndsAt);
      if (a.badPasswordCount > 0) consider(a.countResetsAt);
    }
    if (dc.outOfStep) consider(dc.nextSyncAt);
  }
  for (const c of view.computers) consider(c.retrier?.nextAt ?? null);
  return best;
}

/** The reader's tape and clock over an NT domain. */
export const ntDomainPlayer = createPlayer(ntDomain);

/** Links to an NT domain moment: format 2, naming the model. */
export const { encode, decode, linkFits, linkOrNull } = linkCodec(ntDomain);
