import { describe, expect, it } from 'vitest';
import { toScenario } from '../../src/lib/article-data';
import { decode, encode, type LinkState, scenarioTape, simulate } from '../../src/machines';
import { article } from './content';
import { connect, MIN } from './helpers';

const state: LinkState = {
  config: { version: '3.51', autodisconnectMinutes: 15, licenseLimit: 5, licenseLogging: true },
  tape: scenarioTape(
    toScenario('licence-blocks', article('q153066').data.scenarios['licence-blocks'] as never),
  ),
  at: 17 * MIN,
};

describe('deep links', () => {
  it('round-trips a scenario and stays URL-safe', () => {
    const text = encode(state);

    expect(text).toMatch(/^1\.[A-Za-z0-9._~-]+$/);
    expect(decode(text)).toEqual({ ok: true, value: state });
  });

  it('keeps a 20-event tape under 120 characters', () => {
    const tape = Array.from({ length: 20 }, (_, i) => ({
      at: i * 37_000,
      event: connect(i % 2 ? 'WKS1' : 'WKS2', 'PUBLIC', i % 3 ? undefined : 'Administrator'),
    }));

    expect(encode({ ...state, tape }).length).toBeLessThan(120);
  });

  it('round-trips millisecond times and autodisconnect values', () => {
    const value: LinkState = {
      config: { version: '4.0', autodisconnectMinutes: -1, licenseLimit: 9999, licenseLogging: false },
      tape: [
        { at: 1, event: { type: 'autodisconnect.set', minutes: 65535 } },
        { at: 1, event: { type: 'licensing.start' } },
        { at: 123_457, event: { type: 'file.open', computer: 'WKS2', share: 'TOOLS' } },
      ],
      at: 7 * 24 * 60 * MIN,
    };

    expect(decode(encode(value))).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2.abc.', 'version'],
    ['hello', 'version'],
    ['1.bbfpa', 'syntax'],
    ['1.bbfpa.x.y', 'syntax'],
    ['1.bbfpa.!', 'syntax'],
    ['1.bbF', 'syntax'],
    ['1.zbfpa.', 'range'],
    ['1.bbapa.', 'range'],
  ] as const)('reports %j as %s with a sentence', (text, code) => {
    const result = decode(text);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('refuses times past 7 days', () => {
    const text = encode({ ...state, at: 7 * 24 * 60 * MIN + 1000 });
    const result = decode(text);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('range');
  });

  it('a decoded tape always replays', () => {
    const result = decode(encode(state));

    expect(result.ok).toBe(true);
    if (result.ok)
      expect(() => simulate(result.value.config, result.value.tape, result.value.at)).not.toThrow();
  });
});
