import type { AnyModel } from '../../../machines/kernel/model';
import type { LoggedView, PanelProps } from '../modelUi';
import { EventLog } from './EventLog';

/** Any model's event log, one per variant shown: every outcome, refusals included. */
export default function EventLogPanel({ views, labels, scope }: PanelProps<AnyModel>) {
  return (
    <div class={views.length > 1 ? 'kb-sim__logs kb-sim__logs--two' : 'kb-sim__logs'}>
      {(views as LoggedView[]).map((view, i) => (
        <EventLog
          key={labels[i]}
          entries={view.log as Parameters<typeof EventLog>[0]['entries']}
          label={`Event log, ${labels[i]}`}
          scope={scope}
        />
      ))}
    </div>
  );
}
