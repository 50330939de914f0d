// `npm test`: every check, in the order a failure is cheapest to find, then one closing line
// with the runners' combined counts. `npm test -- --record` also writes the steps' times to
// BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { recordBenchmark } from './benchmarks.mjs';

const steps = [
  ['Lint and format (Biome)', 'npx', ['biome', 'ci', '.']],
  ['Type check (astro check)', 'npx', ['astro', 'check']],
  [
    'Unit tests (Vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'],
  ],
  // The test build carries the fixture articles (tests/fixtures/content), which prove that an article is its folder.
  ['Build (astro build, with the fixture articles)', 'npx', ['astro', 'build'], { LIVEKB_FIXTURES: '1' }],
  ['Page weight budgets', 'node', ['scripts/size.mjs', '--no-build', '--json', '--no-record']],
  ['Internal links and anchors', 'node', ['scripts/check-links.mjs', '--no-record']],
  ['HTML validity (html-validate, exclusions in .htmlvalidate.json)', 'node', ['scripts/validate-html.mjs']],
  ['Browser (ensure Chromium)', 'node', ['scripts/ensure-browser.mjs']],
  // bench:build at a small scale, so the script cannot rot unnoticed: one build at 20 and one at 40
  // synthetic articles (no warm-up, no rebuild). Asserts what does not depend on the machine: 0 broken
  // links, search finds every article, article HTML and _headers within 10 %. Timings are printed only.
  [
    'Build at scale (bench:build, 20 and 40 synthetic articles; timings not asserted)',
    'node',
    ['scripts/bench-build.mjs', '--sizes', '20,40', '--no-warm-up', '--no-rebuild', '--no-record'],
  ],
  ['Browser tests (Playwright)', 'npx', ['playwright', 'test']],
  // Accessibility, best practices and SEO are deterministic: held at 100. Performance is printed only.
  // One page per template here; `npm run lighthouse` audits every page.
  [
    'Lighthouse audits (mobile, one run, one page per template)',
    'node',
    [
      'scripts/lighthouse.mjs',
      '--assert',
      '--runs',
      '1',
      '--mobile-only',
      '--one-per-template',
      '--no-record',
    ],
  ],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const record = recordBenchmark('npm test', { optIn: true });
const started = Date.now();
let failedStep;
for (const [name, cmd, args, env = {}] of steps) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    failedStep = name;
    console.log(`✖ ${name} failed after ${seconds} s`);
    break;
  }
  console.log(`✔ ${name} (${seconds} s)`);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const vitest = readJson('reports/vitest.json');
const playwright = readJson('reports/playwright.json');
const counts = { passed: 0, failed: 0, skipped: 0 };
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  console.log(`\nVitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}
if (playwright) {
  const s = playwright.stats;
  counts.passed += s.expected + s.flaky;
  counts.failed += s.unexpected;
  counts.skipped += s.skipped;
  console.log(`Playwright: ${s.expected + s.flaky} passed, ${s.unexpected} failed`);
}
console.log(
  `Total time: ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `; stopped at: ${failedStep}` : ''}`,
);
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed check counts even when no runner reported it
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
// Quietly: the counts stay the last line.
record.save({ quiet: true });
process.exit(failedStep ? 1 : 0);
