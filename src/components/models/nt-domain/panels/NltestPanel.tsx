import type { DomainView } from '../../../../machines/nt-domain';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtDomainModel } from '../index';

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * `nltest /user:<name> /server:<dc>` for each account at each domain controller: the bad-password
 * count each one keeps, in the hexadecimal nltest prints (Q297157 compares the two this way).
 */
export default function NltestPanel({ views, labels }: PanelProps<NtDomainModel>) {
  return (
    <div class={views.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {(views as readonly DomainView[]).map((view, i) => (
        <section key={labels[i]} class="kb-nltest" aria-label={`nltest, ${labels[i]}`}>
          {view.dcs.map((dc) => (
            <pre
              key={dc.name}
              class="kb-nltest__out"
              tabindex={0}
              aria-label={`nltest output from ${dc.name}`}
            >
              {dc.accounts
                .map(
                  (a) =>
                    `C:\\> nltest /user:${a.user} /server:${dc.name}\n  BadPasswordCount: ${hex(a.badPasswordCount)}${a.lockedOut ? '  (locked out)' : ''}`,
                )
                .join('\n')}
            </pre>
          ))}
        </section>
      ))}
    </div>
  );
}
