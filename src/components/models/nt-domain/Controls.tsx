import { useEffect, useState } from 'preact/hooks';
import { type IntField, intProblem } from '../../../machines/kernel/registry';
import { type DomainEvent, registry, world } from '../../../machines/nt-domain';
import type { PictureDomainView } from './view';

interface ControlsProps {
  id: string;
  view: PictureDomainView;
  /** Changes with every recorded action, load or reset: the policy fields then show the values in force. */
  revision: unknown;
  onRecord: (event: DomainEvent) => void;
  /** What the domain answered at this moment, shown beside the buttons. */
  result?: readonly { text: string; error?: number }[];
  /** Where an administrator's action acts when that is more than one domain, e.g. "in both domains". */
  scope?: string;
}

const POLICY = registry.specs['policy.set'].fields as Record<
  'lockoutThreshold' | 'resetCountMinutes' | 'lockoutDurationMinutes',
  IntField
>;
const RETRY = registry.specs['retrier.start'].fields.everySeconds as IntField;
const VIA = [
  { value: 'console', label: 'at the console (Ctrl+Alt+Del)' },
  { value: 'net use', label: 'net use to a share' },
  { value: 'unc', label: 'a UNC path (\\\\server\\share)' },
] as const;

/**
 * What a reader can do in the domain: as a user, try to log on (who, where, which password, how) or
 * leave a program retrying an old password; as the administrator, unlock, synchronize a BDC and set
 * the Account Policy. Every button records one tape entry at the current time; the model decides
 * what happens, and refuses a policy User Manager would refuse.
 */
export function Controls({ id, view, revision, onRecord, result = [], scope }: ControlsProps) {
  const [computer, setComputer] = useState(world.computers[0]?.name ?? 'WKS1');
  const [user, setUser] = useState(world.computers[0]?.loggedOn ?? 'jsmith');
  const [via, setVia] =
    useState<DomainEvent & { type: 'logon.attempt' } extends { via: infer V } ? V : never>('console');
  const [unlockUser, setUnlockUser] = useState('jsmith');
  const [policy, setPolicy] = useState(() => policyText(view));
  const [policyError, setPolicyError] = useState<string | null>(null);
  const [every, setEvery] = useState('60');
  const [everyError, setEveryError] = useState<string | null>(null);
  useEffect(() => {
    setPolicy(policyText(view));
    setPolicyError(null);
    setEveryError(null);
  }, [
    revision,
    view.policy.lockoutThreshold,
    view.policy.resetCountMinutes,
    view.policy.lockoutDurationMinutes,
  ]);
  const station = view.computers.find((c) => c.name === computer);
  const attempt = (password: 'good' | 'bad') =>
    onRecord({ type: 'logon.attempt', computer, user, password, via });
  const startRetrier = () => {
    const text = every.trim();
    const problem = /^\d+$/.test(text) ? intProblem(RETRY, Number(text)) : 'Enter a whole number of seconds.';
    setEveryError(problem);
    if (!problem) onRecord({ type: 'retrier.start', computer, user, everySeconds: Number(text) });
  };
  const setAccountPolicy = (e: Event) => {
    e.preventDefault();
    const values: Record<string, number> = {};
    for (const key of Object.keys(POLICY) as (keyof typeof POLICY)[]) {
      const text = policy[key].trim();
      const problem = /^-?\d+$/.test(text)
        ? intProblem(POLICY[key], Number(text))
        : `Enter a whole number for the ${POLICY[key].noun}.`;
      if (problem) {
        setPolicyError(problem);
        return;
      }
      values[key] = Number(text);
    }
    setPolicyError(null);
    onRecord({ type: 'policy.set', ...values });
  };

  return (
    <div class="kb-controls">
      <fieldset class="kb-controls__who">
        <legend>Who logs on, where and how</legend>
        <div class="kb-controls__row">
          <label class="kb-field">
            <span>Computer</span>
            <select value={computer} onChange={(e) => setComputer(e.currentTarget.value)}>
              {world.computers.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} (checked by {c.dc})
                </option>
              ))}
            </select>
          </label>
          <label class="kb-field">
            <span>Account</span>
            <select value={user} onChange={(e) => setUser(e.currentTarget.value)}>
              {world.accounts.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label class="kb-field">
            <span>How</span>
            <select value={via} onChange={(e) => setVia(e.currentTarget.value as typeof via)}>
              {VIA.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="kb-controls__buttons">
          <button type="button" class="kb-button kb-button--primary" onClick={() => attempt('good')}>
            Log on with the right password
          </button>
          <button type="button" class="kb-button" onClick={() => attempt('bad')}>
            Mistype the password
          </button>
        </div>
        <div class="kb-controls__row">
          <form
            class="kb-field"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              startRetrier();
            }}
          >
            <label for={`${id}-every`}>A program with {user}'s old password retries every (seconds)</label>
            <span class="kb-field__row">
              <input
                id={`${id}-every`}
                type="text"
                inputMode="numeric"
                value={every}
                aria-invalid={everyError ? 'true' : undefined}
                aria-describedby={everyError ? `${id}-every-error` : undefined}
                onInput={(e) => setEvery(e.currentTarget.value)}
              />
              <button type="submit" class="kb-button">
                Start it on {computer}
              </button>
            </span>
            {everyError && (
              <span id={`${id}-every-error`} class="kb-field__error" role="alert">
                {everyError}
              </span>
            )}
          </form>
          {station?.retrier && (
            <p class="kb-controls__service">
              <button
                type="button"
                class="kb-button"
                onClick={() => onRecord({ type: 'retrier.stop', computer })}
              >
                Stop the program on {computer}
              </button>
            </p>
          )}
        </div>
        <div class="kb-controls__result">
          {result.map((r, i) => (
            <p key={`${i}-${r.text}`} class={r.error !== undefined ? 'kb-log__error' : undefined}>
              {r.text}
              {r.error !== undefined && <span class="kb-tag kb-tag--error">error {r.error}</span>}
            </p>
          ))}
        </div>
      </fieldset>
      <fieldset class="kb-controls__server">
        <legend>Administrator{scope ? ` (${scope})` : ''}</legend>
        <div class="kb-controls__row">
          <label class="kb-field">
            <span>Account to unlock</span>
            <select value={unlockUser} onChange={(e) => setUnlockUser(e.currentTarget.value)}>
              {world.accounts.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <p class="kb-controls__service">
            <button
              type="button"
              class="kb-button"
              onClick={() => onRecord({ type: 'admin.unlock', user: unlockUser })}
            >
              Unlock (User Manager, at the PDC)
            </button>
          </p>
          {view.dcs
            .filter((dc) => dc.role === 'BDC')
            .map((dc) => (
              <p key={dc.name} class="kb-controls__service">
                <button
                  type="button"
                  class="kb-button"
                  onClick={() => onRecord({ type: 'admin.sync', dc: dc.name })}
                >
                  Synchronize {dc.name} with the PDC
                </button>
              </p>
            ))}
        </div>
        <form class="kb-controls__policy" noValidate onSubmit={setAccountPolicy}>
          <fieldset>
            <legend>Account Policy</legend>
            <div class="kb-controls__row">
              {(Object.keys(POLICY) as (keyof typeof POLICY)[]).map((key) => (
                <label key={key} class="kb-field">
                  <span>{LABELS[key]}</span>
                  <input
                    type="text"
                    inputMode="numeric"
                    value={policy[key]}
                    aria-invalid={policyError ? 'true' : undefined}
                    aria-describedby={policyError ? `${id}-policy-error` : undefined}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setPolicy((p) => ({ ...p, [key]: value }));
                    }}
                  />
                </label>
              ))}
              <button type="submit" class="kb-button">
                Set the policy
              </button>
            </div>
            {policyError && (
              <span id={`${id}-policy-error`} class="kb-field__error" role="alert">
                {policyError}
              </span>
            )}
          </fieldset>
        </form>
      </fieldset>
    </div>
  );
}

const LABELS = {
  lockoutThreshold: 'Lock out after (bad attempts; 0 = never)',
  resetCountMinutes: 'Reset count after (minutes)',
  lockoutDurationMinutes: 'Lockout duration (minutes; -1 = until unlocked)',
} as const;

function policyText(view: PictureDomainView): Record<keyof typeof LABELS, string> {
  return {
    lockoutThreshold: String(view.policy.lockoutThreshold),
    resetCountMinutes: String(view.policy.resetCountMinutes),
    lockoutDurationMinutes: String(view.policy.lockoutDurationMinutes),
  };
}
