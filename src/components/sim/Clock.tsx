import { formatElapsed } from '../../machines/kernel/format';
import { MINUTE, SPEEDS } from '../../machines/kernel/player';

export interface ClockProps {
  at: number;
  playing: boolean;
  speed: number;
  notice: string | null;
  onPlay: () => void;
  onPause: () => void;
  onSpeed: (speed: number) => void;
  onJump: (ms: number) => void;
  /** Jumps to the next thing the model says will happen. */
  onNext: () => void;
  /** That button's words, the model's (e.g. "To the next autodisconnect"). */
  nextLabel: string;
}

/** The clock's time and its buttons. Seeking is the model's timeline's (e.g. models/nt-server/Timeline.tsx): one slider per island. */
export function Clock(props: ClockProps) {
  const { at, playing, speed, notice } = props;
  return (
    <fieldset class="kb-clock">
      <legend>Clock</legend>
      <div class="kb-clock__buttons">
        <p class="kb-clock__time">
          <span class="kb-clock__label">Time since the start</span>{' '}
          {/* Not an <output>: that is a live region, and playback would read the time out many times a second. */}
          <span class="kb-clock__value">{formatElapsed(at)}</span>
        </p>
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
        <button type="button" class="kb-button" onClick={props.onNext}>
          {props.nextLabel}
        </button>
      </div>
      {/* Always in the page, so screen readers announce the text when it arrives. */}
      <p class="kb-notice kb-clock__notice" role="status">
        {notice ?? ''}
      </p>
    </fieldset>
  );
}
