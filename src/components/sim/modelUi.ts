import type { ComponentType } from 'preact';
import type { AnyModel, ConfigOf, EventOf, ViewOf } from '../../machines/kernel/model';
import type { createPlayer } from '../../machines/kernel/player';
import type { TapeEntry } from '../../machines/kernel/registry';
import type { PlayerOptions } from './usePlayer';

/*
 * What a model's folder in src/components/models/<model-id>/ gives the players (scenario, side by
 * side, free play): one object, its `index.ts`'s `ui`. The players are generic; everything that draws
 * or acts on one model's view comes from here. Panels are loaded when the reader opens them.
 */

/** What every model view carries that the players read: its log of outcomes. */
export interface LoggedView {
  now: number;
  log: { at: number; text: string; error?: number; kind?: string }[];
}

export interface PictureProps<M extends AnyModel> {
  /** Unique on the page: names the picture's title and description. */
  id: string;
  view: ViewOf<M>;
  /** The variant this view shows (e.g. '3.51'). */
  variant: string;
}

export interface ControlsProps<M extends AnyModel> {
  id: string;
  /** The first variant's view at this moment (the values in force). */
  view: ViewOf<M>;
  config: ConfigOf<M>;
  /** Changes with every recorded action, load or reset. */
  revision: unknown;
  record: (event: EventOf<M>) => void;
  setConfig: (config: ConfigOf<M>) => void;
  /** What the system(s) answered at this moment, beside the controls. */
  result: readonly { text: string; error?: number }[];
  /** Set when the controls act on more than one variant at once, e.g. "on both servers". */
  scope?: string;
}

export interface TimelineProps<M extends AnyModel> {
  config: ConfigOf<M>;
  tape: TapeEntry<EventOf<M>>[];
  end: number;
  at: number;
  variants: readonly string[];
  /** The incremental timelines the views come from, one per variant (usePlayer's). */
  timelines: readonly unknown[];
  onSeek: (at: number) => void;
}

export interface PanelProps<M extends AnyModel> {
  /** The island's id. */
  id: string;
  views: readonly ViewOf<M>[];
  variants: readonly string[];
  /** Each variant as the reader reads it ('NT 3.51'). */
  labels: readonly string[];
  /** Side by side, free play or the narrated scenario: names the panel's regions uniquely on the page. */
  scope: string;
  /** Records an action (an administrator's tool acting from its panel); absent in the scenario player. */
  record?: (event: EventOf<M>) => void;
}

export interface PanelSpec<M extends AnyModel> {
  id: string;
  label: string;
  /** A dynamic import: the panel's code loads when the reader first opens it. */
  load: () => Promise<{ default: ComponentType<PanelProps<M>> }>;
}

/** A figure the article's point turns on, pinned beside the picture (Simulation.astro's `evidence`). */
export interface EvidenceFigure {
  label: string;
  value: string;
}

export interface ModelUi<M extends AnyModel> {
  model: M;
  player: ReturnType<typeof createPlayer<M>>;
  codec: PlayerOptions<M>['codec'] & {
    encode(state: { config: ConfigOf<M>; tape: TapeEntry<EventOf<M>>[]; at: number }): string;
  };
  /**
   * The ui module's own address (`import.meta.url`; the module calls serveReplays): a long link's
   * replay runs there in a worker.
   */
  workerUrl?: string;
  /** A sentence for a loaded link whose meaning a later rule change may have altered. */
  linkNote?: PlayerOptions<M>['linkNote'];
  /** What an empty free play starts from. */
  emptyConfig: ConfigOf<M>;
  /** A variant as the reader reads it: '3.51' → 'NT 3.51'. */
  variantLabel(variant: string): string;
  /** The system in a variant, for headings: 'NTSERVER on Windows NT 3.51'. */
  systemLabel(variant: string): string;
  /** The clock's "jump to the next thing that happens" button. */
  nextLabel: string;
  Picture: ComponentType<PictureProps<M>>;
  Controls: ComponentType<ControlsProps<M>>;
  Timeline: ComponentType<TimelineProps<M>>;
  /** The panels offered as tabs below the picture, in order. */
  panels: readonly PanelSpec<M>[];
  /** The figures an article may pin beside the picture, by key (Simulation.astro's `evidence`). */
  evidence: Record<string, (view: ViewOf<M>) => EvidenceFigure>;
  /** Marks the build-time statechart under island `id` (labels carry the variant when there are several). */
  markChart?(id: string, views: readonly ViewOf<M>[], variants: readonly string[], several: boolean): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a model UI of any model, for the generic players
export type AnyModelUi = ModelUi<any>;
