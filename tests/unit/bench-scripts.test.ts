import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

// Every benchmark script exits non-zero, saying what it could not measure, instead of printing a
// failure and exiting 0 (scripts/bench-build.mjs's own failing build: tests/unit/bench-build.test.ts).
// Each case stops before any build or browser, so the file runs in a few seconds; each spawns Node
// processes, though, whose start-up alone passes Vitest's 5 s when the shared 2-core machine runs at
// a load of 15 or more.
vi.setConfig({ testTimeout: 20_000 });
const empty = mkdtempSync(join(tmpdir(), 'livekb-bench-scripts-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));
const script = (name: string) => resolve('scripts', name);
const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, args, {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });

it('size: no built site to measure', () => {
  const r = run([script('size.mjs'), '--no-build', '--dist', join(empty, 'dist')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('✖ size: no built site in');
});

it('bench:browser: no build, or no runs to measure', () => {
  const r = run([script('bench-browser.mjs')], { cwd: empty });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('✖ bench:browser: no build in dist/');
  const none = run([script('bench-browser.mjs')], { cwd: empty, env: { BENCH_RUNS: '0' } });
  expect(none.status).toBe(1);
  expect(none.stderr).toContain('BENCH_RUNS must be a number above 0');
});

it('bench: no runs to measure', () => {
  const r = run([script('bench.mjs')], { env: { BENCH_RUNS: '0' } });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('✖ bench: BENCH_RUNS must be a number above 0');
});

it('lighthouse: no page to audit', () => {
  mkdirSync(join(empty, 'dist'), { recursive: true });
  writeFileSync(
    join(empty, 'dist/sitemap-0.xml'),
    '<urlset><url><loc>https://livekb.example/kb/q153066/</loc></url></urlset>',
  );
  const r = run([script('lighthouse.mjs'), '--pages', '/no-such-section/'], { cwd: empty });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('✖ lighthouse: no page to audit');
});
