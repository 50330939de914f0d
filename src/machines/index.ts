export { describeEvent, formatElapsed, speakElapsed } from './format';
export type { LinkError, LinkResult, LinkState } from './link';
export { decode, encode } from './link';
export type { Moment, Reading } from './readings';
export { read } from './readings';
export type { Scenario, ScenarioId, ScenarioStep, TranscriptRow } from './scenarios';
export { narrationFor, preset, scenarioTape, transcript } from './scenarios';
// The session machine (./session) is the model the kernel is tested against; it is not
// exported here, so islands importing this module do not carry it.
export { nextAutodisconnect, simulate } from './simulate';
export type { AutodisconnectCheck, NormalConfig } from './validate';
export {
  DEFAULT_CONFIG,
  normalizeConfig,
  SimulationInputError,
  validateAutodisconnect,
} from './validate';
export type {
  Account,
  Computer,
  ConnectionView,
  LogEntry,
  LogKind,
  NtVersion,
  ServerConfig,
  ServerView,
  Share,
  SimEvent,
  SimEventType,
  TapeEntry,
  World,
} from './world';
export { diskShares, EVENT_TYPES, NT_VERSIONS, world } from './world';
