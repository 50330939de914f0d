// Replays a seeded 1,000-entry tape over 24 simulated hours and prints timings.
// The TypeScript kernel is bundled with esbuild (already installed with Astro) first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const BUDGET_MS = 5;
const DAY = 24 * 60 * 60 * 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 400);

const dir = await mkdtemp(join(tmpdir(), 'livekb-bench-'));
const outfile = join(dir, 'kernel.mjs');
await build({
  entryPoints: ['src/machines/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  outfile,
  logLevel: 'warning',
});
const kernel = await import(pathToFileURL(outfile).href);
await rm(dir, { recursive: true, force: true });

function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeTape(seed, n) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const computers = kernel.world.computers.map((c) => c.name);
  const users = [undefined, ...kernel.world.accounts.map((a) => a.name)];
  const tape = [];
  const step = DAY / n;
  for (let i = 0; i < n; i++) {
    const at = Math.floor(i * step + random() * step);
    const computer = pick(computers);
    const share = pick(kernel.diskShares);
    const x = random();
    let event;
    if (x < 0.35) {
      const user = pick(users);
      event =
        user === undefined
          ? { type: 'share.connect', computer, share }
          : { type: 'share.connect', computer, share, user };
    } else if (x < 0.55) event = { type: 'share.disconnect', computer, share };
    else if (x < 0.75) event = { type: 'file.open', computer, share };
    else if (x < 0.93) event = { type: 'file.close', computer, share };
    else if (x < 0.97) event = { type: random() < 0.5 ? 'licensing.stop' : 'licensing.start' };
    else event = { type: 'autodisconnect.set', minutes: Math.floor(random() * 31) - 1 };
    tape.push({ at, event });
  }
  return tape;
}

function measure(fn) {
  for (let i = 0; i < 50; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  return { median, p95, perSecond: 1000 / median };
}

const tape = makeTape(20260101, 1000);
console.log(
  `LiveKB kernel benchmark: ${tape.length}-entry seeded tape over 24 simulated hours, ${RUNS} runs each (Node ${process.version})`,
);
for (const version of kernel.NT_VERSIONS) {
  const config = { version };
  const view = kernel.simulate(config, tape, DAY);
  const full = measure(() => kernel.simulate(config, tape, DAY));
  const mid = measure(() => kernel.simulate(config, tape, DAY / 2));
  const verdict = full.median < BUDGET_MS ? 'within budget' : 'OVER budget';
  console.log(
    `NT ${version.padEnd(4)} full replay: median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms, ${Math.round(full.perSecond)} replays/s — ${verdict} (${BUDGET_MS} ms)`,
  );
  console.log(
    `        scrub to 12:00:00: median ${mid.median.toFixed(2)} ms, p95 ${mid.p95.toFixed(2)} ms; log ${view.log.length} entries, ${view.log.filter((l) => l.kind === 'autodisconnect').length} autodisconnects`,
  );
}
const pair = measure(() => {
  kernel.simulate({ version: '3.51' }, tape, DAY);
  kernel.simulate({ version: '4.0' }, tape, DAY);
});
console.log(
  `One frame (3.51 and 4.0 side by side): median ${pair.median.toFixed(2)} ms, p95 ${pair.p95.toFixed(2)} ms of a 16.7 ms frame.`,
);
