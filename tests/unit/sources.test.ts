import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { citeLog } from '../../src/components/sim/cite';
import { SOURCE_KEYS, simulate } from '../../src/machines';
import { MODELS } from '../../src/machines/models';
import { configArb, tapeArb, untilArb } from './arbitraries';

const sources = parse(readFileSync('src/content/sources.yaml', 'utf8')) as Record<string, { kb: string }>;
const kbOf = Object.fromEntries(Object.entries(sources).map(([key, s]) => [key, s.kb]));

describe('the sources the kernel cites', () => {
  it('every source key of every model has its KB article in src/content/sources.yaml, and the file has no other', () => {
    const keys = Object.values(MODELS).flatMap((m) => [...m.rules.sourced]);
    expect(new Set(keys).size, 'two models use the same source key').toBe(keys.length);
    expect(Object.keys(sources).sort()).toEqual(keys.sort());
    for (const s of Object.values(sources)) expect(s.kb).toMatch(/^Q\d{6}$/);
  });

  it('log entries cite only known keys, and the views print them after the text', () => {
    fc.assert(
      fc.property(configArb, tapeArb, untilArb, (config, tape, until) => {
        const { log } = simulate(config, tape, until);
        for (const e of log) for (const key of e.cites ?? []) expect(SOURCE_KEYS).toContain(key);
        const shown = citeLog(log, kbOf);
        expect(citeLog(log, kbOf)).toBe(shown);
        shown.forEach((e, i) => {
          const keys = log[i]?.cites;
          expect(e.text).toBe(
            keys ? `${log[i]?.text} (${keys.map((k) => kbOf[k]).join(', ')})` : log[i]?.text,
          );
        });
      }),
      { seed: 153066, numRuns: 200 },
    );
  });

  it('the leftover IPC$ cites both its articles, Server Manager’s and the licence’s', () => {
    const { log } = simulate({ version: '3.51' }, [
      { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } },
      { at: 60_000, event: { type: 'share.disconnect', computer: 'WKS1', share: 'PUBLIC' } },
    ]);
    const [, left] = citeLog(log, kbOf);
    expect(left?.text).toMatch(
      /IPC\$ stays connected with no account.*holds its licence\. \(Q153070, Q153066\)$/,
    );
  });
});
