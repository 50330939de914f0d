import { type ServerView, world } from '../../../../machines/nt-server';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtServerModel } from '../index';

/** What `net use` lists at each workstation, for each server shown: the client's side of the sessions. */
export default function NetUsePanel({ views, variants, labels }: PanelProps<NtServerModel>) {
  return (
    <div class={views.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {(views as readonly ServerView[]).map((view, i) => (
        <ul key={variants[i]} class="kb-sm__uses" aria-label={`net use at the workstations, ${labels[i]}`}>
          {view.clients.map((c) => (
            <li key={c.computer}>
              {c.computer}&gt; net use:{' '}
              {c.uses.map((u) => `${u.status} \\\\${world.server}\\${u.share} (${u.account})`).join(', ') ||
                'none'}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
