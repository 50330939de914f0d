import { formatElapsed } from '../../machines/kernel/format';
import type { AnyModel, ViewOf } from '../../machines/kernel/model';
import type { LoggedView, ModelUi } from './modelUi';

/*
 * What stands beside every model's picture: the figures the article's point turns on, and one line
 * saying what just happened (announced). Both read the model's views; neither decides anything.
 */

interface EvidenceProps<M extends AnyModel> {
  ui: ModelUi<M>;
  views: readonly ViewOf<M>[];
  labels: readonly string[];
  /** Keys of `ui.evidence`, in the order the article names them. */
  keys: readonly string[];
}

/** The article's figures, pinned next to the picture; a figure that differs between two variants is marked. */
export function Evidence<M extends AnyModel>({ ui, views, labels, keys }: EvidenceProps<M>) {
  const figures = keys.flatMap((key) => {
    const read = ui.evidence[key];
    return read ? [{ key, values: views.map((v) => read(v)) }] : [];
  });
  if (figures.length === 0) return null;
  return (
    <dl class="kb-evidence" aria-label="What the article turns on">
      {figures.map(({ key, values }) => {
        const differs = values.length > 1 && values.some((v) => v.value !== values[0]?.value);
        return (
          <div key={key} class={differs ? 'kb-evidence__figure kb-diff' : 'kb-evidence__figure'}>
            <dt>{values[0]?.label}</dt>
            {values.map((v, i) => (
              <dd key={labels[i]}>
                {values.length > 1 && <span class="kb-evidence__variant">{labels[i]}: </span>}
                <strong>{v.value}</strong>
              </dd>
            ))}
            {differs && <dd class="kb-tag kb-tag--diff">differs</dd>}
          </div>
        );
      })}
    </dl>
  );
}

/** "What just happened": the outcomes logged at this moment, else the last one before it. */
export function happened(views: readonly LoggedView[], labels: readonly string[]): string {
  const now = views[0]?.now ?? 0;
  const prefix = (i: number) => (views.length > 1 ? `${labels[i]}: ` : '');
  const here = views.flatMap((v, i) => v.log.filter((e) => e.at === now).map((e) => prefix(i) + e.text));
  if (here.length) return `At ${formatElapsed(now)}: ${here.join(' ')}`;
  const last = views
    .map((v, i) => ({ entry: v.log.findLast((e) => e.at <= now), i }))
    .filter((x) => x.entry)
    .sort((a, b) => (b.entry?.at ?? 0) - (a.entry?.at ?? 0))[0];
  // Without the clock's time: playback changes it every frame, and the line is announced.
  if (!last?.entry) return 'Nothing has happened yet.';
  return `Last, at ${formatElapsed(last.entry.at)}: ${prefix(last.i)}${last.entry.text}`;
}

/** The one-line caption beside the picture, announced politely (it changes only when the moment does). */
export function Happened({ text }: { text: string }) {
  return (
    <p class="kb-happened" aria-live="polite">
      {text}
    </p>
  );
}
