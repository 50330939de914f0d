// The NT server model: its contract (DESIGN.md "Model `nt-server`") and what islands use.

export type { EventSpecs as EventSpec } from '../kernel/registry';
export type { LogCode } from './codes';
export type { ViewDiff } from './compare';
export { COUNTER_NAMES, describeView, diffSummary, diffViews, rowKey } from './compare';
export type { NormalConfig } from './config';
export { DEFAULT_CONFIG, normalizeConfig } from './config';
export { AUTODISCONNECT_ZERO_MS } from './context';
export type { LinkError, LinkFit, LinkResult, LinkState } from './link';
export {
  decode,
  encode,
  LINK_VERSION,
  linkFits,
  linkOrNull,
  MAX_LINK_CHARS,
  MAX_LINK_ENTRIES,
  MAX_LINK_MS,
  MAX_READ_CHARS,
} from './link';
export type { Counts, Recording, Timeline, TimelineOptions } from './model';
export {
  createTimeline,
  nextAutodisconnect,
  ntServer,
  ntServerPlayer,
  playerMachine,
  simulate,
  timelineEnd,
  timelineView,
} from './model';
export type { AutodisconnectCheck } from './registry';
export {
  AUTODISCONNECT_MAX,
  AUTODISCONNECT_MIN,
  EVENT_TYPES,
  EVENTS,
  LICENSE_LIMIT_MAX,
  LINK_CODES,
  licenceProblem,
  registry,
  validateAutodisconnect,
} from './registry';
export { describeEvent } from './wording';
export type {
  Account,
  ClientView,
  Computer,
  ConnectionView,
  Counters,
  LicenseService,
  LogEntry,
  LogKind,
  NtVersion,
  ServerConfig,
  ServerView,
  SessionState,
  SessionView,
  Share,
  SimEvent,
  SimEventType,
  SourceKey,
  TapeEntry,
  World,
} from './world';
export { diskShares, IPC, MODELLING_CHOICES, NT_VERSIONS, SOURCE_KEYS, world } from './world';
