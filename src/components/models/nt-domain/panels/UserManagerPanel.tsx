import { formatElapsed } from '../../../../machines/kernel/format';
import type { DomainView } from '../../../../machines/nt-domain';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtDomainModel } from '../index';
import { durationText } from '../view';

/**
 * User Manager for Domains, which reads the PDC: the Account Policy in force and each account's
 * "Account Locked Out" box, with Unlock where an administrator can act.
 */
export default function UserManagerPanel({ views, labels, record }: PanelProps<NtDomainModel>) {
  return (
    <div class={views.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {(views as readonly DomainView[]).map((view, i) => {
        const { lockoutThreshold, resetCountMinutes, lockoutDurationMinutes } = view.policy;
        return (
          <section key={labels[i]} class="kb-um" aria-label={`User Manager for Domains, ${labels[i]}`}>
            <h4>Account Policy</h4>
            <dl class="kb-um__policy">
              <div>
                <dt>Account lockout</dt>
                <dd>
                  {lockoutThreshold > 0
                    ? `after ${lockoutThreshold} bad logon attempts`
                    : 'No account lockout'}
                </dd>
              </div>
              <div>
                <dt>Reset count after</dt>
                <dd>{resetCountMinutes} minutes</dd>
              </div>
              <div>
                <dt>Lockout duration</dt>
                <dd>
                  {lockoutDurationMinutes < 0
                    ? 'Forever (until admin unlocks)'
                    : durationText(lockoutDurationMinutes)}
                </dd>
              </div>
            </dl>
            <h4>Accounts</h4>
            <ul class="kb-um__accounts">
              {view.accounts.map((a) => (
                <li key={a.user}>
                  <span>
                    {a.user}: Account Locked Out <strong>{a.lockedOut ? 'checked' : 'clear'}</strong>
                    {a.lockedOut &&
                      (a.untilUnlocked
                        ? ' (until an administrator unlocks it)'
                        : a.lockoutEndsAt !== null && ` (until ${formatElapsed(a.lockoutEndsAt)})`)}
                  </span>
                  {record && a.lockedOut && (
                    <button
                      type="button"
                      class="kb-button"
                      onClick={() => record({ type: 'admin.unlock', user: a.user })}
                    >
                      Unlock {a.user}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
