import {
  createTimeline,
  type NtVersion,
  type Recording,
  type ServerConfig,
  type TapeEntry,
  type Timeline,
} from '../../machines';

/*
 * Opening a long link replays its whole tape once per server: thousands of machine steps, most of
 * them before the JIT has warmed up. That replay runs in a worker instead, which hands back each
 * timeline's checkpoints (Timeline.record); the page's timelines start from them and replay only the
 * few entries between a checkpoint and the moment shown. The worker is this very chunk loaded a
 * second time (new Worker(import.meta.url)): the same kernel code, from the browser's cache.
 */

/** Tapes shorter than this replay in the page: starting a worker would cost more than it saves. */
export const OFF_THREAD_ENTRIES = 200;

interface Request {
  config: ServerConfig;
  tape: TapeEntry[];
  versions: readonly NtVersion[];
  until: number;
}

if ((globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope) {
  // A throw here reaches the page as the worker's error event.
  self.onmessage = ({ data: { config, tape, versions, until } }: MessageEvent<Request>) =>
    postMessage(versions.map((version) => createTimeline({ ...config, version }, tape).record(until)));
}

/** What the worker recorded for a tape, and for which configuration object (a new one is a new setup). */
const recorded = new WeakMap<readonly TapeEntry[], { config: ServerConfig; recordings: Recording[] }>();

/**
 * Replays a long tape in a worker, once per version, then calls `done`; returns false, without
 * calling it, for a short tape or a browser that cannot start the worker: replay in the page then.
 * If the worker fails, `done` is called all the same and the page replays the tape itself.
 */
export function replayOffThread(
  config: ServerConfig,
  tape: TapeEntry[],
  versions: readonly NtVersion[],
  until: number,
  done: () => void,
): boolean {
  if (tape.length < OFF_THREAD_ENTRIES) return false;
  try {
    const worker = new Worker(import.meta.url, { type: 'module' });
    const end = (event: Event) => {
      worker.terminate();
      if (event instanceof MessageEvent) recorded.set(tape, { config, recordings: event.data });
      done();
    };
    worker.onmessage = worker.onerror = end;
    worker.postMessage({ config, tape, versions, until } satisfies Request);
    return true;
  } catch {
    return false;
  }
}

/** One timeline per version over `tape`, each started from the worker's recording when it made one. */
export function timelinesOf(
  config: ServerConfig,
  tape: TapeEntry[],
  versions: readonly NtVersion[],
): Timeline[] {
  const own = recorded.get(tape);
  return versions.map((version, i) =>
    createTimeline({ ...config, version }, tape, {
      recording: own?.config === config ? own.recordings[i] : undefined,
    }),
  );
}
