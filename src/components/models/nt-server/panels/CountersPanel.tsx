import { COUNTER_NAMES, type Counters, type ServerView } from '../../../../machines/nt-server';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtServerModel } from '../index';

/** Performance Monitor's Server object: the session counters, for each server shown (Q159600). */
export default function CountersPanel({ views, variants, labels }: PanelProps<NtServerModel>) {
  const keys = Object.keys(COUNTER_NAMES) as (keyof Counters)[];
  return (
    <div class={views.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {(views as readonly ServerView[]).map((view, i) => (
        <dl
          key={variants[i]}
          class="kb-sm__counters"
          aria-label={`Performance Monitor, Server, ${labels[i]}`}
        >
          {keys.map((k) => (
            <div key={k}>
              <dt>{COUNTER_NAMES[k]}</dt>
              <dd>{view.counters[k]}</dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}
