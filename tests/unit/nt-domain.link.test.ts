import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode as decodeServer, encode as encodeServer } from '../../src/machines';
import { checksum, MAX_LINK_MS } from '../../src/machines/kernel';
import {
  decode,
  encode,
  LINK_CODES,
  linkFits,
  normalizeConfig,
  registry,
  SimulationInputError,
  simulate,
  type TapeEntry,
} from '../../src/machines/nt-domain';
import { domainConfigArb, domainTapeArb } from './nt-domain.arbitraries';
import { bad, bads, good, MIN, SEC, sync, tape, unlock } from './nt-domain.helpers';

/* Links to an NT domain moment: format 2, naming `nt-domain`, with a check. */

const state = {
  config: {
    version: '3.51' as const,
    lockoutThreshold: 3,
    resetCountMinutes: 20,
    lockoutDurationMinutes: -1,
    syncMinutes: 7,
  },
  tape: tape(
    ...bads(3, 'WKS1', 'jsmith'),
    [MIN, unlock('jsmith')],
    [MIN + 250, good('WKS2', 'mlee', 'unc')],
    [2 * MIN, { type: 'retrier.start', computer: 'WKS2', user: 'mlee', everySeconds: 45 }],
    [3 * MIN, { type: 'policy.set', lockoutThreshold: 0, lockoutDurationMinutes: -1 }],
    [4 * MIN, sync('BDC1')],
    [5 * MIN, { type: 'retrier.stop', computer: 'WKS2' }],
  ),
  at: 12 * MIN + 1,
};

describe('nt-domain links', () => {
  it('round-trip: decode(encode(moment)) is the same moment, and it shows the same view', () => {
    const link = encode(state);
    const back = decode(link);

    expect(link).toMatch(/^2\.nt-domain\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
    expect(back.ok && back.value).toEqual({
      config: normalizeConfig(state.config),
      tape: state.tape,
      at: state.at,
    });
    if (!back.ok) return;
    expect(simulate(back.value.config, back.value.tape, back.value.at)).toEqual(
      simulate(state.config, state.tape, state.at),
    );
  });

  it('round-trips random moments', () => {
    fc.assert(
      fc.property(
        domainConfigArb,
        domainTapeArb,
        fc.integer({ min: 0, max: MAX_LINK_MS }),
        (config, t, at) => {
          const back = decode(encode({ config, tape: t, at }));
          expect(back.ok && back.value).toEqual({ config: normalizeConfig(config), tape: t, at });
        },
      ),
      { seed: 297157, numRuns: 150 },
    );
  });

  it('has a link code for every event a tape can carry, and every code decodes to its own row', () => {
    expect(new Set(LINK_CODES.map((row) => row.join('|'))).size).toBe(LINK_CODES.length);
    LINK_CODES.forEach((row, code) => {
      const event = registry.eventOfCode(code, []);
      expect(event?.type).toBe(row[0]);
    });
    for (const computer of ['WKS1', 'WKS2'])
      for (const user of ['Administrator', 'jsmith', 'mlee'])
        for (const via of ['console', 'net use', 'unc'] as const) {
          expect(registry.codeOf(bad(computer, user, via))).toBeTypeOf('number');
          expect(registry.codeOf(good(computer, user, via))).toBeTypeOf('number');
        }
  });

  it('refuses every one-character change', () => {
    const text = encode(state);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz012345ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_.';
    let tried = 0;
    for (let i = 0; i < text.length; i++)
      for (const ch of alphabet) {
        if (ch === text[i]) continue;
        const flipped = text.slice(0, i) + ch + text.slice(i + 1);
        tried++;
        expect(decode(flipped).ok, flipped).toBe(false);
      }
    expect(tried).toBeGreaterThan(1000);
  });

  it('refuses every truncation', () => {
    const text = encode(state);
    for (let n = 1; n < text.length; n++) expect(decode(text.slice(0, n)).ok).toBe(false);
  });

  it('an nt-server link is never read as nt-domain, and an nt-domain link never as nt-server', () => {
    const server = encodeServer({
      config: { version: '3.51' },
      tape: [{ at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } }],
      at: 0,
    });
    const fromServer = decode(server);
    const fromDomain = decodeServer(encode(state));

    expect(!fromServer.ok && fromServer.error.code).toBe('model');
    expect(!fromDomain.ok && fromDomain.error.code).toBe('model');
    // A format-1 link (no model id) is the server's forever, never the domain's.
    expect(decode('1.bbfqb.dbhDzrDzzDz2DzrB8b').ok).toBe(false);
    expect(decodeServer('1.bbfqb.dbhDzrDzzDz2DzrB8b').ok).toBe(true);
  });

  it('a well-formed link with out-of-range settings is refused with a plain sentence', () => {
    // Header: version 4.0 (b), threshold 5 (f), reset 30 (4), duration + 1 = 1, a duration of 0 (b),
    // sync 5 (f), time 0 s (b); no tape. Its check is right, so only the range can refuse it.
    const text = '2.nt-domain.bf4bfb.';
    const result = decode(`${text}.${checksum(text)}`);
    expect(!result.ok && result.error.code).toBe('range');
    expect(!result.ok && result.error.message).toMatch(/lockout duration 0/);
  });

  it('encode refuses a moment it could not share, and linkFits says why', () => {
    const backwards = [
      { at: 5 * SEC, event: unlock('mlee') },
      { at: SEC, event: unlock('mlee') },
    ] as TapeEntry[];
    expect(() => encode({ config: {}, tape: backwards, at: 0 })).toThrow(SimulationInputError);
    expect(linkFits({ config: {}, tape: backwards, at: 0 })).toMatchObject({ ok: false });
    expect(linkFits(state)).toMatchObject({ ok: true });
  });

  it('links published by this version keep their moment (append-only codes; add new pins, never edit one)', () => {
    const M = 60_000;
    expect(decode('2.nt-domain.bf45fWr.lbBjC9yB2BnHHOiBqDzBrDzeabBlDz.056u61w')).toEqual({
      ok: true,
      value: {
        config: {
          version: '4.0',
          lockoutThreshold: 5,
          resetCountMinutes: 30,
          lockoutDurationMinutes: 30,
          syncMinutes: 5,
        },
        tape: [
          {
            at: 0,
            event: { type: 'logon.attempt', computer: 'WKS1', user: 'jsmith', password: 'bad', via: 'unc' },
          },
          { at: 1500, event: { type: 'retrier.start', computer: 'WKS2', user: 'mlee', everySeconds: 60 } },
          { at: 2 * M, event: { type: 'admin.unlock', user: 'jsmith' } },
          { at: 3 * M, event: { type: 'admin.sync', dc: 'BDC1' } },
          { at: 4 * M, event: { type: 'policy.set', lockoutThreshold: 3, lockoutDurationMinutes: -1 } },
          { at: 5 * M, event: { type: 'retrier.stop', computer: 'WKS2' } },
        ],
        at: 6 * M,
      },
    });
    expect(decode('2.nt-domain.aaDBU5aC6ab..088blcv')).toEqual({
      ok: true,
      value: {
        config: {
          version: '3.51',
          lockoutThreshold: 0,
          resetCountMinutes: 99_999,
          lockoutDurationMinutes: -1,
          syncMinutes: 2880,
        },
        tape: [],
        at: 0,
      },
    });
  });

  it('the link code table as first published (append-only: rows are only ever added at the end)', () => {
    expect(LINK_CODES.slice(0, 50).map((row) => row.join(' '))).toMatchSnapshot();
  });
});
