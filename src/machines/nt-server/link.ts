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
