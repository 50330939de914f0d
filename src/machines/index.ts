/*
 * The NT server model's contract (DESIGN.md "Model `nt-server`"), re-exported unchanged, with the
 * kernel's generic helpers islands use. Not exported here, so islands importing this module do not
 * carry them: the session machine (nt-server/session), the model the server is tested against, and
 * the quiz's readings (nt-server/readings).
 */
export { SimulationInputError, validateUntil } from './kernel/errors';
export { formatElapsed, speakElapsed } from './kernel/format';
export { narrationFor, scenarioTape } from './kernel/scenario';
export * from './nt-server';
// Types only: scenarios.ts runs a scenario on whichever registered model it names, so it imports every
// model; islands that import this module load only the NT server's (transcript and preset are there).
export type { Scenario, ScenarioId, ScenarioStep, TranscriptRow } from './scenarios';
