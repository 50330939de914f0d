import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OFF_THREAD_ENTRIES,
  OFF_THREAD_TIMEOUT_MS,
  replayOffThread,
  serveReplays,
  timelinesOf,
} from '../../src/components/sim/offthread';
import {
  createTimeline,
  type NtVersion,
  ntServer,
  type ServerConfig,
  simulate,
  type TapeEntry,
} from '../../src/machines';

// The page's side of the off-thread replay, with a stand-in for the browser's Worker: the real worker
// is this same module in a browser (tests/e2e/simulations.spec.ts opens a long link both ways).

const VERSIONS: readonly NtVersion[] = ['3.51', '4.0'];

/** A tape of `n` actions a minute apart: connections, files and disconnections on two workstations. */
function tapeOf(n: number): TapeEntry[] {
  const kinds = ['share.connect', 'file.open', 'file.close', 'share.disconnect'] as const;
  return Array.from({ length: n }, (_, i) => ({
    at: i * 60_000,
    event: {
      type: kinds[i % 4] as (typeof kinds)[number],
      computer: i % 8 < 4 ? 'WKS1' : 'WKS2',
      share: 'PUBLIC',
    },
  }));
}

/** The address a model's ui gives for its replays (the stand-in Worker ignores it). */
const WORKER_URL = 'https://livekb.test/_astro/nt-server.js';

/** Stands in for Worker: replays as the worker does, then answers (or fails) on a later task. */
function fakeWorker(how: 'answers' | 'fails' | 'cannot start' | 'silent' | 'garbage') {
  const started: string[] = [];
  class FakeWorker {
    onmessage: ((e: MessageEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    terminated = false;
    constructor(url: string | URL) {
      if (how === 'cannot start') throw new Error('SecurityError');
      started.push(String(url));
    }
    postMessage({
      model,
      config,
      tape,
      variants: versions,
      until,
    }: {
      model: string;
      config: ServerConfig;
      tape: TapeEntry[];
      variants: NtVersion[];
      until: number;
    }) {
      expect(model).toBe('nt-server');
      const cloned = structuredClone({ config, tape });
      setTimeout(() => {
        if (how === 'fails') return this.onerror?.(new Event('error'));
        if (how === 'silent') return;
        if (how === 'garbage')
          return this.onmessage?.(new MessageEvent('message', { data: [{ until: 'x' }, null] }));
        const data = structuredClone(
          versions.map((version) => createTimeline({ ...cloned.config, version }, cloned.tape).record(until)),
        );
        this.onmessage?.(new MessageEvent('message', { data }));
      });
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return started;
}

const replayed = (config: ServerConfig, tape: TapeEntry[], until: number) =>
  new Promise<boolean>((resolve) => {
    if (!replayOffThread(ntServer, WORKER_URL, config, tape, VERSIONS, until, () => resolve(true)))
      resolve(false);
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the worker side: a model ui module run as a worker serves its own model', () => {
  it('answers a request for its model with one recording per variant, and refuses another model', () => {
    const posted: unknown[] = [];
    const scope: { onmessage?: (e: { data: unknown }) => void } = {};
    vi.stubGlobal('WorkerGlobalScope', class {});
    vi.stubGlobal('self', scope);
    vi.stubGlobal('postMessage', (data: unknown) => posted.push(data));
    serveReplays(ntServer);
    const request = { config: { version: '3.51' }, tape: tapeOf(20), variants: VERSIONS, until: 40 * 60_000 };
    scope.onmessage?.({ data: { ...request, model: 'nt-server' } });
    expect(posted).toHaveLength(1);
    expect((posted[0] as { until: number }[]).map((r) => r.until)).toEqual(VERSIONS.map(() => 40 * 60_000));
    expect(() => scope.onmessage?.({ data: { ...request, model: 'nt-domain' } })).toThrow('unknown model');
  });

  it('does nothing in the page', () => {
    const scope: { onmessage?: unknown } = {};
    vi.stubGlobal('self', scope);
    serveReplays(ntServer);
    expect(scope.onmessage).toBeUndefined();
  });
});

describe('replaying a long tape off the main thread', () => {
  it('leaves the replay to the page when the model gives no worker address', () => {
    const started = fakeWorker('answers');
    const tape = tapeOf(300);
    expect(
      replayOffThread(ntServer, undefined, { version: '3.51' }, tape, VERSIONS, 320 * 60_000, () => {}),
    ).toBe(false);
    expect(started).toEqual([]);
  });

  it('leaves a short tape to the page: no worker starts', async () => {
    const started = fakeWorker('answers');
    expect(await replayed({ version: '3.51' }, tapeOf(OFF_THREAD_ENTRIES - 1), 60_000)).toBe(false);
    expect(started).toEqual([]);
  });

  it("starts the page's timelines from the worker's checkpoints, and they show what simulate shows", async () => {
    const started = fakeWorker('answers');
    const config: ServerConfig = { version: '3.51', autodisconnectMinutes: 5 };
    const tape = tapeOf(400);
    const until = 420 * 60_000;
    expect(await replayed(config, tape, until)).toBe(true);
    expect(started).toHaveLength(1);

    const timelines = timelinesOf(ntServer, config, tape, VERSIONS);
    // A timeline of its own starts with one checkpoint; these start with the worker's.
    for (const timeline of timelines) expect(timeline.checkpoints).toBeGreaterThan(10);
    for (const [i, timeline] of timelines.entries()) {
      const own = { ...config, version: VERSIONS[i] as NtVersion };
      expect(timeline.figuresUntil(until)).toEqual(createTimeline(own, tape).figuresUntil(until));
      for (const t of [until, 0, 123 * 60_000, 399 * 60_000, 7_777_777])
        expect(timeline.viewAt(t)).toEqual(simulate(own, tape, t));
    }
  });

  it('keeps a recording to the setup it was made for: another configuration replays in the page', async () => {
    fakeWorker('answers');
    const config: ServerConfig = { version: '3.51' };
    const tape = tapeOf(300);
    await replayed(config, tape, 320 * 60_000);
    const changed = { ...config, autodisconnectMinutes: 1 };
    for (const timeline of timelinesOf(ntServer, changed, tape, VERSIONS))
      expect(timeline.checkpoints).toBe(1);
    for (const timeline of timelinesOf(ntServer, config, tape.slice(), VERSIONS))
      expect(timeline.checkpoints).toBe(1);
  });

  it('when the worker fails, still calls back, and the page replays the tape itself', async () => {
    fakeWorker('fails');
    const config: ServerConfig = { version: '3.51' };
    const tape = tapeOf(300);
    expect(await replayed(config, tape, 320 * 60_000)).toBe(true);
    const [timeline] = timelinesOf(ntServer, config, tape, VERSIONS);
    expect(timeline?.checkpoints).toBe(1);
    expect(timeline?.viewAt(100 * 60_000)).toEqual(simulate(config, tape, 100 * 60_000));
  });

  it('when the browser cannot start a worker, says so, and the page replays the tape itself', async () => {
    fakeWorker('cannot start');
    expect(await replayed({ version: '3.51' }, tapeOf(300), 60_000)).toBe(false);
  });
});

describe('a worker that does not answer, or answers with something else, leaves the replay to the page', () => {
  it('gives up on a silent worker after the time bound, and the timelines replay in the page', async () => {
    vi.useFakeTimers();
    try {
      fakeWorker('silent');
      const config: ServerConfig = { version: '3.51' };
      const tape = tapeOf(300);
      const done = vi.fn();
      expect(replayOffThread(ntServer, WORKER_URL, config, tape, VERSIONS, 320 * 60_000, done)).toBe(true);
      await vi.advanceTimersByTimeAsync(OFF_THREAD_TIMEOUT_MS - 1);
      expect(done).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toHaveBeenCalledTimes(1);
      for (const timeline of timelinesOf(ntServer, config, tape, VERSIONS))
        expect(timeline.checkpoints).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('validates the reply like any input: a malformed one is not used, and the page shows what simulate shows', async () => {
    fakeWorker('garbage');
    const config: ServerConfig = { version: '3.51' };
    const tape = tapeOf(300);
    expect(await replayed(config, tape, 320 * 60_000)).toBe(true);
    const timelines = timelinesOf(ntServer, config, tape, VERSIONS);
    for (const timeline of timelines) expect(timeline.checkpoints).toBe(1);
    expect(timelines[0]?.viewAt(100 * 60_000)).toEqual(simulate(config, tape, 100 * 60_000));
  });
});
