import { useMemo } from 'preact/hooks';
import { formatElapsed, speakElapsed } from '../../../machines/kernel/format';
import type { Series, SeriesPoint } from './series';

export interface TimelineProps {
  series: readonly Series[];
  end: number;
  /** The clock; without it (the static transcript) no cursor is drawn. */
  at?: number;
  /** Without it the timeline is a picture, not a control. */
  onSeek?: (at: number) => void;
}

const W = 600;
const L = 28;
const R = 592;
const T = 14;
const B = 84;
const MIN = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240, 720, 1440];

/** At most this many change points in the screen-reader table: a week-long link has thousands. */
const TABLE_ROWS = 50;

/**
 * Licences in use and connections over simulated time, one pair of step lines per version, with
 * autodisconnects marked and, live, a cursor at the clock that arrows and clicks move.
 */
export function Timeline({ series, end, at, onSeek }: TimelineProps) {
  const span = Math.max(end, MIN);
  const x = (t: number) => L + (Math.min(t, span) / span) * (R - L);
  // All but the cursor depends on the series and the end alone, so it is drawn once per tape: the same
  // vnodes on every clock tick, which Preact skips without comparing them.
  const [changes, lines, table] = useMemo(() => {
    const top = Math.max(
      1,
      ...series.flatMap((s) => [s.limit, ...s.points.flatMap((p) => [p.licences, p.connections])]),
    );
    const y = (v: number) => B - (v / top) * (B - T);
    const path = (s: Series, key: 'licences' | 'connections') =>
      s.points
        .map((p, i) => `${i ? `H${x(p.at)}V` : `M${L} `}${y(p[key])}`)
        .join('')
        .concat(`H${R}`);
    const step = (STEPS.find((m) => span / (m * MIN) <= 8) ?? 2880) * MIN;
    const ticks: number[] = [];
    for (let t = 0; t <= span; t += step) ticks.push(t);
    // The points include every autodisconnect (series.ts samples each log entry's time).
    const changes = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
    // The point in force at each row, found in one pass per series (rows and points are in time order).
    const inForce = series.map(() => 0);
    return [
      changes,
      [
        ticks.map((t) => (
          <g class="kb-tl__tick">
            <line x1={x(t)} y1={T} x2={x(t)} y2={B} />
            <text x={x(t)} y="100">
              {t ? `${t / MIN} min` : '0'}
            </text>
          </g>
        )),
        <text class="kb-tl__axis" x={L - 6} y={y(top) + 4}>
          {top}
        </text>,
        series.map((s, i) => (
          <g key={s.version} class={`kb-tl__v${i}`}>
            <path class="kb-tl__conn" d={path(s, 'connections')} />
            <path class="kb-tl__lic" d={path(s, 'licences')} />
            {/* Every autodisconnect mark in one path: a week-long link has hundreds. */}
            {s.drops.length > 0 && (
              <path
                class="kb-tl__drop"
                d={s.drops.map((t) => `M${x(t) - 5} ${T - 12 + i * 2}h10l-5 8z`).join('')}
              />
            )}
          </g>
        )),
      ],
      // Hidden in a div: a table keeps its own width whatever sr-only says, and would widen the page.
      <div class="sr-only">
        <table>
          <caption>Timeline: when licences and connections change</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {series.map((s) => (
                <th key={s.version} scope="col">
                  NT {s.version}: licences, connections
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, TABLE_ROWS).map((t) => (
              <tr key={t}>
                <th scope="row">{formatElapsed(t)}</th>
                {series.map((s, v) => {
                  let i = inForce[v] as number;
                  while ((s.points[i + 1]?.at ?? t + 1) <= t) i++;
                  inForce[v] = i;
                  const p = s.points[i] as SeriesPoint;
                  return (
                    <td key={s.version}>
                      {p.licences}, {p.connections}
                      {s.drops.includes(t) && ' (autodisconnect)'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {changes.length > TABLE_ROWS && <p>{changes.length - TABLE_ROWS} later changes are not listed.</p>}
      </div>,
    ] as const;
  }, [series, end]);
  // Arrows: a minute at a time, stopping at every change on the way; Page Up and Down: five minutes.
  const seekKey = (e: KeyboardEvent) => {
    if (!onSeek || at === undefined) return;
    const next = Math.min(at + MIN, ...changes.filter((t) => t > at));
    const prev = Math.max(at - MIN, ...changes.filter((t) => t < at));
    const to = /^Arrow(Right|Up)$/.test(e.key)
      ? next
      : /^Arrow(Left|Down)$/.test(e.key)
        ? prev
        : ({ PageUp: at + 5 * MIN, PageDown: at - 5 * MIN, Home: 0, End: end } as Record<string, number>)[
            e.key
          ];
    if (to === undefined) return;
    e.preventDefault();
    onSeek(Math.min(end, Math.max(0, to)));
  };
  const seekPointer = (e: PointerEvent) => {
    const box = (e.currentTarget as Element).getBoundingClientRect();
    const sx = ((e.clientX - box.left) / box.width) * W;
    onSeek?.(Math.round((Math.min(1, Math.max(0, (sx - L) / (R - L))) * span) / 1000) * 1000);
  };
  const live = onSeek && at !== undefined;
  return (
    <figure class="kb-tl">
      <div
        class="kb-tl__plot"
        {...(live
          ? {
              role: 'slider',
              tabIndex: 0,
              'aria-label': 'Time',
              'aria-valuemin': 0,
              'aria-valuemax': Math.round(end / 1000),
              'aria-valuenow': Math.round(at / 1000),
              'aria-valuetext': speakElapsed(at),
              onKeyDown: seekKey,
              onPointerDown: seekPointer,
              // Dragging: while a button is down (buttons = 1), the cursor follows the pointer.
              onPointerMove: (e: PointerEvent) => e.buttons === 1 && seekPointer(e),
            }
          : {})}
      >
        <svg class="kb-tl__svg" viewBox={`0 0 ${W} 104`} aria-hidden="true">
          {lines}
          {at !== undefined && <line class="kb-tl__cursor" x1={x(at)} y1={T - 12} x2={x(at)} y2={B + 2} />}
        </svg>
      </div>
      {table}
      <figcaption class="kb-tl__legend">
        {series.map((s, i) => (
          <span key={s.version} class={`kb-tl__key kb-tl__v${i}`}>
            NT {s.version}: <span class="kb-tl__swatch kb-tl__lic" /> licences{' '}
            <span class="kb-tl__swatch kb-tl__conn" /> connections
          </span>
        ))}
        <span class="kb-tl__key">▼ autodisconnect</span>
      </figcaption>
    </figure>
  );
}
