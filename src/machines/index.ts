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
