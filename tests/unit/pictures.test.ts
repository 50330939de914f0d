import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { timelineSeries } from '../../src/components/models/nt-server/series';
import { sessionState } from '../../src/components/models/nt-server/view';
import { toScenario } from '../../src/lib/article-data';
import { simulate, type TapeEntry } from '../../src/machines';
import { scenarioTape } from '../../src/machines/scenarios';
import { article } from './content';

const MIN = 60_000;
const connectAs = toScenario('connect-as', article('q153066').data.scenarios['connect-as'] as never);
const tape = scenarioTape(connectAs);

describe('pictures read the kernel’s views', () => {
  it('derives where each session stands in the session statechart', () => {
    const at = (version: '3.51' | '4.0', t: number) =>
      sessionState(simulate({ ...connectAs.config, version }, tape, t), 'WKS1');

    expect(at('3.51', 0)).toBe('holding');
    expect(at('3.51', 2 * MIN)).toBe('leftover');
    expect(at('4.0', 2 * MIN)).toBe('none');
    expect(at('3.51', 17 * MIN)).toBe('none');
  });

  it('samples licences and connections at each action and autodisconnect, per version', () => {
    const [nt351, nt40] = timelineSeries({ ...connectAs.config, version: '3.51' }, tape, 30 * MIN, [
      '3.51',
      '4.0',
    ]);

    expect(nt351?.drops).toEqual([17 * MIN]);
    expect(nt351?.points.map((p) => [p.at / 1000, p.licences, p.connections])).toEqual([
      [0, 1, 2],
      [30, 1, 2],
      [90, 1, 2],
      [120, 1, 1],
      [17 * 60, 0, 0],
    ]);
    expect(nt40?.drops).toEqual([]);
    expect(nt40?.points.at(-1)).toMatchObject({ at: 2 * MIN, licences: 0, connections: 0 });
  });

  it('every logged moment is a point with the figures the server listed then (Server Manager ending a session at 20:00)', () => {
    // Before DESIGN v3's row 10, Server Manager could close a session's last open file past its idle
    // deadline, and the autodisconnect was logged at that earlier deadline; now it ends the session.
    const moments: TapeEntry[] = [
      { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } },
      { at: MIN, event: { type: 'file.open', computer: 'WKS1', share: 'PUBLIC' } },
      { at: 20 * MIN, event: { type: 'admin.disconnect', computer: 'WKS1', share: 'PUBLIC' } },
    ];
    const [series] = timelineSeries({ version: '3.51' }, moments, 30 * MIN, ['3.51']);
    expect(simulate({ version: '3.51' }, moments, 30 * MIN).log.map((e) => e.at / MIN)).toEqual([0, 1, 20]);
    expect(series?.drops).toEqual([]);
    expect(series?.points.map((p) => p.at / MIN)).toEqual([0, 1, 20]);
    for (const p of series?.points ?? []) {
      const view = simulate({ version: '3.51' }, moments, p.at);
      expect(p).toEqual({ at: p.at, licences: view.licenses.inUse, connections: view.connections.length });
    }
  });
});

describe('the session statechart', () => {
  it('its committed layout matches session.ts (npm run statechart rewrites it)', () => {
    const result = spawnSync(process.execPath, ['scripts/statechart.mjs', '--check'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/matches/);
    expect(result.status).toBe(0);
    // A child process that loads ELK and lays the chart out: ~2 s alone, over 5 s on a loaded 2-core machine.
  }, 30_000);
});
