export type { ViewDiff } from './compare';
export { COUNTER_NAMES, describeView, diffViews, rowKey } from './compare';
export type { EventSpec, NumberParam, ShareRule } from './events';
export { describeEvent, EVENT_TYPES, EVENTS, LINK_CODES } from './events';
export { formatElapsed, speakElapsed } from './format';
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
export type { Scenario, ScenarioId, ScenarioStep, TranscriptRow } from './scenarios';
export { narrationFor, preset, scenarioTape, transcript } from './scenarios';
// Not exported here, so islands importing this module do not carry them: the session machine
// (./session), the model the kernel is tested against, and the quiz's readings (./readings).
export { AUTODISCONNECT_ZERO_MS } from './server';
export type { Counts, Recording, Timeline, TimelineOptions } from './simulate';
export { createTimeline, nextAutodisconnect, simulate, timelineView } from './simulate';
export type { AutodisconnectCheck, NormalConfig } from './validate';
export {
  DEFAULT_CONFIG,
  normalizeConfig,
  SimulationInputError,
  validateAutodisconnect,
} from './validate';
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
  UseView,
  World,
} from './world';
export { diskShares, IPC, NT_VERSIONS, SOURCE_KEYS, world } from './world';
