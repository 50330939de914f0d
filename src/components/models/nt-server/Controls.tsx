import { useEffect, useState } from 'preact/hooks';
import { type IntField, intProblem } from '../../../machines/kernel/registry';
import { registry, type SimEvent, validateAutodisconnect, world } from '../../../machines/nt-server';

const REGISTRY_MINUTES = registry.specs['registry.autodisconnect'].fields.minutes as IntField;

interface ControlsProps {
  id: string;
  autodisconnect: number;
  /** Changes with every recorded action, load or reset: the field then shows the value in force again. */
  revision: unknown;
  licenseLimit: number;
  onRecord: (event: SimEvent) => void;
  onLicenseLimit: (limit: number) => void;
  /** Whether the License Logging service runs now; absent where it does not exist (NT 3.5 alone). */
  licensing?: boolean;
  /** Where the service button acts when that is more than one server, e.g. "on both servers". */
  licensingScope?: string;
  /** What the server(s) answered at this moment, shown beside the buttons. */
  result?: readonly { text: string; error?: number }[];
}

const LIMITS = [1, 2, 3, 5, 10];
// Disk shares first; IPC$ last, connected to by name (Q153070).
const shares = [...world.shares.filter((s) => !s.ipc), ...world.shares.filter((s) => s.ipc)];

/** What a reader can do to the server: every button records one tape entry at the current time. */
export function Controls({
  id,
  autodisconnect,
  revision,
  licenseLimit,
  onRecord,
  onLicenseLimit,
  licensing,
  licensingScope,
  result = [],
}: ControlsProps) {
  const [computer, setComputer] = useState(world.computers[0]?.name ?? 'WKS1');
  const [user, setUser] = useState('');
  const [share, setShare] = useState(shares[0]?.name ?? 'PUBLIC');
  const [minutes, setMinutes] = useState(String(autodisconnect));
  const [error, setError] = useState<string | null>(null);
  const [licences, setLicences] = useState('');
  const [licenceError, setLicenceError] = useState<string | null>(null);
  const [dword, setDword] = useState('');
  const [dwordError, setDwordError] = useState<string | null>(null);
  // When the value in force changes (a scenario loaded, the clock moved past a setting), or the reader
  // has moved on to another action, show it, and drop the message about a value that was refused.
  useEffect(() => {
    setMinutes(String(autodisconnect));
    setError(null);
    setLicenceError(null);
    setDwordError(null);
  }, [autodisconnect, revision]);
  const loggedOn = world.computers.find((c) => c.name === computer)?.loggedOn ?? '';

  const setAutodisconnect = (e: Event) => {
    e.preventDefault();
    const check = validateAutodisconnect(minutes.trim());
    if (!check.ok) {
      setError(check.reason);
      return;
    }
    setError(null);
    onRecord({ type: 'autodisconnect.set', minutes: check.minutes });
  };
  // regedit: the registry's Autodisconnect value, checked against the registry's declared range.
  const writeRegistry = (e: Event) => {
    e.preventDefault();
    const n = Number(dword.trim());
    const problem = /^\d+$/.test(dword.trim())
      ? intProblem(REGISTRY_MINUTES, n)
      : 'Enter a whole number of minutes.';
    setDwordError(problem);
    if (!problem) onRecord({ type: 'registry.autodisconnect', minutes: n });
  };
  const target = { computer, share };
  const ipc = share === 'IPC$';
  // Control Panel Licensing: the limit from this moment on (the kernel checks it too; nothing bad is sent).
  const setLimitNow = (e: Event) => {
    e.preventDefault();
    const n = Number(licences.trim());
    if (!/^\d+$/.test(licences.trim()) || n < 1 || n > 9999) {
      setLicenceError('Enter a whole number of licences from 1 to 9999.');
      return;
    }
    setLicenceError(null);
    onRecord({ type: 'licensing.limit', licenses: n });
  };

  return (
    <div class="kb-controls">
      <fieldset class="kb-controls__who">
        <legend>Who connects to what</legend>
        <div class="kb-controls__row">
          <label class="kb-field">
            <span>Computer</span>
            <select value={computer} onChange={(e) => setComputer(e.currentTarget.value)}>
              {world.computers.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.loggedOn} logged on)
                </option>
              ))}
            </select>
          </label>
          <label class="kb-field">
            <span>User (CONNECT AS)</span>
            <select value={user} onChange={(e) => setUser(e.currentTarget.value)}>
              <option value="">The logged-on user ({loggedOn})</option>
              {world.accounts.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label class="kb-field">
            <span>Share</span>
            <select value={share} onChange={(e) => setShare(e.currentTarget.value)}>
              {shares.map((s) => (
                <option key={s.name} value={s.name}>
                  \\{world.server}\{s.name} (
                  {s.ipc ? 'by name' : s.access === 'everyone' ? 'everyone' : 'Administrator only'})
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="kb-controls__buttons">
          <button
            type="button"
            class="kb-button kb-button--primary"
            onClick={() => onRecord({ type: 'share.connect', ...target, ...(user ? { user } : {}) })}
          >
            Connect
          </button>
          <button
            type="button"
            class="kb-button"
            onClick={() => onRecord({ type: 'share.disconnect', ...target })}
          >
            Disconnect
          </button>
          {!ipc && (
            <>
              <button
                type="button"
                class="kb-button"
                onClick={() => onRecord({ type: 'file.open', ...target })}
              >
                Open a file
              </button>
              <button
                type="button"
                class="kb-button"
                onClick={() => onRecord({ type: 'file.close', ...target })}
              >
                Close a file
              </button>
            </>
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
        <legend>Server settings</legend>
        <div class="kb-controls__row">
          <NumberForm
            id={`${id}-autodisconnect`}
            label={`Autodisconnect, minutes (now ${autodisconnect === -1 ? '-1, never' : autodisconnect})`}
            value={minutes}
            onInput={setMinutes}
            error={error}
            help={`${id}-autodisconnect-help`}
            onSubmit={setAutodisconnect}
          />
          <label class="kb-field">
            <span>Per-server licences (from the start)</span>
            <select
              value={String(licenseLimit)}
              onChange={(e) => onLicenseLimit(Number(e.currentTarget.value))}
            >
              {LIMITS.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        {licensing === undefined ? (
          <p class="kb-controls__service">
            License Logging service: <strong>absent</strong> (NT 3.5 has no per-server licensing)
          </p>
        ) : (
          <NumberForm
            id={`${id}-licences`}
            label={`Control Panel Licensing: licences from now (now ${licenseLimit})`}
            value={licences}
            onInput={setLicences}
            error={licenceError}
            onSubmit={setLimitNow}
          />
        )}
        <NumberForm
          id={`${id}-registry`}
          label="Registry value, minutes (read when the Server service starts)"
          value={dword}
          onInput={setDword}
          error={dwordError}
          onSubmit={writeRegistry}
        />
        <p class="kb-controls__service">
          <button type="button" class="kb-button" onClick={() => onRecord({ type: 'server.restart' })}>
            Restart the Server service{licensingScope ? ` ${licensingScope}` : ''}
          </button>
        </p>
        <p class="kb-controls__service">
          {/* Q258837's workaround, for the computer chosen above. */}
          <button
            type="button"
            class="kb-button"
            onClick={() => onRecord({ type: 'session.delete', computer })}
          >
            End {computer}'s session: net session \\{computer} /delete
          </button>
        </p>
        {licensing !== undefined && (
          <p class="kb-controls__service">
            License Logging service: <strong>{licensing ? 'running' : 'stopped'}</strong>{' '}
            <button
              type="button"
              class="kb-button"
              onClick={() => onRecord({ type: licensing ? 'licensing.stop' : 'licensing.start' })}
            >
              {licensing ? 'Stop' : 'Start'} the service{licensingScope ? ` ${licensingScope}` : ''}
            </button>
          </p>
        )}
      </fieldset>
    </div>
  );
}

interface NumberFormProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Why the last value was refused; shown under the field and announced. */
  error: string | null;
  /** The id of a help text outside the form, if there is one. */
  help?: string;
  onSubmit: (e: Event) => void;
}

/** A number typed and set with its own button; the browser's validation is off so the message is ours. */
function NumberForm({ id, label, value, onInput, error, help, onSubmit }: NumberFormProps) {
  const describedBy = [help, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <form class="kb-field" onSubmit={onSubmit} noValidate>
      <label for={id}>{label}</label>
      <span class="kb-field__row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button type="submit" class="kb-button">
          Set
        </button>
      </span>
      {error && (
        <span id={`${id}-error`} class="kb-field__error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
