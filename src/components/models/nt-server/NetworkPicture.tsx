import { type PictureView, short } from './view';

export interface NetworkPictureProps {
  /** Unique on the page: names the picture's title and its description. */
  id: string;
  view: PictureView;
  version: string;
  /** The autodisconnect value in force, minutes (-1 = never). */
  autodisconnectMinutes: number;
  /** The workstations, in order, with who is logged on at each. */
  computers: readonly { name: string; loggedOn: string }[];
  /** Where the page already says in words what the picture shows (the transcript's cell): no list of its own. */
  describedBy?: string;
}

const ROW = 84;
const TOP = 10;
/**
 * How long, in simulated time, a refused attempt stays drawn after it happened: the reader sees it at
 * its moment and a minute after. A choice of the picture's, not of the server's.
 */
export const REFUSAL_SHOWN_MS = 60_000;
/** What each refusal means, in a few words for the picture; the log carries NT's own text. */
const MEANING: Record<number, string> = {
  71: 'no licence free', // Q149522
  1219: 'other credentials', // Q98724, refused by the client
  5: 'access denied',
};

/**
 * The network at one moment: workstations, the server, one line per connection (IPC$ dashed), what
 * Server Manager lists each session under, licence slots, and each session's idle time running toward
 * autodisconnect (the ring). Pure SVG from a view: rendered at build time in the transcript and live in
 * the islands. A list of sentences, hidden from sight, says the same for screen readers.
 */
export function NetworkPicture({
  id,
  view,
  version,
  autodisconnectMinutes: minutes,
  computers,
  describedBy,
}: NetworkPictureProps) {
  const service = view.licenses.service;
  const { inUse, limit } = view.licenses;
  const slots = service === 'running' && limit <= 10 ? Math.max(limit, Math.min(inUse, 10)) : 0;
  const said: string[] = [];
  const rows = computers.map(({ name, loggedOn }, row) => {
    const y = TOP + row * ROW;
    const mid = y + 22;
    const lines = view.connections.filter((c) => c.computer === name);
    const first = lines[0];
    const opens = lines.reduce((n, c) => n + c.opens, 0);
    const idle = first?.idleMs ?? 0;
    // NT 4.0: the NetBIOS session the server keeps after the last mapping went (a transport, no row).
    const linger = view.lingering.find((l) => l.computer === name);
    const dropped = (view.clients?.find((c) => c.computer === name)?.uses ?? []).filter(
      (u) => u.status === 'Disconnected',
    );
    // The newest refusal this workstation met in the last minute, drawn where it happened.
    const refused = view.log.findLast(
      (e) =>
        e.computer === name &&
        e.error !== undefined &&
        e.at <= view.now &&
        view.now - e.at <= REFUSAL_SHOWN_MS,
    );
    const refusal =
      refused && `refused: error ${refused.error} (${MEANING[refused.error ?? 0] ?? 'see the log'})`;
    const ry = lines.length ? mid - 7 * lines.length - 11 : mid;
    const status = refusal
      ? refusal
      : !first
        ? linger
          ? `no session; NetBIOS kept ${short(linger.until - view.now)} more`
          : 'no session'
        : opens
          ? `${opens} open file${opens > 1 ? 's' : ''}: not idle`
          : minutes < 0
            ? `idle ${short(idle)}, never dropped`
            : `idle ${short(idle)} of ${short(minutes * 60_000)}`;
    const as = first && `as ${first.shownUser}${first.account === null ? ': no account' : ''}`;
    said.push(
      `${name} (${loggedOn} logged on): ${first ? `${lines.map((c) => c.share).join(' and ')}, listed ${as}; ${status}` : status}.`,
      ...dropped.map((u) => `${name} still lists ${u.share} (${u.account}) as Disconnected.`),
    );
    return (
      <g key={name}>
        <rect class="kb-pic__box" x="2" y={y} width="96" height="44" rx="6" />
        <text class="kb-pic__name" x="9" y={y + 19}>
          {name}
        </text>
        <text class="kb-pic__small" x="9" y={y + 36}>
          {loggedOn}
        </text>
        {first && (
          <g class={opens ? 'kb-pic__ring kb-pic__ring--busy' : 'kb-pic__ring'}>
            <circle cx="80" cy={mid} r="11" />
            <circle
              cx="80"
              cy={mid}
              r="11"
              pathLength="100"
              stroke-dasharray={`${opens ? 100 : minutes > 0 ? Math.min(100, (idle / (minutes * 600)) | 0) : 0} 100`}
              transform={`rotate(-90 80 ${mid})`}
            />
          </g>
        )}
        <text class="kb-pic__small" x="4" y={y + 60}>
          {status}
        </text>
        {dropped.length > 0 && (
          <text class="kb-pic__small kb-pic__dropped" x="4" y={y + 75}>
            net use: {dropped.map((u) => u.share).join(', ')} Disconnected
          </text>
        )}
        {first && (
          <text
            class={first.account === null ? 'kb-pic__as kb-pic__as--none' : 'kb-pic__as'}
            x="153"
            y={y + 54}
          >
            {/* "no account" on a line of its own: the lines' gap is too narrow for both words. */}
            as {first.shownUser}
            {first.account === null && ': '}
            {first.account === null && (
              <tspan x="153" dy="11">
                no account
              </tspan>
            )}
          </text>
        )}
        {linger && (
          <g class="kb-pic__line kb-pic__line--transport">
            <line x1="98" y1={mid} x2="208" y2={mid} />
            <text x="153" y={mid}>
              NetBIOS
            </text>
          </g>
        )}
        {refused && (
          <g class="kb-pic__refused" data-error={refused.error}>
            <line x1="98" y1={ry} x2="208" y2={ry} />
            <text x="153" y={ry}>
              ✕ error {refused.error}
            </text>
          </g>
        )}
        {lines.map((c, i) => {
          const ly = mid + (i - (lines.length - 1) / 2) * 14;
          return (
            <g
              key={c.share}
              class={`kb-pic__line${c.share === 'IPC$' ? ' kb-pic__line--ipc' : ''}${c.account === null ? ' kb-pic__line--leftover' : ''}`}
            >
              <line x1="98" y1={ly} x2="208" y2={ly} />
              <text x="153" y={ly}>
                {c.share}
              </text>
            </g>
          );
        })}
      </g>
    );
  });
  said.push(
    service === 'absent'
      ? `NT ${version} has no per-server licence count.`
      : service === 'stopped'
        ? 'Licences not counted: the License Logging service is stopped.'
        : `Licences: ${inUse} of ${limit} in use${inUse >= limit ? ', limit reached' : ''}.`,
  );
  const height = TOP * 2 + computers.length * ROW;
  return (
    <figure class="kb-pic">
      <svg
        viewBox={`0 0 304 ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={describedBy ?? `${id}-d`}
      >
        <title id={`${id}-t`}>Network picture: NTSERVER on NT {version}</title>
        <rect class="kb-pic__box" x="208" y={TOP} width="94" height={height - 2 * TOP} rx="6" />
        <text class="kb-pic__name" x="216" y={TOP + 18}>
          NTSERVER
        </text>
        <text class="kb-pic__small" x="216" y={TOP + 34}>
          NT {version}
        </text>
        {/* The licence slots as three paths (free, in use, over the limit): few elements in a page of pictures. */}
        {['kb-pic__slot', 'kb-pic__used', 'kb-pic__over'].map((cls, kind) => (
          <path
            class={cls}
            d={Array.from({ length: slots }, (_, i) =>
              (i < inUse ? (i < limit ? 1 : 2) : 0) === kind
                ? `M${216 + (i % 5) * 16} ${TOP + 44 + ((i / 5) | 0) * 16}h12v12h-12z`
                : '',
            ).join('')}
          />
        ))}
        <text class="kb-pic__small" x="216" y={TOP + 56 + Math.ceil(Math.max(slots, 1) / 5) * 16}>
          {service === 'absent'
            ? 'no licence count'
            : service === 'running'
              ? `licences ${inUse} of ${limit}`
              : [
                  // Two lines: on one, "not counted (stopped)" ran past the server's box.
                  'not counted',
                  <tspan key="why" x="216" dy="12">
                    (stopped)
                  </tspan>,
                ]}
        </text>
        {rows}
      </svg>
      {!describedBy && (
        <ul id={`${id}-d`} class="sr-only">
          {/* Keyed by place: the idle times in the sentences change every frame, the items do not. */}
          {said.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
