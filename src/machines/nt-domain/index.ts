// The NT domain model: its contract (DESIGN.md "Model `nt-domain`") and what islands use.

import type { LinkResult, LinkState } from '../kernel/link';
import type { DomainConfig, DomainEvent } from './world';

export { SimulationInputError } from '../kernel/errors';
export type { LinkError, LinkFit, LinkResult, LinkState } from '../kernel/link';
export type { NormalConfig, PolicyValues } from './config';
export { DEFAULT_CONFIG, durationTooShort, normalizeConfig, POLICY_ORDER_MESSAGE } from './config';
export type { Recording, Timeline, TimelineOptions } from './model';
export {
  createTimeline,
  decode,
  encode,
  linkFits,
  linkOrNull,
  nextChange,
  ntDomain,
  ntDomainPlayer,
  simulate,
  timelineView,
} from './model';
export type { DomainMoment, DomainReading } from './readings';
export { LOCKED, NOT_LOCKED, readings, UNTIL_UNLOCKED } from './readings';
export {
  durationProblem,
  EVENT_TYPES,
  EVENTS,
  LINK_CODES,
  MINUTES_MAX,
  RETRY_MAX,
  registry,
  resetProblem,
  SYNC_MAX,
  syncProblem,
  THRESHOLD_MAX,
  thresholdProblem,
} from './registry';
export { describeEvent, ERROR_1326, ERROR_1909 } from './wording';
export type {
  AccountAtDc,
  AccountView,
  ComputerView,
  DcRole,
  DcView,
  DomainConfig,
  DomainController,
  DomainEvent,
  DomainEventType,
  DomainVersion,
  DomainView,
  DomainWorld,
  LogEntry,
  LogKind,
  ModellingChoice,
  Outcome,
  Password,
  SourceKey,
  TapeEntry,
  Via,
  Workstation,
} from './world';
export {
  BDCS,
  DOMAIN_VERSIONS,
  dcOf,
  MODELLING_CHOICES,
  PASSWORDS,
  PDC,
  SOURCE_KEYS,
  VIAS,
  world,
} from './world';

/** A moment of the domain, as a link holds it. */
export type DomainLinkState = LinkState<DomainConfig, DomainEvent>;
/** What decode gives for a domain link. */
export type DomainLinkResult = LinkResult<DomainConfig, DomainEvent>;
