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
export type { AutodisconnectCheck, NormalConfig } from './validate';
export {
  DEFAULT_CONFIG,
  normalizeConfig,
  SimulationInputError,
  validateAutodisconnect,
} from './validate';
export { nextAutodisconnect, simulate } from './simulate';
export { describeEvent, formatElapsed, speakElapsed } from './format';
export type { Scenario, ScenarioId, ScenarioStep, TranscriptRow } from './scenarios';
export { scenarios, scenarioTape, transcript } from './scenarios';
export type { LinkError, LinkResult, LinkState } from './link';
export { decode, encode } from './link';
export { type SessionContext, type SessionEvent, sessionMachine } from './session';
