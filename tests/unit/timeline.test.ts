import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createTimeline, simulate, timelineView } from '../../src/machines';
import { configArb, opts, tapeArb } from './arbitraries';

// Property runs take seconds, more on a busy machine: time is not what these tests assert.
vi.setConfig({ testTimeout: 600_000 });

describe('createTimeline: incremental replay with checkpoints', () => {
  it('viewAt(t) deep-equals simulate(config, tape, t) for random t going both ways', () => {
    fc.assert(
      fc.property(
        configArb,
        tapeArb,
        fc.array(fc.integer({ min: 0, max: 6 * 60 * 60_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        (config, tape, times, every) => {
          const timeline = createTimeline(config, tape, { everyEntries: every, everyMs: 7 * 60_000 });
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
});
