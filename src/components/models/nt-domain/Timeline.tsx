import { useMemo } from 'preact/hooks';
import { formatElapsed, speakElapsed } from '../../../machines/kernel/format';
import type { Timeline as DomainTimeline } from '../../../machines/nt-domain';

export interface DomainTimelineProps {
  /** One incremental timeline per variant (the players'), in order, and each variant's name. */
  timelines: readonly DomainTimeline[];
  labels: readonly string[];
  threshold: number;
  end: number;
  at?: number;
  onSeek?: (at: number) => void;
}

const L = 28;
const R = 592;
const T = 12;
const B = 78;
const MIN = 60_000;

/**
 * The bad passwords each domain controller holds (all accounts) over simulated time, per variant,
 * from the model's own figures (PDC count, BDC count, accounts locked at the PDC): locked stretches
 * shaded, the threshold dashed, and live a cursor the reader can click to move the clock.
 */
export function Timeline({ timelines, labels, threshold, end, at, onSeek }: DomainTimelineProps) {
  const span = Math.max(end, MIN);
  const x = (t: number) => L + (Math.min(t, span) / span) * (R - L);
  const drawn = useMemo(() => {
    const series = timelines.map((timeline) => [...timeline.figuresUntil(end)].sort(([a], [b]) => a - b));
    const top = Math.max(
      1,
      threshold,
      ...series.flatMap((s) => s.flatMap(([, f]) => [f[0] ?? 0, f[1] ?? 0])),
    );
    const y = (v: number) => B - (v / top) * (B - T);
    const path = (points: (readonly [number, readonly number[]])[], i: number) =>
      points
        .map(([t, f], k) => `${k ? `H${x(t)}V` : `M${L} `}${y(f[i] ?? 0)}`)
        .join('')
        .concat(`H${R}`);
    const locked = (points: (readonly [number, readonly number[]])[]) =>
      points.flatMap(([t, f], k) => {
        if (!(f[2] ?? 0)) return [];
        const next = points[k + 1]?.[0] ?? span;
        return [[t, next] as const];
      });
    return { series, y, path, locked };
  }, [timelines, end, threshold]);
  const seek = onSeek
    ? (e: MouseEvent) => {
        const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
        const t = (((e.clientX - box.left) / box.width) * 600 - L) / (R - L);
        onSeek(Math.round(Math.max(0, Math.min(1, t)) * span));
      }
    : undefined;
  return (
    <figure class="kb-tl">
      <svg
        viewBox="0 0 600 100"
        role="img"
        aria-label={`Bad passwords counted at PDC1 and BDC1 over ${speakElapsed(span)}`}
        onClick={seek}
      >
        {drawn.series.map((points, v) => (
          <g key={labels[v]} class={`kb-tl__series kb-tl__series--${v}`}>
            {drawn.locked(points).map(([from, to]) => (
              <rect
                key={from}
                class="kb-tl__locked"
                x={x(from)}
                y={T}
                width={Math.max(1, x(to) - x(from))}
                height={B - T}
              />
            ))}
            <path class="kb-tl__licences" d={drawn.path(points, 0)} />
            <path class="kb-tl__connections" d={drawn.path(points, 1)} />
          </g>
        ))}
        {threshold > 0 && (
          <line class="kb-tl__limit" x1={L} x2={R} y1={drawn.y(threshold)} y2={drawn.y(threshold)} />
        )}
        <text class="kb-tl__axis" x={L} y="94">
          0
        </text>
        <text class="kb-tl__axis" x={R} y="94" text-anchor="end">
          {formatElapsed(span)}
        </text>
        {at !== undefined && <line class="kb-tl__cursor" x1={x(at)} x2={x(at)} y1={T - 4} y2={B + 4} />}
      </svg>
      <figcaption>
        Bad passwords held at PDC1 (solid) and BDC1 (thin)
        {threshold > 0 ? `; dashed: the threshold, ${threshold}` : ''}; shaded: an account locked out at the
        PDC. {labels.length > 1 ? labels.join(' and ') : ''}
      </figcaption>
    </figure>
  );
}
