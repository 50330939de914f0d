import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createTimeline, simulate, timelineView } from '../../src/machines';
import { configArb, opts, tapeArb } from './arbitraries';

// Property runs take seconds, more on a busy machine: time is not what these tests assert.
vi.setConfig({ testTimeout: 20_000 });

describe('createTimeline: incremental replay with checkpoints', () => {
  it('viewAt(t) deep-equals simulate(config, tape, t) for random t going both ways', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.array(fc.integer({ min: 0, max: 6 * 60 * 60_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        (config, tape, times, every) => {
          const timeline = createTimeline(config, tape, { everyEntries: every });
          for (const t of times) expect(timeline.viewAt(t)).toEqual(simulate(config, tape, t));
        },
      ),
      opts,
    );
  });

  it('steps forward frame by frame and back again, equal to simulate at each frame', () => {
    fc.assert(
      fc.property(configArb, tapeArb, (config, tape) => {
        const timeline = createTimeline(config, tape, { everyEntries: 4 });
        const end = (tape.at(-1)?.at ?? 0) + 20 * 60_000;
        const frames: number[] = [];
        for (let t = 0; t <= end; t += Math.max(1, Math.floor(end / 15))) frames.push(t);
        for (const t of [...frames, ...frames.reverse()]) {
          expect(timeline.viewAt(t)).toEqual(simulate(config, tape, t));
        }
      }),
      { ...opts, numRuns: Math.max(1, Math.floor(opts.numRuns / 5)) },
    );
  });

  it('countsUntil(end) gives, at 0 and at every tape and log time, the licences and connections viewAt lists, in one pass', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.integer({ min: 0, max: 6 * 60 * 60_000 }),
        fc.integer({ min: 0, max: 6 * 60 * 60_000 }),
        (config, tape, before, end) => {
          const timeline = createTimeline(config, tape, { everyEntries: 3 });
          timeline.viewAt(before); // from wherever the timeline stands
          const counts = timeline.countsUntil(end);
          const log = simulate(config, tape, end).log;
          const times = new Set(
            [0, ...tape.map((e) => e.at), ...log.map((e) => e.at)].filter((t) => t <= end),
          );
          const other = createTimeline(config, tape);
          for (const t of times) {
            const view = other.viewAt(t);
            expect(counts.get(t)).toEqual({
              licences: view.licenses.inUse,
              connections: view.connections.length,
            });
          }
          // In time order, and the timeline carries on from `end` as usual.
          const keys = [...counts.keys()];
          expect(keys).toEqual([...keys].sort((a, b) => a - b));
          expect(timeline.viewAt(end)).toEqual(simulate(config, tape, end));
          expect(timeline.viewAt(before)).toEqual(simulate(config, tape, before));
        },
      ),
      opts,
    );
  });

  it("countsUntil has what an entry ends at that entry's time, as viewAt does", () => {
    // Server Manager ends WKS1's session, with its open file, 4 minutes past its 1-minute idle
    // deadline: the session goes at once, not at the next entry.
    const config = { version: '3.51' as const, autodisconnectMinutes: 1 };
    const tape = [
      { at: 0, event: { type: 'share.connect' as const, computer: 'WKS1', share: 'PUBLIC' } },
      { at: 0, event: { type: 'file.open' as const, computer: 'WKS1', share: 'PUBLIC' } },
      { at: 5 * 60_000, event: { type: 'admin.disconnect' as const, computer: 'WKS1', share: 'PUBLIC' } },
      { at: 9 * 60_000, event: { type: 'share.connect' as const, computer: 'WKS2', share: 'PUBLIC' } },
    ];
    const counts = createTimeline(config, tape).countsUntil(10 * 60_000);
    for (const t of [5 * 60_000, 9 * 60_000]) {
      const view = simulate(config, tape, t);
      expect(counts.get(t)).toEqual({ licences: view.licenses.inUse, connections: view.connections.length });
    }
    expect(counts.get(5 * 60_000)).toEqual({ licences: 0, connections: 0 });
  });

  it('its log array grows with the log and starts again going back, equal to simulate both ways', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.array(fc.integer({ min: 0, max: 6 * 60 * 60_000 }), { minLength: 1, maxLength: 12 }),
        (config, tape, times) => {
          const timeline = createTimeline(config, tape, { everyEntries: 3 });
          for (const t of [...times, ...[...times].sort((a, b) => a - b)])
            expect(timeline.viewAt(t).log).toEqual(simulate(config, tape, t).log);
        },
      ),
      opts,
    );
  });

  it('keeps checkpoints as it goes', () => {
    const tape = Array.from({ length: 100 }, (_, i) => ({
      at: i * 1000,
      event: { type: 'file.open' as const, computer: 'WKS1', share: 'PUBLIC' },
    }));
    const timeline = createTimeline({ version: '3.51' }, tape, { everyEntries: 10 });
    timeline.viewAt(100_000);
    expect(timeline.checkpoints).toBeGreaterThanOrEqual(10);
  });

  it('timelineView(config, tape, t) equals simulate for the same arguments, frame after frame', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.array(fc.integer({ min: 0, max: 3 * 60 * 60_000 }), { maxLength: 8 }),
        (config, tape, times) => {
          for (const t of times) {
            expect(timelineView(config, tape, t)).toEqual(simulate(config, tape, t));
            expect(timelineView({ ...config, version: '4.0' }, tape, t)).toEqual(
              simulate({ ...config, version: '4.0' }, tape, t),
            );
          }
        },
      ),
      { ...opts, numRuns: Math.max(1, Math.floor(opts.numRuns / 5)) },
    );
  });

  it("a timeline started from another one's recording, sent through structured cloning, shows the same", () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.integer({ min: 0, max: 6 * 60 * 60_000 }),
        fc.integer({ min: 0, max: 6 * 60 * 60_000 }),
        fc.array(fc.integer({ min: 0, max: 6 * 60 * 60_000 }), { minLength: 1, maxLength: 8 }),
        (config, tape, before, end, times) => {
          const source = createTimeline(config, tape, { everyEntries: 3 });
          source.viewAt(before); // checkpoints from a restore as well as from the straight replay
          const recording = structuredClone(source.record(end));
          const seeded = createTimeline(config, tape, { everyEntries: 3, recording });
          expect(seeded.checkpoints).toBe(recording.checkpoints.length);
          expect(seeded.countsUntil(end)).toEqual(source.countsUntil(end));
          for (const t of [...times, end, 0]) expect(seeded.viewAt(t)).toEqual(simulate(config, tape, t));
        },
      ),
      opts,
    );
  });

  it('countsUntil(end) for a recorded end comes from the recording; any other end replays as usual', () => {
    const tape = Array.from({ length: 40 }, (_, i) => ({
      at: i * 60_000,
      event: { type: 'share.connect' as const, computer: i % 2 ? 'WKS1' : 'WKS2', share: 'PUBLIC' },
    }));
    const recording = createTimeline({ version: '3.51' }, tape).record(3_600_000);
    // A doctored figure shows that the seeded timeline did not replay for the recorded end.
    const doctored = { ...recording, counts: [0, 9, 9] };
    const seeded = createTimeline({ version: '3.51' }, tape, { recording: doctored });
    expect(seeded.countsUntil(3_600_000).get(0)).toEqual({ licences: 9, connections: 9 });
    expect(seeded.countsUntil(3_000_000)).toEqual(
      createTimeline({ version: '3.51' }, tape).countsUntil(3_000_000),
    );
  });
});
