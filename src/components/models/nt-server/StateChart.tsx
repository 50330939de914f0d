import chart from './statechart.json';
import type { SessionState } from './view';

export interface StateChartProps {
  /** The island it belongs to: that island marks the states its sessions are in (see markChart). */
  id: string;
  /** Where each workstation's session is at build time, if known, e.g. `{ label: 'WKS1', state: 'leftover' }`. */
  markers?: readonly { label: string; state: SessionState }[];
}

export type Marker = { label: string; state: SessionState };

/**
 * Marks, in the chart rendered at build time for island `id`, the states its sessions are in now. The
 * chart itself ships no JavaScript; this is all an island needs to keep it current.
 */
export function markChart(id: string, markers: readonly Marker[]): void {
  const chart = document.getElementById(`${id}-chart`);
  if (!chart) return;
  for (const g of chart.querySelectorAll<SVGGElement>('[data-state]')) {
    const here = markers.filter((m) => m.state === g.dataset.state).map((m) => m.label);
    g.classList.toggle('kb-chart__state--now', here.length > 0);
    const now = g.querySelector('.kb-chart__now');
    if (now) now.textContent = here.length ? `now: ${here.join(', ')}` : '';
  }
  // The same in words, for screen readers: the chart's text alternative says where each session is.
  const said = chart.querySelector('.kb-chart__said');
  if (said) said.textContent = nowSentence(markers);
}

const stateName = (state: string) => chart.states.find((s) => s.id === state)?.label ?? state;

/** "Now: WKS1: No session; WKS2: Holding shares (account)." or, before any island marks it, nothing. */
function nowSentence(markers: readonly Marker[]): string {
  return markers.length ? `Now: ${markers.map((m) => `${m.label}: ${stateName(m.state)}`).join('; ')}.` : '';
}

/**
 * session.ts's sessionMachine as a diagram. The layout was computed once by scripts/statechart.mjs
 * and committed as statechart.json; this only draws it and marks where each session is now.
 */
export function StateChart({ id, markers = [] }: StateChartProps) {
  const { w, h } = chart.box;
  const name = stateName;
  return (
    <figure class="kb-chart not-content" id={`${id}-chart`}>
      <svg
        class="kb-chart__svg"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-sc-t`}
        aria-describedby={`${id}-sc-d`}
      >
        <title id={`${id}-sc-t`}>A session's life: the session statechart</title>
        <defs>
          <marker
            id={`${id}-sc-a`}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0 0L8 4L0 8z" class="kb-chart__head" />
          </marker>
        </defs>
        {chart.edges.map((e) => (
          <g key={e.n} class="kb-chart__edge">
            <path d={e.d} marker-end={`url(#${id}-sc-a)`} />
            <circle cx={e.badge.x} cy={e.badge.y} r="9" />
            <text x={e.badge.x} y={e.badge.y} text-anchor="middle" dominant-baseline="central">
              {e.n}
            </text>
          </g>
        ))}
        {chart.states.map((s) => {
          const here = markers.filter((m) => m.state === s.id);
          return (
            <g
              key={s.id}
              data-state={s.id}
              class={here.length ? 'kb-chart__state kb-chart__state--now' : 'kb-chart__state'}
            >
              <rect x={s.x} y={s.y} width={w} height={h} rx="8" />
              <text x={s.x + w / 2} y={s.y + 15} text-anchor="middle">
                {s.label}
              </text>
              <text class="kb-chart__now" x={s.x + w / 2} y={s.y + 32} text-anchor="middle">
                {here.length ? `now: ${here.map((m) => m.label).join(', ')}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-sc-d`} class="kb-chart__legend">
        <strong>
          A workstation’s session, as the simulation models it: each numbered arrow is what moves it on, and
          the highlighted box is where each session is now.
        </strong>
        <ol>
          {chart.edges.map((e) => (
            <li key={e.n}>
              {name(e.from)} → {name(e.to)}: <code>{e.labels.join('; ')}</code>
            </li>
          ))}
        </ol>
        <p class="sr-only kb-chart__said" aria-live="polite">
          {nowSentence(markers)}
        </p>
      </figcaption>
    </figure>
  );
}
