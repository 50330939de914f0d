// `npm test`: every check, in the order a failure is cheapest to find, then one closing line
// with the runners' combined counts. `npm test -- --record` also writes the steps' times to
// BENCHMARKS.md.
//
// Stages run one after another; the lanes of a stage run side by side (the machine has 2 cores, and a
// type check or a build keeps one of them busy): the first lane prints as it goes, the others as a
// block when they end, and the run stops after the first stage with a failed step.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { recordBenchmark } from './benchmarks.mjs';

/** A step: [name, command, arguments, extra environment]. */
const stages = [
  [[['Lint and format (Biome)', 'npx', ['biome', 'ci', '.']]]],
  // Side by side only what has no timeouts to miss while the cores are shared: the type check and a
  // build of its own. Vitest (5 s a test) and Playwright run alone.
  [
    [['Type check (astro check)', 'npx', ['astro', 'check']]],
    [
      ['Browser (ensure Chromium)', 'node', ['scripts/ensure-browser.mjs']],
      // bench:build at a small scale, so the script cannot rot unnoticed: one build at 20 and one at 40
      // synthetic articles (no warm-up, no rebuild), in a project of its own under the system's
      // temporary folder (so beside astro check, which writes this project's .astro/). Asserts what
      // does not depend on the machine: 0 broken links, search finds every article (in Chromium),
      // article HTML and _headers within 10 %. Timings are printed only.
      [
        'Build at scale (bench:build, 20 and 40 synthetic articles; timings not asserted)',
        'node',
        ['scripts/bench-build.mjs', '--sizes', '20,40', '--no-warm-up', '--no-rebuild', '--no-record'],
      ],
    ],
  ],
  [
    [
      [
        'Unit tests (Vitest)',
        'npx',
        ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'],
      ],
    ],
  ],
  [
    [
      // The test build carries the fixture articles (tests/fixtures/content), which prove that an article is its folder.
      ['Build (astro build, with the fixture articles)', 'npx', ['astro', 'build'], { LIVEKB_FIXTURES: '1' }],
      ['Page weight budgets', 'node', ['scripts/size.mjs', '--no-build', '--json', '--no-record']],
      ['Internal links and anchors', 'node', ['scripts/check-links.mjs', '--no-record']],
      [
        'HTML validity (html-validate, exclusions in .htmlvalidate.json)',
        'node',
        ['scripts/validate-html.mjs'],
      ],
    ],
  ],
  [[['Browser tests (Playwright)', 'npx', ['playwright', 'test']]]],
  // Accessibility, best practices and SEO are deterministic: held at 100. Performance needs 3-run
  // medians on a quiet machine, so it is left to `npm run lighthouse`, which also audits every page.
  [
    [
      [
        'Lighthouse audits (mobile, one run, one page per template; accessibility, best practices, SEO)',
        'node',
        [
          'scripts/lighthouse.mjs',
          '--assert',
          '--runs',
          '1',
          '--mobile-only',
          '--one-per-template',
          '--no-performance',
          '--no-record',
        ],
      ],
    ],
  ],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const record = recordBenchmark('npm test', { optIn: true });
const started = Date.now();

/**
 * Runs one step. `say` gets its status lines (▶, ✔, ✖: what --record keeps), `out` its output as it
 * comes. Resolves to the step's name when it failed.
 */
function runStep([name, cmd, args, env = {}], say, out) {
  say(`\n▶ ${name}`);
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
    });
    child.stdout.on('data', out);
    child.stderr.on('data', out);
    child.on('close', (code) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      say(code === 0 ? `✔ ${name} (${seconds} s)` : `✖ ${name} failed after ${seconds} s`);
      done(code === 0 ? undefined : name);
    });
    child.on('error', (error) => {
      say(`✖ ${name} could not start: ${error.message}`);
      done(name);
    });
  });
}

/** Runs a lane's steps in order, stopping at a failure; the first lane prints as it goes, the others when they end. */
async function runLane(steps, live) {
  const held = [];
  const say = (line) => (live ? console.log(line) : held.push({ line }));
  const out = (chunk) => (live ? process.stdout.write(chunk) : held.push({ chunk }));
  let failed;
  for (const step of steps) {
    failed = await runStep(step, say, out);
    if (failed) break;
  }
  for (const { line, chunk } of held) {
    if (line !== undefined) console.log(line);
    else process.stdout.write(chunk);
  }
  return failed;
}

let failedStep;
for (const lanes of stages) {
  const failures = await Promise.all(lanes.map((steps, i) => runLane(steps, i === 0)));
  failedStep = failures.find(Boolean);
  if (failedStep) break;
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
