import { licenceService, type PictureView, short } from './view';

export interface NetworkPictureProps {
  /** Unique on the page: names the picture's title and its description. */
  id: string;
  view: PictureView;
  version: string;
  /** The autodisconnect value in force, minutes (-1 = never). */
  autodisconnectMinutes: number;
  /** The workstations, in order, with who is logged on at each. */
  computers: readonly { name: string; loggedOn: string }[];
  server?: string;
}

const ROW = 84;
const TOP = 10;
const MIN = 60_000;
const SLOTS = 10;

/** What a workstation shows: its connections, its idle time, its `net use` entries the server dropped. */
function station(props: NetworkPictureProps, name: string) {
  const { view, autodisconnectMinutes: minutes } = props;
  const lines = view.connections.filter((c) => c.computer === name);
  const opens = lines.reduce((n, c) => n + c.opens, 0);
  const idle = lines[0]?.idleMs ?? 0;
  const dropped = (view.clients?.find((c) => c.computer === name)?.uses ?? []).filter(
    (u) => u.status === 'Disconnected',
  );
  const limit = minutes * MIN;
  const status = !lines.length
    ? 'no session'
    : opens
      ? `${opens} file${opens > 1 ? 's' : ''} open: not idle`
      : minutes < 0
        ? `idle ${short(idle)}, never dropped`
        : `idle ${short(idle)} of ${short(limit)}`;
  const fraction = lines.length && !opens && minutes > 0 ? Math.min(1, idle / limit) : 0;
  return { lines, opens, idle, dropped, status, fraction };
}

/** The sentences a screen reader hears for the picture, one per thing it shows. */
export function describePicture(props: NetworkPictureProps): string[] {
  const { view, version, computers, server = 'NTSERVER' } = props;
  const out = [`${server} on Windows NT ${version}.`];
  for (const { name, loggedOn } of computers) {
    const s = station(props, name);
    const listed = s.lines.map((c) =>
      c.account === null
        ? `${c.share} listed under the computer name ${c.shownUser}, with no account`
        : `${c.share} as ${c.shownUser}`,
    );
    out.push(
      `${name} (${loggedOn} logged on): ${listed.length ? `${listed.join('; ')}; ${s.status}` : 'no session'}.`,
    );
    for (const u of s.dropped) out.push(`${name} still lists ${u.share} (${u.account}) as Disconnected.`);
  }
  const service = licenceService(view, version);
  const { inUse, limit } = view.licenses;
  out.push(
    service === 'absent'
      ? `NT ${version} has no per-server licence count.`
      : service === 'stopped'
        ? 'Licences not counted: the License Logging service is stopped.'
        : `Licences: ${inUse} of ${limit} in use${inUse >= limit ? ', limit reached' : ''}.`,
  );
  return out;
}

/**
 * The network at one moment: workstations, the server, one line per connection (IPC$ dashed, labelled
 * as Server Manager lists it), licence slots and each session's idle time toward autodisconnect.
 * Pure SVG from a view: rendered at build time in the transcript and live in the islands.
 */
export function NetworkPicture(props: NetworkPictureProps) {
  const { id, view, version, computers, server = 'NTSERVER' } = props;
  const height = TOP * 2 + computers.length * ROW;
  const service = licenceService(view, version);
  const { inUse, limit } = view.licenses;
  const counted = service === 'running';
  const slots = counted && limit <= SLOTS ? Math.max(limit, Math.min(inUse, SLOTS)) : 0;
  const sentences = describePicture(props);
  return (
    <figure class="kb-pic">
      <svg
        class="kb-pic__svg"
        viewBox={`0 0 360 ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
      >
        <title id={`${id}-t`}>
          Network picture: {server} on NT {version}
        </title>
        <rect class="kb-pic__server" x="246" y={TOP} width="112" height={height - 2 * TOP} rx="6" />
        <text class="kb-pic__name" x="256" y={TOP + 18}>
          {server}
        </text>
        <text class="kb-pic__small" x="256" y={TOP + 34}>
          NT {version}
        </text>
        {Array.from({ length: slots }, (_, i) => (
          <rect
            key={i}
            class={`kb-pic__slot${i < inUse ? (i < limit ? ' kb-pic__slot--used' : ' kb-pic__slot--over') : ''}`}
            x={256 + (i % 5) * 19}
            y={TOP + 46 + Math.floor(i / 5) * 19}
            width="14"
            height="14"
            rx="2"
          >
            <title>{i < limit ? `Licence ${i + 1} of ${limit}` : 'Over the limit (Administrator)'}</title>
          </rect>
        ))}
        <text class="kb-pic__small" x="256" y={TOP + 58 + Math.ceil(Math.max(slots, 1) / 5) * 19}>
          {service === 'absent'
            ? 'no licence count'
            : counted
              ? `licences ${inUse} of ${limit}`
              : 'not counted'}
        </text>
        {service === 'stopped' && (
          <text class="kb-pic__small" x="256" y={TOP + 92}>
            (service stopped)
          </text>
        )}
        {computers.map(({ name, loggedOn }, row) => {
          const y = TOP + row * ROW;
          const s = station(props, name);
          const mid = y + 22;
          return (
            <g key={name}>
              <rect class="kb-pic__wks" x="2" y={y} width="116" height="44" rx="6" />
              <text class="kb-pic__name" x="10" y={y + 19}>
                {name}
              </text>
              <text class="kb-pic__small" x="10" y={y + 36}>
                {loggedOn}
              </text>
              {s.lines.length > 0 && (
                <g class={s.opens ? 'kb-pic__ring kb-pic__ring--busy' : 'kb-pic__ring'}>
                  <circle cx="98" cy={mid} r="11" />
                  <circle
                    class="kb-pic__ring-fill"
                    cx="98"
                    cy={mid}
                    r="11"
                    pathLength="100"
                    stroke-dasharray={`${(s.opens ? 100 : s.fraction * 100).toFixed(1)} 100`}
                    transform={`rotate(-90 98 ${mid})`}
                  />
                </g>
              )}
              <text class="kb-pic__small" x="4" y={y + 60}>
                {s.status}
              </text>
              {s.dropped.length > 0 && (
                <text class="kb-pic__small kb-pic__dropped" x="4" y={y + 75}>
                  net use: {s.dropped.map((u) => u.share).join(', ')} Disconnected
                </text>
              )}
              {s.lines.map((c, i) => {
                const ly = mid + (i - (s.lines.length - 1) / 2) * 18;
                const ipc = c.share === 'IPC$';
                const cls = `kb-pic__line${ipc ? ' kb-pic__line--ipc' : ''}${c.account === null ? ' kb-pic__line--leftover' : ''}`;
                return (
                  <g key={c.share} class={cls}>
                    <title>
                      {c.share} from {name}, listed under {c.shownUser}
                      {c.account === null ? ' (no account)' : ''}
                      {c.opens ? `, ${c.opens} open` : ''}
                    </title>
                    <line x1="120" y1={ly} x2="246" y2={ly} />
                    <text
                      class="kb-pic__label"
                      x="183"
                      y={ly}
                      text-anchor="middle"
                      dominant-baseline="central"
                    >
                      {c.share} · {c.shownUser}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <ul id={`${id}-d`} class="sr-only">
        {sentences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </figure>
  );
}
