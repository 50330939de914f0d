import type { ComponentType } from 'preact';

/**
 * What a model's folder gives the static transcript (`Transcript.astro`): its columns per variant and
 * its timeline. Each model's `src/components/models/<id>/transcript.tsx` exports one as `transcript`;
 * the transcript finds it by the scenario's model, so adding a model registers nothing here.
 */
export interface TranscriptView<View> {
  /** "NT 4.0" for the variant "4.0". */
  variantName(variant: string): string;
  /** The table's caption for a scenario of this title (and the extra columns it names). */
  caption(title: string, columns: readonly string[]): string;
  /** Column headings per variant, after its name ("Server Manager" → "NT 4.0: Server Manager"). */
  headers: readonly string[];
  /**
   * Extra columns a scenario may name (its `columns` in article.yaml), by name → heading; `Cells`
   * renders them after its own, one `<td data-column="name">` each.
   */
  columns?: Readonly<Record<string, string>>;
  /** A tape event in words. */
  describe(event: { type: string }): string;
  /** One `<td>` per heading: the view after a step. `id` is unique on the page. */
  Cells: ComponentType<{ view: View; id: string; variant: string; columns: readonly string[] }>;
  /** Words for the page around the simulation (Simulation.astro). */
  page: {
    /** What one simulated system is called: "server", "domain". */
    system: string;
    /** Side by side, live: what to do and watch, starting with the scenario of this title. */
    compareIntro(title: string): string;
    /** Free play, live: what the reader starts from and can try. */
    freeIntro(title: string): string;
    /** Anything the model adds below the island at build time (help, a statechart), by the island's id. */
    Extra?: ComponentType<{ id: string; mode: 'scenario' | 'compare' | 'free' }>;
  };
  /** The whole run on one axis, per variant, where the model draws one. */
  Timeline?: ComponentType<{
    config: Record<string, unknown>;
    tape: readonly { at: number; event: { type: string } }[];
    end: number;
    variants: readonly string[];
  }>;
}

const modules = import.meta.glob<{ transcript: TranscriptView<unknown> }>('./*/transcript.tsx', {
  eager: true,
});

/** The transcript view of a model, by its id. */
export function transcriptViewOf(model: string): TranscriptView<unknown> {
  const found = modules[`./${model}/transcript.tsx`];
  if (!found) throw new Error(`No src/components/models/${model}/transcript.tsx for the model "${model}".`);
  return found.transcript;
}
