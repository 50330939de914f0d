import chart from './statechart.json';
import type { SessionState } from './view';

export interface StateChartProps {
  id: string;
  /** Where each workstation's session is now, e.g. `{ label: 'WKS1', state: 'leftover' }`. */
  markers: readonly { label: string; state: SessionState }[];
}

/**
 * session.ts's sessionMachine as a diagram. The layout was computed once by scripts/statechart.mjs
 * and committed as statechart.json; this only draws it and marks where each session is now.
 */
export function StateChart({ id, markers }: StateChartProps) {
  const { w, h } = chart.box;
  const name = (state: string) => chart.states.find((s) => s.id === state)?.label ?? state;
  return (
    <figure class="kb-chart">
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
            <g key={s.id} class={here.length ? 'kb-chart__state kb-chart__state--now' : 'kb-chart__state'}>
              <rect x={s.x} y={s.y} width={w} height={h} rx="8" />
              <text x={s.x + w / 2} y={s.y + (here.length ? 15 : 24)} text-anchor="middle">
                {s.label}
              </text>
              {here.length > 0 && (
                <text class="kb-chart__now" x={s.x + w / 2} y={s.y + 32} text-anchor="middle">
                  now: {here.map((m) => m.label).join(', ')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-sc-d`} class="kb-chart__legend">
        <ol>
          {chart.edges.map((e) => (
            <li key={e.n}>
              {name(e.from)} → {name(e.to)}: <code>{e.labels.join('; ')}</code>
            </li>
          ))}
        </ol>
        <p class="sr-only">Now: {markers.map((m) => `${m.label}: ${name(m.state)}`).join('; ')}.</p>
      </figcaption>
    </figure>
  );
}
