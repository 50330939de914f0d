// Replays a seeded 1,000-entry tape over 24 simulated hours and prints timings; then the
// largest link encode makes (8 KB) and the longest first-format link decode still reads (2,000
// actions, tests/unit/fixtures/links-v1-long.json), as full replays and as incremental frames of
// createTimeline. Then the same figures, and link encode/decode times, for every other model in
// src/machines/models.ts, from a seeded tape drawn from its registry.
//
//   node scripts/bench.mjs [--largest-link | --legacy-link]   (print that link and stop)
// The TypeScript kernel is bundled with esbuild (already installed with Astro) first.
// Budgets are printed, not asserted; a step that fails (the bundle, a replay, a link that no longer
// decodes, a figure that is not a number) exits 1 and names the step.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { recordBenchmark } from './benchmarks.mjs';

const BUDGET_MS = 5;
const DAY = 24 * 60 * 60 * 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 400);

/** What the benchmark is doing, for the message when it fails. */
let step = 'bundling the kernel (esbuild)';
const fail = (error) => {
  console.error(`\n✖ bench failed while ${step}: ${error?.stack ?? error}`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
if (!(RUNS > 0)) {
  console.error(`✖ bench: BENCH_RUNS must be a number above 0, not ${process.env.BENCH_RUNS}.`);
  process.exit(1);
}

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
// Every registered model and the kernel's generic replay and link codec, for the models' own figures.
const modelsFile = join(dir, 'models.mjs');
await build({
  stdin: {
    contents: [
      "export { MODELS } from './src/machines/models.ts';",
      "export { createTimeline, simulateModel } from './src/machines/kernel/timeline.ts';",
      "export { linkCodec } from './src/machines/kernel/link.ts';",
    ].join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  outfile: modelsFile,
  logLevel: 'warning',
});
const generic = await import(pathToFileURL(modelsFile).href);
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
    else if (x < 0.9) event = { type: 'file.close', computer, share };
    else if (x < 0.92) event = { type: 'admin.disconnect', computer, share: random() < 0.3 ? 'IPC$' : share };
    else if (x < 0.94)
      event = { type: random() < 0.5 ? 'share.connect' : 'share.disconnect', computer, share: 'IPC$' };
    else if (x < 0.96) event = { type: random() < 0.5 ? 'licensing.stop' : 'licensing.start' };
    else if (x < 0.97) event = { type: 'licensing.limit', licenses: 1 + Math.floor(random() * 5) };
    else event = { type: 'autodisconnect.set', minutes: Math.floor(random() * 31) - 1 };
    tape.push({ at, event });
  }
  return tape;
}

/**
 * The largest link the codec accepts: a seeded tape grown until one more entry would not fit in
 * MAX_LINK_CHARS (or MAX_LINK_ENTRIES), spread over the 7 days a link may cover.
 */
function largestLink() {
  step = 'making the largest link';
  const WEEK = 7 * DAY;
  let big = makeTape(153066, kernel.MAX_LINK_ENTRIES).map((e) => ({
    at: Math.floor((e.at / DAY) * (WEEK - 1000)),
    event: e.event,
  }));
  let lo = 1;
  let hi = big.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (kernel.linkFits({ config: { version: '3.51' }, tape: big.slice(0, mid), at: big[mid - 1].at }).ok)
      lo = mid;
    else hi = mid - 1;
  }
  big = big.slice(0, lo);
  const end = big.at(-1).at;
  const link = kernel.encode({ config: { version: '3.51' }, tape: big, at: end });
  return { big, end, link, linkLength: link.length };
}

/** The longest link of the first published format in the corpus: 2,000 actions, over 8 KB. */
function legacyLink() {
  step = 'decoding the longest first-format link';
  const entries = JSON.parse(readFileSync('tests/unit/fixtures/links-v1-long.json', 'utf8'));
  const { link } = entries.reduce((a, b) => (b.link.length > a.link.length ? b : a));
  const decoded = kernel.decode(link);
  if (!decoded.ok) throw new Error(`The legacy link no longer decodes: ${decoded.error.message}`);
  const { tape, at } = decoded.value;
  return { big: tape, end: at, link, linkLength: link.length, config: decoded.value.config };
}

// `--largest-link` / `--legacy-link`: print that link and stop (scripts/bench-browser.mjs opens it).
if (process.argv.includes('--largest-link')) {
  console.log(largestLink().link);
  process.exit(0);
}
if (process.argv.includes('--legacy-link')) {
  console.log(legacyLink().link);
  process.exit(0);
}

const record = recordBenchmark('npm run bench');

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
  if (!Number.isFinite(median) || !Number.isFinite(p95))
    throw new Error(`a timing is not a number (${median})`);
  return { median, p95, perSecond: 1000 / median };
}

step = 'replaying the seeded 1,000-entry tape';
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

const FRAME_STEP = 1000; // one simulated second per frame (playback at 1x speed, 60 frames = 1 min)

function benchLink(title, { big, end, linkLength }) {
  step = `measuring ${title}`;
  console.log(
    `\n${title}: ${big.length} entries, ${linkLength} characters, tape over ${(end / DAY).toFixed(1)} days.`,
  );
  for (const version of kernel.NT_VERSIONS) {
    const config = { version };
    const full = measure(() => kernel.simulate(config, big, end));
    // Playback: frames a simulated second apart from the middle of the tape on.
    const timeline = kernel.createTimeline(config, big);
    let t = end / 2;
    timeline.viewAt(t);
    const frame = measure(() => {
      t += FRAME_STEP;
      if (t > end) t = end / 2;
      timeline.viewAt(t);
    });
    // Scrubbing: each frame jumps to a seeded random time, backwards as often as forwards.
    const random = mulberry32(7);
    const scrubber = kernel.createTimeline(config, big);
    scrubber.viewAt(end);
    const scrub = measure(() => scrubber.viewAt(Math.floor(random() * end)));
    const opening = measure(() => kernel.createTimeline(config, big).viewAt(end));
    console.log(
      `NT ${version.padEnd(4)} full replay to the end: median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms`,
    );
    console.log(
      `        incremental frame (+1 s): median ${frame.median.toFixed(3)} ms, p95 ${frame.p95.toFixed(3)} ms = ${((frame.median / full.median) * 100).toFixed(2)}% of a full replay (1/${Math.round(full.median / frame.median)})`,
    );
    console.log(
      `        scrub frame (random time, either way): median ${scrub.median.toFixed(3)} ms, p95 ${scrub.p95.toFixed(3)} ms = ${((scrub.median / full.median) * 100).toFixed(1)}% of a full replay; ${scrubber.checkpoints} checkpoints`,
    );
    console.log(
      `        opening the link (new timeline to the end): median ${opening.median.toFixed(2)} ms, p95 ${opening.p95.toFixed(2)} ms`,
    );
  }
  const left = kernel.createTimeline({ version: '3.51' }, big);
  const right = kernel.createTimeline({ version: '4.0' }, big);
  let u = end / 2;
  const sideBySide = measure(() => {
    u += FRAME_STEP;
    if (u > end) u = end / 2;
    left.viewAt(u);
    right.viewAt(u);
  });
  console.log(
    `Side by side (3.51 and 4.0), incremental frame: median ${sideBySide.median.toFixed(3)} ms, p95 ${sideBySide.p95.toFixed(3)} ms of a 16.7 ms frame.`,
  );
}

benchLink(`Largest link encode makes (at most ${kernel.MAX_LINK_CHARS} characters)`, largestLink());
benchLink('Longest first-format link decode reads (as first published, no length limit)', legacyLink());

/*
 * Every other registered model (src/machines/models.ts), the same figures from a seeded tape drawn
 * from its event registry (each type by its weight, each name from the world, each number from its
 * sample range): a model added to MODELS is measured with no edit here. nt-server keeps the tape above,
 * whose figures earlier runs recorded.
 */
const HAND_MADE = new Set(['nt-server']);

function registryTape(model, seed, n, span) {
  const random = mulberry32(seed);
  const { registry } = model;
  const weights = registry.types.map((type) => registry.specs[type].weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const tape = [];
  const gap = span / n;
  for (let i = 0; i < n; i++) {
    let x = random() * total;
    let k = 0;
    while (x >= weights[k] && k < weights.length - 1) x -= weights[k++];
    const type = registry.types[k];
    const event = { type };
    for (const [name, field] of Object.entries(registry.specs[type].fields)) {
      if (field.optional && random() < 0.5) continue;
      if (field.kind === 'name') event[name] = field.values[Math.floor(random() * field.values.length)];
      else {
        const [lo, hi] = field.sample ?? [field.min, field.max];
        event[name] = lo + Math.floor(random() * (hi - lo + 1));
      }
    }
    tape.push({ at: Math.floor(i * gap + random() * gap), event });
  }
  return tape;
}

for (const [id, model] of Object.entries(generic.MODELS)) {
  if (HAND_MADE.has(id)) continue;
  step = `measuring the ${id} model`;
  const { field, values, compared } = model.variants;
  const configOf = (value) => ({ [field]: value });
  const codec = generic.linkCodec(model);
  const dayTape = registryTape(model, 20260101, 1000, DAY);
  console.log(
    `\nModel ${id}: ${dayTape.length}-entry seeded tape from its registry over 24 simulated hours, ${RUNS} runs each`,
  );
  for (const value of values) {
    const config = configOf(value);
    const view = generic.simulateModel(model, config, dayTape, DAY);
    const full = measure(() => generic.simulateModel(model, config, dayTape, DAY));
    const mid = measure(() => generic.simulateModel(model, config, dayTape, DAY / 2));
    const verdict = full.median < BUDGET_MS ? 'within budget' : 'OVER budget';
    console.log(
      `${field} ${value.padEnd(4)} full replay: median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms, ${Math.round(full.perSecond)} replays/s — ${verdict} (${BUDGET_MS} ms)`,
    );
    console.log(
      `        scrub to 12:00:00: median ${mid.median.toFixed(2)} ms, p95 ${mid.p95.toFixed(2)} ms; log ${view.log.length} entries`,
    );
  }
  const pairs = measure(() => {
    for (const value of compared) generic.simulateModel(model, configOf(value), dayTape, DAY);
  });
  console.log(
    `One frame (${compared.join(' and ')} side by side): median ${pairs.median.toFixed(2)} ms, p95 ${pairs.p95.toFixed(2)} ms of a 16.7 ms frame.`,
  );

  // The largest link encode makes for this model: the seeded tape over 7 days, grown while it fits.
  step = `making the largest ${id} link`;
  const WEEK = 7 * DAY;
  let big = registryTape(model, 153066, kernel.MAX_LINK_ENTRIES, WEEK - 1000);
  const first = configOf(compared[0]);
  let lo = 1;
  let hi = big.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (codec.linkFits({ config: first, tape: big.slice(0, mid), at: big[mid - 1].at }).ok) lo = mid;
    else hi = mid - 1;
  }
  big = big.slice(0, lo);
  const end = big.at(-1).at;
  const state = { config: first, tape: big, at: end };
  const link = codec.encode(state);
  const encoding = measure(() => codec.encode(state));
  const decoding = measure(() => codec.decode(link));
  if (!codec.decode(link).ok) throw new Error(`the largest ${id} link does not decode`);
  console.log(
    `\nLargest ${id} link encode makes: ${big.length} entries, ${link.length} characters, tape over ${(end / DAY).toFixed(1)} days.`,
  );
  console.log(
    `Link encode: median ${encoding.median.toFixed(3)} ms, p95 ${encoding.p95.toFixed(3)} ms; decode (check, read, validate): median ${decoding.median.toFixed(3)} ms, p95 ${decoding.p95.toFixed(3)} ms`,
  );
  const timelines = [];
  for (const value of values) {
    const config = configOf(value);
    const full = measure(() => generic.simulateModel(model, config, big, end));
    const timeline = generic.createTimeline(model, config, big);
    let t = end / 2;
    timeline.viewAt(t);
    const frame = measure(() => {
      t += FRAME_STEP;
      if (t > end) t = end / 2;
      timeline.viewAt(t);
    });
    const random = mulberry32(7);
    const scrubber = generic.createTimeline(model, config, big);
    scrubber.viewAt(end);
    const scrub = measure(() => scrubber.viewAt(Math.floor(random() * end)));
    const opening = measure(() => generic.createTimeline(model, config, big).viewAt(end));
    if (compared.includes(value)) timelines.push(generic.createTimeline(model, config, big));
    console.log(
      `${field} ${value.padEnd(4)} full replay to the end: median ${full.median.toFixed(2)} ms, p95 ${full.p95.toFixed(2)} ms`,
    );
    console.log(
      `        incremental frame (+1 s): median ${frame.median.toFixed(3)} ms, p95 ${frame.p95.toFixed(3)} ms = ${((frame.median / full.median) * 100).toFixed(2)}% of a full replay`,
    );
    console.log(
      `        scrub frame (random time, either way): median ${scrub.median.toFixed(3)} ms, p95 ${scrub.p95.toFixed(3)} ms = ${((scrub.median / full.median) * 100).toFixed(1)}% of a full replay; ${scrubber.checkpoints} checkpoints`,
    );
    console.log(
      `        opening the link (new timeline to the end): median ${opening.median.toFixed(2)} ms, p95 ${opening.p95.toFixed(2)} ms`,
    );
  }
  let u = end / 2;
  const sideBySide = measure(() => {
    u += FRAME_STEP;
    if (u > end) u = end / 2;
    for (const timeline of timelines) timeline.viewAt(u);
  });
  console.log(
    `Side by side (${compared.join(' and ')}), incremental frame: median ${sideBySide.median.toFixed(3)} ms, p95 ${sideBySide.p95.toFixed(3)} ms of a 16.7 ms frame.`,
  );
}

record.save();
