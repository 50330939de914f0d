import './picture.css';
import { formatElapsed } from '../../../machines/kernel/format';
import { durationText, type PictureDomainView, REFUSALS, recentAttempt } from './view';

export interface DomainPictureProps {
  /** Unique on the page: names the picture's title and its description. */
  id: string;
  view: PictureDomainView;
  version: string;
  /** Where the page already says in words what the picture shows: no list of its own. */
  describedBy?: string;
}

const DC_X = 176;
const DC_W = 126;
const WKS_W = 80;
const CELL = 9;
/** Up to this many bad attempts are drawn one cell each; a higher threshold is drawn as a bar. */
const MAX_CELLS = 10;

/**
 * The domain at one moment: the workstations, the domain controller that validates each one's
 * logons, and at each domain controller every account's bad-password count filling toward the
 * lockout threshold, with the lock when it is reached. The last attempt from each workstation is
 * drawn for a minute, a refusal crossed out with its error number. Pure SVG from a view: rendered at
 * build time in the transcript and live in the islands; a hidden list says the same in words.
 */
export function DomainPicture({ id, view, version, describedBy }: DomainPictureProps) {
  const { lockoutThreshold: threshold, resetCountMinutes, lockoutDurationMinutes } = view.policy;
  const said: string[] = [];
  let y = 10;
  const dcBoxes = view.dcs.map((dc) => {
    const top = y;
    const rows = dc.accounts.map((a, i) => {
      const ry = top + 40 + i * 18;
      const cells = threshold > 0 && threshold <= MAX_CELLS ? threshold : 0;
      const filled = Math.min(a.badPasswordCount, cells);
      const state = a.lockedOut ? 'locked out' : `${a.badPasswordCount} bad`;
      if (a.badPasswordCount > 0 || a.lockedOut)
        said.push(
          `${dc.name} (${dc.role}): ${a.user} has ${a.badPasswordCount} bad password${a.badPasswordCount === 1 ? '' : 's'}${threshold > 0 ? ` of ${threshold}` : ''}${a.lockedOut ? ', locked out' : ''}.`,
        );
      return (
        <g key={a.user}>
          <text class="kb-pic__small" x={DC_X + 6} y={ry + 8}>
            {a.user.length > 11 ? `${a.user.slice(0, 10)}…` : a.user}
          </text>
          {cells > 0 ? (
            Array.from({ length: cells }, (_, c) => (
              <rect
                key={c}
                class={`kb-dom__cell${c < filled ? (a.lockedOut ? ' kb-dom__cell--locked' : ' kb-dom__cell--bad') : ''}`}
                x={DC_X + 64 + (c % 5) * (CELL + 1)}
                y={ry + (c >= 5 ? 8 : 0)}
                width={CELL}
                height={cells > 5 ? 7 : CELL}
              />
            ))
          ) : (
            <text class="kb-pic__small" x={DC_X + 68} y={ry + 8}>
              {state}
            </text>
          )}
          {a.lockedOut && cells > 0 && (
            <text class="kb-pic__small kb-dom__lock" x={DC_X + DC_W - 4} y={ry + 8} text-anchor="end">
              ⊘
            </text>
          )}
        </g>
      );
    });
    if (!dc.accounts.some((a) => a.badPasswordCount > 0 || a.lockedOut))
      said.push(`${dc.name} (${dc.role}): no bad passwords counted.`);
    if (dc.role === 'BDC' && dc.nextSyncAt !== null)
      said.push(
        `${dc.name} takes the PDC's changes at ${formatElapsed(dc.nextSyncAt)}${dc.outOfStep ? '; until then its counts differ from the PDC' : ''}.`,
      );
    const height = 46 + dc.accounts.length * 18;
    y += height + 16;
    return {
      name: dc.name,
      mid: top + 20,
      node: (
        <g key={dc.name}>
          <rect class="kb-pic__box" x={DC_X} y={top} width={DC_W} height={height} rx="6" />
          <text class="kb-pic__name" x={DC_X + 6} y={top + 17}>
            {dc.name}
          </text>
          <text class="kb-pic__small" x={DC_X + 6} y={top + 31}>
            {dc.role === 'PDC'
              ? 'primary DC'
              : `backup · sync ${dc.nextSyncAt === null ? '—' : formatElapsed(dc.nextSyncAt)}`}
          </text>
          {rows}
        </g>
      ),
    };
  });
  const height = Math.max(y, 10 + view.computers.length * 90) + 22;
  const dcMid = (name: string) => dcBoxes.find((d) => d.name === name)?.mid ?? 30;
  const pdc = view.dcs.find((d) => d.role === 'PDC');
  const workstations = view.computers.map((w, i) => {
    const top = 10 + i * 90;
    const mid = top + 22;
    const attempt = recentAttempt(view.log, w.name, view.now);
    const target = dcMid(attempt?.dc ?? w.dc);
    const refused = attempt?.error !== undefined;
    const label = attempt ? (refused ? `error ${attempt.error}` : 'logged on') : '';
    if (w.retrier)
      said.push(
        `${w.name}: a program retries ${w.retrier.user}'s old password every ${w.retrier.everySeconds} s.`,
      );
    if (attempt)
      said.push(
        `${w.name}: ${attempt.user ?? w.loggedOn}'s last attempt ${refused ? `was refused with error ${attempt.error} (${REFUSALS[attempt.error as number] ?? 'refused'})` : 'logged on'} at ${attempt.dc ?? w.dc}.`,
      );
    return (
      <g key={w.name}>
        <g class="kb-dom__path">
          <line x1={WKS_W + 2} y1={mid} x2={DC_X} y2={dcMid(w.dc)} />
        </g>
        {attempt && (
          <g class={`kb-dom__try${refused ? ' kb-dom__try--refused' : ''}`}>
            <line x1={WKS_W + 2} y1={mid} x2={DC_X} y2={target} />
            {refused && (
              <path
                class="kb-dom__cross"
                d={`M${(WKS_W + DC_X) / 2 - 6} ${(mid + target) / 2 - 14}l12 12m0 -12l-12 12`}
              />
            )}
            <text x={(WKS_W + DC_X) / 2} y={(mid + target) / 2 + 8}>
              {label}
            </text>
          </g>
        )}
        <rect class="kb-pic__box" x="2" y={top} width={WKS_W} height="44" rx="6" />
        <text class="kb-pic__name" x="9" y={top + 19}>
          {w.name}
        </text>
        <text class="kb-pic__small" x="9" y={top + 36}>
          {w.loggedOn}
        </text>
        <text class="kb-pic__small" x="4" y={top + 60}>
          {w.retrier ? `old password every ${w.retrier.everySeconds} s` : `checked by ${w.dc}`}
        </text>
      </g>
    );
  });
  const bdc = view.dcs.find((d) => d.role === 'BDC');
  said.push(
    threshold > 0
      ? `Policy: lockout after ${threshold} bad attempts; count reset after ${resetCountMinutes} min; locked ${durationText(lockoutDurationMinutes)}.`
      : 'Policy: no account lockout.',
  );
  return (
    <figure class="kb-pic">
      <svg
        viewBox={`0 0 304 ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={describedBy ?? `${id}-d`}
      >
        <title id={`${id}-t`}>Domain picture: MYDOMAIN on NT {version}</title>
        {workstations}
        {pdc && bdc && (
          <g class="kb-dom__sync">
            <line
              x1={DC_X + DC_W - 12}
              y1={dcMid(pdc.name) + 26}
              x2={DC_X + DC_W - 12}
              y2={dcMid(bdc.name) - 20}
            />
          </g>
        )}
        {dcBoxes.map((d) => d.node)}
        <text class="kb-pic__small" x="4" y={height - 8}>
          {threshold > 0
            ? `lock at ${threshold} · reset ${resetCountMinutes} min · lock ${durationText(lockoutDurationMinutes)}`
            : 'no account lockout'}
        </text>
      </svg>
      {!describedBy && (
        <ul id={`${id}-d`} class="sr-only">
          {said.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
