import { useMemo, useState } from 'preact/hooks';
import {
  describeEvent,
  formatElapsed,
  type NtVersion,
  simulate,
  speakElapsed,
  type TapeEntry,
} from '../../machines';
import { encode } from '../../machines/link';
import type { Scenario } from '../../machines/scenarios';
import { EventLog } from './EventLog';
import { ServerManager } from './ServerManager';
import { VersionPicker } from './VersionPicker';

export interface ScenarioPlayerProps {
  id: string;
  /** The scenario as data, passed from the page at build time so the island carries no copy of it. */
  scenario: Scenario;
  /** The island that opens a step "side by side" (its id: query parameter and anchor). */
  compareId?: string;
  /** Headings of the article sections, by anchor, for the "shown in the article" links. */
  anchorLabels?: Record<string, string>;
}

const VERSIONS: readonly NtVersion[] = ['3.51', '4.0'];

/** The article's scenario, one narrated step at a time, on the version the reader picks. */
export default function ScenarioPlayer({ id, scenario, compareId, anchorLabels = {} }: ScenarioPlayerProps) {
  const [index, setIndex] = useState(0);
  const [version, setVersion] = useState<NtVersion>('3.51');
  const step = scenario.steps[index] ?? scenario.steps[0];
  const last = scenario.steps.length - 1;

  const { view, tape } = useMemo(() => {
    const applied: TapeEntry[] = [];
    for (const s of scenario.steps.slice(0, index + 1))
      if (s.event) applied.push({ at: s.at, event: s.event });
    return { view: simulate({ ...scenario.config, version }, applied, step?.at ?? 0), tape: applied };
  }, [scenario, index, version, step]);

  if (!step) return null;
  const compareHref = compareId
    ? `?${compareId}=${encode({ config: { ...scenario.config, version: '3.51' }, tape, at: step.at })}#${compareId}`
    : undefined;

  return (
    <div class="kb-sim__live kb-player">
      <VersionPicker
        name={`${id}-version`}
        legend="Run it on"
        versions={VERSIONS}
        value={version}
        onChange={setVersion}
      />
      <div class="kb-player__step" aria-live="polite">
        <p class="kb-player__position">
          Step {index + 1} of {last + 1} · <time title={speakElapsed(step.at)}>{formatElapsed(step.at)}</time>
        </p>
        {step.event && <p class="kb-player__event">{describeEvent(step.event)}</p>}
        <p class="kb-player__narration">{step.narration}</p>
        {version === '4.0' && step.nt4Note && <p class="kb-player__note">{step.nt4Note}</p>}
        <p class="kb-player__anchor">
          <a href={`#${step.anchor}`}>
            In the article: {anchorLabels[step.anchor] ?? 'the sentence this step shows'}
          </a>
        </p>
      </div>
      <div class="kb-player__nav">
        <button
          type="button"
          class="kb-button"
          aria-disabled={index === 0 ? 'true' : undefined}
          onClick={() => setIndex(Math.max(0, index - 1))}
        >
          Back
        </button>
        <button
          type="button"
          class="kb-button kb-button--primary"
          aria-disabled={index === last ? 'true' : undefined}
          onClick={() => setIndex(Math.min(last, index + 1))}
        >
          Next
        </button>
        <button type="button" class="kb-button" onClick={() => setIndex(0)}>
          Reset
        </button>
        {compareHref && (
          <a class="kb-button" href={compareHref}>
            Open this moment side by side
          </a>
        )}
      </div>
      <ServerManager view={view} version={version} />
      <EventLog entries={view.log} label={`Event log, NT ${version}`} scope="scenario" />
    </div>
  );
}
