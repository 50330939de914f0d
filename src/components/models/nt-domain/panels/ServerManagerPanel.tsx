import { formatElapsed } from '../../../../machines/kernel/format';
import type { DomainView } from '../../../../machines/nt-domain';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtDomainModel } from '../index';

/**
 * Server Manager's view of the domain controllers: when each BDC next takes the PDC's changes,
 * whether its copy differs from the PDC's now, and "Synchronize with Primary Domain Controller"
 * (Q245072) where an administrator can act.
 */
export default function ServerManagerPanel({ views, labels, record }: PanelProps<NtDomainModel>) {
  return (
    <div class={views.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {(views as readonly DomainView[]).map((view, i) => (
        <section key={labels[i]} class="kb-dsm" aria-label={`Server Manager, ${labels[i]}`}>
          <ul>
            {view.dcs.map((dc) => (
              <li key={dc.name}>
                <strong>{dc.name}</strong> ({dc.role === 'PDC' ? 'Primary' : 'Backup'}){' '}
                {dc.role === 'BDC' &&
                  `${dc.outOfStep ? 'differs from the PDC' : 'in step with the PDC'}; next synchronization ${
                    dc.nextSyncAt === null ? 'not due' : `at ${formatElapsed(dc.nextSyncAt)}`
                  }`}
                {record && dc.role === 'BDC' && (
                  <button
                    type="button"
                    class="kb-button"
                    onClick={() => record({ type: 'admin.sync', dc: dc.name })}
                  >
                    Synchronize with Primary Domain Controller
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
