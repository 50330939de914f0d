import { describe, expect, it } from 'vitest';
import { ui } from '../../src/components/models/nt-server';
import { paramToPlace, placeToParam } from '../../src/components/sim/ScenarioPlayer';
import { happened } from '../../src/components/sim/Stage';
import { simulate } from '../../src/machines';

describe('what just happened, beside the picture', () => {
  const tape = [
    { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } as const },
    { at: 60_000, event: { type: 'share.disconnect', computer: 'WKS1', share: 'PUBLIC' } as const },
  ];
  it('says the outcomes logged at this moment, with the time', () => {
    const view = simulate({ version: '3.51' }, tape, 60_000);
    const text = happened([view], ['NT 3.51']);
    expect(text.startsWith('At 00:01:00: ')).toBe(true);
    expect(text).toContain(view.log.filter((e) => e.at === 60_000)[0]?.text ?? 'missing');
  });
  it('between outcomes, names the last one without the clock (playback would change the line every frame)', () => {
    const a = happened([simulate({ version: '3.51' }, tape, 90_000)], ['NT 3.51']);
    const b = happened([simulate({ version: '3.51' }, tape, 95_000)], ['NT 3.51']);
    expect(a).toMatch(/^Last, at 00:01:00: /);
    expect(b).toBe(a);
  });
  it('side by side, prefixes each outcome with its variant', () => {
    const views = ['3.51', '4.0'].map((version) =>
      simulate({ version: version as '3.51' | '4.0' }, tape, 60_000),
    );
    const text = happened(views, ['NT 3.51', 'NT 4.0']);
    expect(text).toContain('NT 3.51: ');
    expect(text).toContain('NT 4.0: ');
  });
  it('says so when nothing has happened', () => {
    expect(happened([simulate({ version: '4.0' }, [], 5_000)], ['NT 4.0'])).toBe('Nothing has happened yet.');
  });
});

describe('the scenario player’s place in the address, for any model’s variants', () => {
  it('round-trips a step and a variant', () => {
    expect(placeToParam(2, '4.0', '3.51')).toBe('3-4.0');
    expect(paramToPlace('3-4.0', 5, ['3.51', '4.0'])).toEqual({ index: 2, version: '4.0' });
    expect(paramToPlace('3', 5, ['3.51', '4.0'])).toEqual({ index: 2, version: '3.51' });
  });
  it('refuses a step or variant the scenario does not have', () => {
    expect(paramToPlace('9', 5, ['3.51', '4.0'])).toBeNull();
    expect(paramToPlace('2-3.5', 5, ['3.51', '4.0'])).toBeNull();
    expect(paramToPlace('2-<b>', 5, ['3.51', '4.0'])).toBeNull();
  });
});

describe('the NT server’s ui', () => {
  it('offers its four panels as tabs, each loaded by address', () => {
    expect(ui.panels.map((p) => p.label)).toEqual([
      'Server Manager',
      'Performance Monitor',
      'net use',
      'Event log',
    ]);
    for (const p of ui.panels) expect(typeof p.load).toBe('function');
  });
  it('reads the figures an article can pin from the model’s view', () => {
    const view = simulate({ version: '3.51', licenseLimit: 2 }, [
      { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } },
    ]);
    expect(ui.evidence.licences?.(view)).toEqual({ label: 'Licences in use', value: '1 of 2' });
    expect(ui.evidence.sessionsErroredOut?.(view)).toEqual({ label: 'Sessions Errored Out', value: '0' });
    expect(ui.evidence.licences?.(simulate({ version: '3.5' }, []))?.value).toBe('no licensing (NT 3.5)');
  });
});
