// The kernel: generic, names no model (tests/unit/kernel-names-no-model.test.ts checks its imports).
export { SimulationInputError, validateUntil } from './errors';
export { formatElapsed, speakElapsed } from './format';
export type { LinkError, LinkFit, LinkResult, LinkState } from './link';
export {
  checksum,
  LINK_VERSION,
  linkCodec,
  MAX_LINK_CHARS,
  MAX_LINK_ENTRIES,
  MAX_LINK_MS,
  MAX_READ_CHARS,
} from './link';
export type { LogEntry, LogNode } from './log';
export { append, logEntries } from './log';
export type { AnyModel, Model, ModelContext, ModelReadings, Stamped } from './model';
export type {
  CodeRow,
  EventSpec,
  EventSpecs,
  FieldSpec,
  IntField,
  NameField,
  Registry,
  TapeEntry,
} from './registry';
export { defineRegistry, intFields, intProblem } from './registry';
export type { Recording, Timeline, TimelineOptions } from './timeline';
export { createTimeline, lastAt, simulateModel, timelineView } from './timeline';
