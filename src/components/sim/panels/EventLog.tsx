import { formatElapsed } from '../../../machines/kernel/format';
import type { LogEntry } from '../../../machines/nt-server';

interface EventLogProps {
  entries: LogEntry[];
  label: string;
  /** Which simulation the log belongs to, so that its region's name is unique on the page. */
  scope: string;
  /** 5 when the log sits under a server's own h4 heading. */
  level?: 4 | 5;
}

/**
 * The server's outcomes, newest last. The list itself is quiet; a separate polite live region
 * speaks only the newest entry, so scrubbing through time does not read the whole log aloud.
 */
/** The newest entries a log window shows: a link with thousands of actions opens and plays without laying them all out. */
const SHOWN = 50;

export function EventLog({ entries, label, scope, level = 4 }: EventLogProps) {
  const Heading = level === 5 ? 'h5' : 'h4';
  const hidden = Math.max(0, entries.length - SHOWN);
  const shown = hidden ? entries.slice(hidden) : entries;
  const newest = entries[entries.length - 1];
  return (
    <div class="kb-log">
      <Heading class="kb-log__title">{label}</Heading>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section class="kb-log__scroll" tabIndex={0} aria-label={`${label} (${scope})`}>
        {entries.length === 0 ? (
          <p class="kb-log__empty">Nothing has happened yet.</p>
        ) : (
          <ol start={hidden + 1}>
            {hidden > 0 && <li class="kb-log__empty">{hidden} earlier entries are not shown.</li>}
            {shown.map((entry, i) => (
              <li key={`${entry.at}-${i + hidden}`} class={entry.error ? 'kb-log__error' : undefined}>
                <time>{formatElapsed(entry.at)}</time> {entry.text}
                {entry.error !== undefined && <span class="kb-tag kb-tag--error">error {entry.error}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p class="sr-only" aria-live="polite">
        {newest ? `${label}: ${newest.text}` : ''}
      </p>
    </div>
  );
}
