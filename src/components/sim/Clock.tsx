import { useLayoutEffect, useRef } from 'preact/hooks';
import { formatElapsed, speakElapsed } from '../../machines';
import { MINUTE, SPEEDS } from '../../machines/player';

export interface ClockProps {
  id: string;
  at: number;
  end: number;
  playing: boolean;
  speed: number;
  notice: string | null;
  onPlay: () => void;
  onPause: () => void;
  onSpeed: (speed: number) => void;
  onJump: (ms: number) => void;
  onSeek: (at: number) => void;
  onNextAutodisconnect: () => void;
}

const SECOND = 1000;

/** Keys of the ARIA slider pattern, in simulated time. */
function keyTarget(key: string, at: number, end: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return at + 15 * SECOND;
    case 'ArrowLeft':
    case 'ArrowDown':
      return at - 15 * SECOND;
    case 'PageUp':
      return at + 5 * MINUTE;
    case 'PageDown':
      return at - 5 * MINUTE;
    case 'Home':
      return 0;
    case 'End':
      return end;
    default:
      return null;
  }
}

export function Clock(props: ClockProps) {
  const { id, at, end, playing, speed, notice } = props;
  const track = useRef<HTMLDivElement>(null);
  const clamp = (t: number) => Math.min(end, Math.max(0, Math.round(t / SECOND) * SECOND));
  const seekToPointer = (clientX: number) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    props.onSeek(clamp(((clientX - box.left) / box.width) * end));
  };
  const fraction = end > 0 ? Math.min(1, at / end) : 0;
  // Set through the CSSOM, not a style attribute: the content security policy forbids inline styles.
  useLayoutEffect(() => {
    track.current?.style.setProperty('--kb-fraction', String(fraction));
  }, [fraction]);

  return (
    <fieldset class="kb-clock">
      <legend>Clock</legend>
      <p class="kb-clock__time">
        <span class="kb-clock__label">Time since the start</span>{' '}
        {/* Not an <output>: that is a live region, and playback would read the time out many times a second. */}
        <span class="kb-clock__value">{formatElapsed(at)}</span>
      </p>
      <div class="kb-clock__buttons">
        <button
          type="button"
          class="kb-button kb-button--primary"
          onClick={playing ? props.onPause : props.onPlay}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label class="kb-field kb-field--inline">
          <span>Speed</span>
          <select value={String(speed)} onChange={(e) => props.onSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="kb-button" onClick={() => props.onJump(MINUTE)}>
          +1 min
        </button>
        <button type="button" class="kb-button" onClick={() => props.onJump(5 * MINUTE)}>
          +5 min
        </button>
        <button type="button" class="kb-button" onClick={props.onNextAutodisconnect}>
          To the next autodisconnect
        </button>
      </div>
      <div
        class="kb-scrubber"
        ref={track}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          seekToPointer(e.clientX);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) seekToPointer(e.clientX);
        }}
      >
        <div class="kb-scrubber__fill" />
        <div
          id={`${id}-scrubber`}
          class="kb-scrubber__thumb"
          role="slider"
          tabIndex={0}
          aria-label="Time"
          aria-valuemin={0}
          aria-valuemax={Math.round(end / SECOND)}
          aria-valuenow={Math.round(at / SECOND)}
          aria-valuetext={speakElapsed(at)}
          onKeyDown={(e) => {
            const target = keyTarget(e.key, at, end);
            if (target === null) return;
            e.preventDefault();
            props.onSeek(clamp(target));
          }}
        />
      </div>
      <p class="kb-clock__range" aria-hidden="true">
        <span>00:00:00</span>
        <span>{formatElapsed(end)}</span>
      </p>
      {/* Always in the page, so screen readers announce the text when it arrives. */}
      <p class="kb-notice kb-clock__notice" role="status">
        {notice ?? ''}
      </p>
    </fieldset>
  );
}
