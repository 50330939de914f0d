import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { embedSnippet } from '../embedSnippet';
import { copyLink } from './share';

export interface ShareBarProps {
  /** Names of the buttons: the player says "Copy link", the simulator "Copy link to this moment". */
  copyLabel: string;
  /** What the link opens, in the sentence shown after copying ("the scenario at this step"). */
  what: string;
  /** The address to copy (path, query and fragment), read when the reader presses the button. */
  link: () => string;
  /** The embed page's address with this moment, and the frame's title; no Embed action without it. */
  embed?: () => { src: string; title: string };
  /** Whose snippet: "this step", "this moment". */
  embedWhat: string;
  /** Changes when the reader does something else: the copy message and the snippet make way. */
  moment: unknown;
  /** Actions placed between the buttons and the message (Reset, "Open this moment side by side"). */
  children?: ComponentChildren;
}

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
      <button type="button" class="kb-button" onClick={async () => setCopied(await copyLink(link(), what))}>
        {copyLabel}
      </button>
      {embed && (
        <button
          type="button"
          class="kb-button"
          aria-expanded={snippet ? 'true' : 'false'}
          onClick={() => {
            const { src, title } = embed();
            setSnippet(snippet ? null : embedSnippet(`${location.origin}${src}`, title));
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
