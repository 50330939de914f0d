import ScenarioPlayer, { type ScenarioPlayerProps } from '../../sim/ScenarioPlayer';
import Simulator, { type SimulatorProps } from '../../sim/Simulator';
import { type NtServerModel, ui } from './index';

/*
 * The NT server's islands: the generic players bound to its `ui`. Simulation.astro hydrates these by
 * name (Astro bundles only the components a page imports by name, so a model's islands are named there).
 */

export function NtServerScenario(props: Omit<ScenarioPlayerProps<NtServerModel>, 'ui'>) {
  return <ScenarioPlayer ui={ui} {...props} />;
}

export function NtServerSimulator(props: Omit<SimulatorProps<NtServerModel>, 'ui'>) {
  return <Simulator ui={ui} {...props} />;
}
