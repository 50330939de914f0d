import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { embedSnippet } from '../embedSnippet';
import { copyLink } from './share';

export interface ShareBarProps {
  /** Names of the buttons: the player says "Copy link", the simulator "Copy link to this moment". */
  copyLabel: string;
  /** What the link opens, in the sentence shown after copying ("the scenario at this step"). */
  what: string;
  /**
   * The address to copy (path, query and fragment), read when the reader presses the button; null
   * when this moment is longer than a link may be (opened from a long link of the first format).
   */
  link: () => string | null;
  /** The embed page's address with this moment, and the frame's title (null as for `link`); no Embed action without it. */
  embed?: () => { src: string; title: string } | null;
  /** Whose snippet: "this step", "this moment". */
  embedWhat: string;
  /** Changes when the reader does something else: the copy message and the snippet make way. */
  moment: unknown;
  /** Actions placed between the buttons and the message (Reset, "Open this moment side by side"). */
  children?: ComponentChildren;
}

const TOO_LONG =
  'This moment is longer than a new link can carry (8 KB): it came from an older, longer link. Undo, reset or load a scenario to share one.';

/** Copy link and Embed, with the sentence each leaves: one bar for the scenario player and the simulator. */
export function ShareBar({ copyLabel, what, link, embed, embedWhat, moment, children }: ShareBarProps) {
  const [copied, setCopied] = useState('');
  const [snippet, setSnippet] = useState<string | null>(null);
  useEffect(() => {
    setCopied('');
    setSnippet(null);
  }, [moment]);
  return (
    <div class="kb-sim__share">
      <button
        type="button"
        class="kb-button"
        onClick={async () => {
          const path = link();
          setCopied(path === null ? TOO_LONG : await copyLink(path, what));
        }}
      >
        {copyLabel}
      </button>
      {embed && (
        <button
          type="button"
          class="kb-button"
          aria-expanded={snippet ? 'true' : 'false'}
          onClick={() => {
            const frame = snippet ? null : embed();
            if (!snippet && !frame) setCopied(TOO_LONG);
            setSnippet(frame && embedSnippet(`${location.origin}${frame.src}`, frame.title));
          }}
        >
          Embed
        </button>
      )}
      {children}
      <p class="kb-sim__status" role="status">
        {copied}
      </p>
      {snippet && (
        <label class="kb-field kb-sim__embed">
          <span>Embed {embedWhat} on your site: copy this HTML</span>
          <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
