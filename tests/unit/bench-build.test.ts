import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { benchChecks, resultCount } from '../../scripts/bench-build-checks.mjs';

type Check = { name: string; ok: boolean; detail: string; asserted: boolean };

/** One size's results as scripts/bench-build.mjs records them, all good unless overridden. */
const result = (count: number, over: Record<string, unknown> = {}) => ({
  count,
  htmlPlain: 28_000,
  htmlSim: 72_000,
  headersBytes: 3_000,
  links: { ok: true, summary: 'checked 2000 links on 70 pages, 0 broken' },
  search: { message: `${(count + 9).toLocaleString('en-GB')} results for autodisconnect` },
  perPageMs: 100,
  cpuPerPageMs: 80,
  peakMb: 1000,
  ...over,
});
const failed = (checks: Check[]) => checks.filter((c) => c.asserted && !c.ok).map((c) => c.name);

describe('bench:build checks', () => {
  it('reads Pagefind’s result count', () => {
    expect(resultCount('1,009 results for autodisconnect')).toBe(1009);
    expect(resultCount('1 result for q900001')).toBe(1);
    expect(resultCount('No results for autodisconnect')).toBeUndefined();
    expect(resultCount(undefined)).toBeUndefined();
  });

  it('pass when every build was measured and nothing deterministic moved', () => {
    const checks: Check[] = benchChecks([result(1000), result(10_000)]);
    expect(failed(checks)).toEqual([]);
    expect(checks.filter((c) => c.asserted)).toHaveLength(9);
  });

  it('fail on a failed measurement, a broken link, a search that misses articles, or growth', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ htmlPlain: undefined }, '10,000 articles: pages measured'],
      [
        { links: { ok: false, summary: 'checked 9 links on 3 pages, 1 broken' } },
        '10,000 articles: 0 broken',
      ],
      [{ search: { message: '9,999 results for autodisconnect' } }, '10,000 articles: search finds every'],
      [
        { search: { note: 'no Chromium', error: 'search not measured: no Chromium' } },
        '10,000 articles: search',
      ],
      [{ htmlSim: 72_000 * 1.2 }, 'article HTML with simulation'],
      [{ headersBytes: 3_000 * 1.5 }, '_headers'],
    ];
    for (const [over, name] of cases) {
      const names = failed(benchChecks([result(1000), result(10_000, over)]));
      expect(names, JSON.stringify(over)).toEqual(expect.arrayContaining([expect.stringContaining(name)]));
    }
  });

  it('print timings and memory without failing on them (they move with the machine’s load)', () => {
    const checks: Check[] = benchChecks([result(20), result(40, { perPageMs: 500, peakMb: 9000 })]);
    expect(failed(checks)).toEqual([]);
    expect(checks.filter((c) => !c.ok).map((c) => [c.name, c.asserted])).toEqual([
      ['build time per page', false],
      ['peak memory', false],
    ]);
  });

  it('skip search when it was not measured on purpose (--no-search)', () => {
    const checks: Check[] = benchChecks([result(20, { search: undefined })], { search: false });
    expect(checks.some((c) => c.name.includes('search'))).toBe(false);
    expect(failed(checks)).toEqual([]);
  });
});

// The failure path for real: a synthetic article the schema refuses fails the first build, and the
// script says so and exits 1 (it used to print "build failed" and exit 0). One failing build, ~5 s of CPU.
it('npm run bench:build exits 1 and names the build that failed', { timeout: 180_000 }, () => {
  const run = spawnSync(
    process.execPath,
    [
      'scripts/bench-build.mjs',
      '--sizes',
      '2',
      '--every',
      '2',
      '--no-search',
      '--no-rebuild',
      '--break',
      '--no-record',
    ],
    // No colours: npm test sets FORCE_COLOR, and Astro's message would carry escape codes.
    { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('kb.id: must be a KB article ID');
  expect(run.stderr).toMatch(
    /✖ bench:build failed:\n {2}- warm-up: build failed \(exit 1\)\n {2}- not measured: 2 articles/,
  );
  expect(run.stdout).toContain('Temporary project removed.');
});
