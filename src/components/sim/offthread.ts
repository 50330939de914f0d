import type { AnyModel } from '../../machines/kernel/model';
import type { TapeEntry } from '../../machines/kernel/registry';
import { createTimeline, type Recording, type Timeline } from '../../machines/kernel/timeline';

/*
 * Opening a long link replays its whole tape once per variant shown: thousands of machine steps, most
 * of them before the JIT has warmed up. That replay runs in a worker instead, which hands back each
 * timeline's checkpoints (Timeline.record); the page's timelines start from them and replay only the
 * few entries between a checkpoint and the moment shown. The worker is this very chunk loaded a
 * second time (new Worker(import.meta.url)): the same kernel and models, from the browser's cache.
 * Works for any model: the request names the model, and each model's players register it here
 * (`replayableOffThread`, called by its folder's `ui` module), so a page's chunk carries the models
 * its simulations show, not every registered one.
 */

/** Tapes shorter than this replay in the page: starting a worker would cost more than it saves. */
export const OFF_THREAD_ENTRIES = 200;
/** A worker that has not answered by then is given up on, and the page replays the tape itself. */
export const OFF_THREAD_TIMEOUT_MS = 8000;

/** A worker's reply is input like any other: one recording per variant, of the shape sent, else nothing. */
function recordingsIn(data: unknown, variants: number): Recording<unknown>[] | null {
  const good =
    Array.isArray(data) &&
    data.length === variants &&
    data.every(
      (r) =>
        typeof r?.until === 'number' &&
        Array.isArray(r.counts) &&
        Array.isArray(r.log) &&
        Array.isArray(r.checkpoints) &&
        r.checkpoints.length > 0 &&
        r.checkpoints.every(
          (c: { time?: unknown; context?: unknown } | null) => typeof c?.time === 'number' && !!c.context,
        ),
    );
  return good ? data : null;
}

interface Request {
  model: string;
  config: object;
  tape: TapeEntry<unknown>[];
  variants: readonly string[];
  until: number;
}

/** The models the worker can replay: those whose players this chunk carries (it is this chunk, loaded again). */
const models = new Map<string, AnyModel>();

/** Lets the worker replay `model`: called where a model's players are defined, so it runs in the worker too. */
export function replayableOffThread(model: AnyModel): void {
  models.set(model.id, model);
}

const configFor = (model: AnyModel, config: object, variant: string) => ({
  ...config,
  [model.variants.field]: variant,
});

if ((globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope) {
  // A throw here (an unknown model included) reaches the page as the worker's error event.
  self.onmessage = ({ data: { model: id, config, tape, variants, until } }: MessageEvent<Request>) => {
    const model = models.get(id);
    if (!model) throw new Error('unknown model');
    postMessage(variants.map((v) => createTimeline(model, configFor(model, config, v), tape).record(until)));
  };
}

/** What the worker recorded for a tape, and for which configuration object (a new one is a new setup). */
const recorded = new WeakMap<
  readonly TapeEntry<unknown>[],
  { config: object; recordings: Recording<unknown>[] }
>();

/**
 * Replays a long tape in a worker, once per variant, then calls `done`; returns false, without calling
 * it, for a short tape or a browser that cannot start the worker: replay in the page then. If the
 * worker fails, `done` is called all the same and the page replays the tape itself.
 */
export function replayOffThread(
  model: AnyModel,
  config: object,
  tape: TapeEntry<unknown>[],
  variants: readonly string[],
  until: number,
  done: () => void,
): boolean {
  if (tape.length < OFF_THREAD_ENTRIES || models.get(model.id) !== model) return false;
  try {
    const worker = new Worker(import.meta.url, { type: 'module' });
    let ended = false;
    const end = (event: Event | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      worker.terminate();
      const recordings = event instanceof MessageEvent ? recordingsIn(event.data, variants.length) : null;
      if (recordings) recorded.set(tape, { config, recordings });
      done();
    };
    // No answer in time, an error, or a reply that is not what was asked for: the page replays.
    const timer = setTimeout(() => end(null), OFF_THREAD_TIMEOUT_MS);
    worker.onmessage = worker.onerror = end;
    worker.postMessage({ model: model.id, config, tape, variants, until } satisfies Request);
    return true;
  } catch {
    return false;
  }
}

/** One timeline per variant over `tape`, each started from the worker's recording when it made one. */
export function timelinesOf<M extends AnyModel>(
  model: M,
  config: object,
  tape: TapeEntry<unknown>[],
  variants: readonly string[],
): Timeline<ReturnType<M['view']>>[] {
  const own = recorded.get(tape);
  return variants.map((variant, i) =>
    createTimeline(model, configFor(model, config, variant), tape, {
      recording: own?.config === config ? own.recordings[i] : undefined,
    }),
  );
}
