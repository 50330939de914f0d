import ScenarioPlayer, { type ScenarioPlayerProps } from '../../sim/ScenarioPlayer';
import Simulator, { type SimulatorProps } from '../../sim/Simulator';
import { type NtDomainModel, ui } from './index';

/* The NT domain's islands: the generic players bound to its `ui` (Simulation.astro hydrates them by name). */

export function NtDomainScenario(props: Omit<ScenarioPlayerProps<NtDomainModel>, 'ui'>) {
  return <ScenarioPlayer ui={ui} {...props} />;
}

export function NtDomainSimulator(props: Omit<SimulatorProps<NtDomainModel>, 'ui'>) {
  return <Simulator ui={ui} {...props} />;
}
