import { describe, expect, it } from 'vitest';
import { toScenario } from '../../src/lib/article-data';
import {
  decode,
  encode,
  type LinkState,
  linkFits,
  linkOrNull,
  MAX_LINK_ENTRIES,
  MAX_READ_CHARS,
  SimulationInputError,
  scenarioTape,
  simulate,
} from '../../src/machines';
import { checksum } from '../../src/machines/kernel';
import { ruleChangeNote } from '../../src/machines/nt-server/link';
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

    expect(text).toMatch(/^2\.nt-server\.[A-Za-z0-9._~-]+$/);
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
    ['2.abc.', 'check'],
    ['hello', 'syntax'],
    ['3.nt-server.bbfqb.', 'version'],
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

  it('refuses times past 7 days, and encode never makes such a link', () => {
    const past = { ...state, at: 7 * 24 * 60 * MIN + 1000 };
    expect(() => encode(past)).toThrow(SimulationInputError);
    expect(linkFits(past)).toEqual({ ok: false, reason: 'A link reaches at most 7 days after the start.' });
    // Written by hand: format 1 header (3.51, logging on, limit 5, autodisconnect 15) at 7 days + 1 s.
    const result = decode(
      `1.bbfq${encode({ ...state, tape: [], at: 7 * 24 * 60 * MIN })
        .split('.')[2]
        .slice(4, -1)}d.`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('range');
  });

  it('keeps every link within MAX_LINK_CHARS: linkFits tells a UI before encode would throw', () => {
    const long: LinkState = {
      config: { version: '4.0' },
      tape: Array.from({ length: MAX_LINK_ENTRIES }, (_, i) => ({
        at: i * 300_001 + (i % 7),
        event: { type: 'autodisconnect.set', minutes: 65535 - i },
      })),
      at: 0,
    };
    const fit = linkFits(long);
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.reason).toMatch(/over the 8192-character limit/);
    expect(() => encode(long)).toThrow(/over the 8192-character limit/);
    const short = { ...long, tape: long.tape.slice(0, 100) };
    const ok = linkFits(short);
    expect(ok).toEqual({ ok: true, length: encode(short).length });
  });

  it('decode refuses a link over MAX_READ_CHARS with a plain sentence, unread', () => {
    const result = decode(`1.bbfqb.${'dc'.repeat(MAX_READ_CHARS / 2)}`);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'size',
        message: `The link is ${MAX_READ_CHARS + 8} characters long; links are at most ${MAX_READ_CHARS} characters.`,
      },
    });
  });

  it('linkOrNull gives the link, or null for a moment longer than encode may make', () => {
    const long: LinkState = {
      config: { version: '3.51' },
      tape: Array.from({ length: 1500 }, (_, i) => ({
        at: i * 300_001,
        event: { type: 'autodisconnect.set', minutes: 65535 - i },
      })),
      at: 0,
    };
    expect(linkOrNull(long)).toBeNull();
    const short = { ...long, tape: long.tape.slice(0, 10) };
    expect(linkOrNull(short)).toBe(encode(short));
  });

  it('round-trips the events added with the registry', () => {
    const value: LinkState = {
      config: { version: '3.51', autodisconnectMinutes: 15, licenseLimit: 5, licenseLogging: true },
      tape: [
        { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'IPC$' } },
        { at: 1, event: { type: 'share.connect', computer: 'WKS2', share: 'IPC$', user: 'mlee' } },
        { at: 1000, event: { type: 'licensing.limit', licenses: 9999 } },
        { at: 2000, event: { type: 'licensing.limit', licenses: 1 } },
        { at: 3000, event: { type: 'admin.disconnect', computer: 'WKS2', share: 'IPC$' } },
        { at: 4000, event: { type: 'admin.disconnect', computer: 'WKS1', share: 'TOOLS' } },
        { at: 5000, event: { type: 'share.disconnect', computer: 'WKS1', share: 'IPC$' } },
      ],
      at: 6000,
    };
    expect(decode(encode(value))).toEqual({ ok: true, value });
  });

  it('a decoded tape always replays', () => {
    const result = decode(encode(state));

    expect(result.ok).toBe(true);
    if (result.ok)
      expect(() => simulate(result.value.config, result.value.tape, result.value.at)).not.toThrow();
  });
});

describe('a decoded tape is validated once', () => {
  const tape = [
    { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } },
    { at: 60_000, event: { type: 'file.open', computer: 'WKS1', share: 'PUBLIC' } },
  ] as const;

  it('comes back frozen, entries and events too, and replays as the same tape', () => {
    const result = decode(encode({ config: { version: '4.0' }, tape: [...tape], at: 60_000 }));
    if (!result.ok) throw new Error(result.error.message);
    const decoded = result.value.tape;
    expect(Object.isFrozen(decoded)).toBe(true);
    expect(decoded.every((e) => Object.isFrozen(e) && Object.isFrozen(e.event))).toBe(true);
    expect(() => (decoded as unknown as unknown[]).push(decoded[0])).toThrow(TypeError);
    expect(simulate({ version: '4.0' }, decoded, 60_000)).toEqual(
      simulate({ version: '4.0' }, [...tape], 60_000),
    );
  });

  it('a tape that can still change is validated every time', () => {
    const changing = tape.map((e) => ({ ...e, event: { ...e.event } }));
    expect(() => simulate({ version: '3.51' }, changing, 0)).not.toThrow();
    (changing[1] as { at: number }).at = -5;
    expect(() => simulate({ version: '3.51' }, changing, 0)).toThrow(SimulationInputError);
  });

  it('a frozen tape that is not valid is refused every time', () => {
    const bad = Object.freeze([
      Object.freeze({
        at: 0,
        event: Object.freeze({ type: 'share.connect', computer: 'WKS9', share: 'PUBLIC' }),
      }),
    ]);
    for (let i = 0; i < 2; i++)
      expect(() => simulate({ version: '3.51' }, bad as never, 0)).toThrow(SimulationInputError);
  });
});

describe('a damaged link is refused, never read as another moment (format 2 carries a check)', () => {
  const text = encode(state);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz012345ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_.';

  it('refuses every one-character change', () => {
    let tried = 0;
    for (let i = 0; i < text.length; i++) {
      for (const ch of alphabet) {
        if (ch === text[i]) continue;
        const flipped = text.slice(0, i) + ch + text.slice(i + 1);
        const result = decode(flipped);
        tried++;
        expect(result.ok, flipped).toBe(false);
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('refuses every truncation, as at a line wrap', () => {
    for (let n = 1; n < text.length; n++) expect(decode(text.slice(0, n)).ok, text.slice(0, n)).toBe(false);
  });

  it('says which: damaged, for another simulation, or from a newer page', () => {
    const damaged = decode(`${text.slice(0, -1)}${text.endsWith('a') ? 'b' : 'a'}`);
    expect(!damaged.ok && damaged.error.code).toBe('check');
    const body = text.split('.').slice(2, 4).join('.');
    const other = `2.nt-domain.${body}`;
    const forOther = decode(`${other}.${checksum(other)}`);
    expect(!forOther.ok && forOther.error.code).toBe('model');
    expect(!forOther.ok && forOther.error.message).not.toContain('nt-domain');
  });

  it('a format-1 link has no check: a flipped one may still read as another moment (kept readable as published)', () => {
    const one = '1.bbfqb.dbhDzrDzzDz2DzrB8b';
    const original = decode(one);
    const flipped = decode('1.bbfqb.dbhDzrDzzDz2DzrB8c');
    expect(original.ok && flipped.ok).toBe(true);
    if (original.ok && flipped.ok) expect(flipped.value).not.toEqual(original.value);
  });
});

describe('a moment shared before a rule changed says so', () => {
  it('names the change for a format-1 link whose tape holds an event whose rule changed, and only then', () => {
    const admin = [{ event: { type: 'admin.disconnect', computer: 'WKS1', share: 'PUBLIC' } as const }];
    const plain = [{ event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } as const }];
    expect(ruleChangeNote('1.bbfqb.x', admin)).toMatch(/^This moment was shared before/);
    expect(ruleChangeNote('1.bbfqb.x', plain)).toBeNull();
    expect(ruleChangeNote('2.nt-server.bbfqb.x.0000000', admin)).toBeNull();
  });
});
