import type { LinkError as KernelLinkError, LinkState as KernelLinkState, LinkFit } from '../kernel/link';
import type { SimEvent } from './registry';
import type { ServerConfig } from './world';

export type LinkState = KernelLinkState<ServerConfig, SimEvent>;
export type LinkError = KernelLinkError;
export type LinkResult = { ok: true; value: LinkState } | { ok: false; error: LinkError };
export {
  LINK_VERSION,
  MAX_LINK_CHARS,
  MAX_LINK_ENTRIES,
  MAX_LINK_MS,
  MAX_READ_CHARS,
} from '../kernel/link';
export { decode, encode, linkFits, linkOrNull } from './model';
export type { LinkFit };

/**
 * Rules that changed after links of the first format were published (DESIGN v3), by the event they
 * govern. A moment shared before may now show a different outcome; the player says so.
 */
const CHANGED_RULES: readonly { type: SimEvent['type']; note: string }[] = [
  {
    type: 'admin.disconnect',
    note: 'This moment was shared before LiveKB followed NT in ending the whole session when Server Manager disconnects a connection, so what it shows after that Disconnect may differ from what was shared.',
  },
];

/** The sentence to show when a link's moment may now read differently because a rule changed, or null. */
export function ruleChangeNote(link: string, tape: readonly { event: SimEvent }[]): string | null {
  if (!link.trim().startsWith('1.')) return null;
  return CHANGED_RULES.find((rule) => tape.some((e) => e.event.type === rule.type))?.note ?? null;
}
