import type { AnyModel } from '../../machines/kernel/model';
import type { TapeEntry } from '../../machines/kernel/registry';
import { createTimeline, type Recording, type Timeline } from '../../machines/kernel/timeline';

/*
 * Opening a long link replays its whole tape once per variant shown: thousands of machine steps, most
 * of them before the JIT has warmed up. That replay runs in a worker instead, which hands back each
 * timeline's checkpoints (Timeline.record); the page's timelines start from them and replay only the
 * few entries between a checkpoint and the moment shown. The worker is the model's own chunk loaded a
 * second time (its ui module's address, `ui.workerUrl`, which calls serveReplays): the same kernel and
 * model, from the browser's cache, and no other model's code on the page.
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

const configFor = (model: AnyModel, config: object, variant: string) => ({
  ...config,
  [model.variants.field]: variant,
});

/**
 * Makes the module that calls it (a model's ui module, at load) a replay worker for `model` when it
 * runs as one; in the page it does nothing.
 */
export function serveReplays(model: AnyModel): void {
  if (!(globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope) return;
  // A throw here (another model's request included) reaches the page as the worker's error event.
  self.onmessage = ({ data: { model: id, config, tape, variants, until } }: MessageEvent<Request>) => {
    if (id !== model.id) throw new Error('unknown model');
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
  /** The address of a module that serves `model`'s replays (serveReplays); none: replay in the page. */
  workerUrl: string | undefined,
  config: object,
  tape: TapeEntry<unknown>[],
  variants: readonly string[],
  until: number,
  done: () => void,
): boolean {
  if (tape.length < OFF_THREAD_ENTRIES || !workerUrl) return false;
  try {
    const worker = new Worker(workerUrl, { type: 'module' });
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
