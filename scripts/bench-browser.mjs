// `npm run bench:browser`: the largest link the codec accepts, opened side by side in Chromium
// against the built site (run `npm run build` first). Prints the main-thread work the page does
// from navigation until the simulation has drawn that moment (long tasks and total script time),
// the same for the page without a link (so the figures say what the link adds), and the frame rate
// while it plays. Budgets (DESIGN.md, printed, not asserted): ≤ 200 ms of main-thread work added by
// the link, ≥ 50 frames per second side by side. Work is the main thread's CPU time; its wall-clock
// time is printed beside it. Timings vary with the machine's load: it is printed. A step that fails
// (the preview server, the browser, a page, a figure missing from the trace) exits 1 and names it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { recordBenchmark } from './benchmarks.mjs';
import { CHROMIUM_ARGS, resolveChromium } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4530);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ARTICLE = '/kb/q153066/';
const SIM = 'compare';

/** What the benchmark is doing, for the message when it fails. */
let step = 'making the largest link';
let server;
const stopServer = () => {
  try {
    if (server?.exitCode === null) process.kill(-server.pid);
  } catch {}
};
const fail = (error) => {
  console.error(`\n✖ bench:browser failed while ${step}: ${error?.stack ?? error}`);
  stopServer();
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

if (!(RUNS > 0)) {
  console.error(`✖ bench:browser: BENCH_RUNS must be a number above 0, not ${process.env.BENCH_RUNS}.`);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('✖ bench:browser: no build in dist/: run `npm run build` first.');
  process.exit(1);
}
// --legacy: the longest first-format link decode reads (2,000 actions, over 8 KB) instead.
const LEGACY = process.argv.includes('--legacy');
const record = recordBenchmark(`npm run bench:browser${LEGACY ? ' -- --legacy' : ''}`);
const made = spawnSync(process.execPath, ['scripts/bench.mjs', LEGACY ? '--legacy-link' : '--largest-link'], {
  encoding: 'utf8',
});
const link = made.stdout.trim().split('\n').at(-1);
if (made.status !== 0 || !link) fail(made.stderr || 'scripts/bench.mjs printed no link.');

step = `starting astro preview on port ${PORT}`;
server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', 'localhost', '--ignore-lock'], {
  stdio: 'ignore',
  detached: true,
});
const base = `http://localhost:${PORT}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  if (i > 100 || server.exitCode !== null) fail(new Error('astro preview did not start'));
  await new Promise((r) => setTimeout(r, 200));
}

step = 'launching Chromium';
const { path: executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadBefore = loadavg()[0];
const results = [];
const baseline = [];
/** Opens `url` in a fresh page; returns the main-thread work until `drawn` holds and the next frame is painted. */
async function open(url, drawn) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  const t0 = Date.now();
  await page.goto(url);
  const island = page.locator(`#${SIM} astro-island`).first();
  await island.scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => !document.querySelector(`#${id} astro-island[ssr]`), SIM);
  if (drawn) await page.waitForFunction(drawn, SIM, { timeout: 20_000 });
  // Until that moment has been painted: the next two animation frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const opened = Date.now() - t0;
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const cpu = threadCpu(trace, 'CrRendererMain');
  const worker = threadCpu(trace, 'DedicatedWorker thread');
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const longTasks = await page.evaluate(() => window.__longTasks);
  if (!(cpu > 0)) throw new Error('the trace has no CPU time for the page’s main thread (CrRendererMain)');
  return {
    page,
    figures: {
      opened,
      script: (metrics.ScriptDuration ?? 0) * 1000,
      task: (metrics.TaskDuration ?? 0) * 1000,
      longest: Math.max(0, ...longTasks),
      blocking: longTasks.reduce((s, d) => s + Math.max(0, d - 50), 0),
      cpu,
      worker,
    },
  };
}
/**
 * The CPU time of a thread's tasks in a trace (the page's main thread, or its workers'), the busiest
 * such thread: their thread time (`tdur`), which leaves out the time the thread waited for a core, so
 * it moves far less with the machine's load than TaskDuration (wall time). Top-level tasks only.
 */
function threadCpu(trace, name) {
  const events = trace.traceEvents;
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name);
  let best = 0;
  for (const t of threads) {
    let sum = 0;
    let until = -1;
    const tasks = events
      .filter(
        (e) =>
          e.pid === t.pid &&
          e.tid === t.tid &&
          e.ph === 'X' &&
          e.tdur !== undefined &&
          /RunTask$/.test(e.name),
      )
      .sort((a, b) => a.ts - b.ts);
    for (const e of tasks) {
      if (e.ts < until) continue; // inside a task already counted
      sum += e.tdur;
      until = e.ts + e.dur;
    }
    best = Math.max(best, sum / 1000);
  }
  return best;
}
try {
  for (let run = 0; run < RUNS; run++) {
    step = `run ${run + 1} of ${RUNS}: opening ${ARTICLE} without the link`;
    // The same page without a link: what the article costs anyway (its own island hydrated at 00:00:00).
    const plain = await open(`${base}${ARTICLE}#${SIM}`);
    baseline.push(plain.figures);
    await plain.page.close();
    step = `run ${run + 1} of ${RUNS}: opening ${ARTICLE} with the link`;
    // The moment is drawn once the clock shows the link's time rather than 00:00:00.
    const { page, figures } = await open(
      `${base}${ARTICLE}?${SIM}=${link}#${SIM}`,
      (id) => !/^00:00:00$/.test(document.querySelector(`#${id} .kb-clock__value`)?.textContent ?? ''),
    );
    step = `run ${run + 1} of ${RUNS}: playing side by side`;
    // Playback: count animation frames for 3 s while the side-by-side view plays.
    const play = page.locator(`#${SIM}`).getByRole('button', { name: 'Play' });
    await play.click();
    const fps = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let frames = 0;
          const start = performance.now();
          const tick = (now) => {
            frames++;
            if (now - start < 3000) requestAnimationFrame(tick);
            else resolve((frames * 1000) / (now - start));
          };
          requestAnimationFrame(tick);
        }),
    );
    if (!(fps > 0)) throw new Error(`no frames counted while playing (${fps})`);
    results.push({ ...figures, fps });
    await page.close();
  }
} finally {
  await browser.close();
  stopServer();
}

const entries = link.length;
// The 1-minute load average: the machine is shared, and timings stretch with its load.
const load = `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`;
console.log(
  `${LEGACY ? 'Longest first-format link (2,000 actions)' : 'Largest link encode makes'}: ${entries} characters, opened side by side at ${ARTICLE}#${SIM}, ${RUNS} runs, medians (${load}):`,
);
const m = (k, rows = results) => median(rows.map((r) => r[k]));
// What the link adds, run by run (each run opens the page without and with the link, one after the
// other, so a change in the machine's load touches both), then the median of those differences.
const added = (k) => median(results.map((r, i) => r[k] - baseline[i][k]));
console.log(
  `  main-thread work until the moment is drawn: ${m('task').toFixed(0)} ms of tasks, ${m('script').toFixed(0)} ms of script`,
);
console.log(
  `  the same page without a link: ${m('task', baseline).toFixed(0)} ms of tasks, ${m('script', baseline).toFixed(0)} ms of script`,
);
console.log(
  `  what the link adds, CPU time of the main thread's tasks (thread time: the work itself, steady under load): ${added('cpu').toFixed(0)} ms (budget ≤ 200 ms); ${m('cpu').toFixed(0)} ms with the link, ${m('cpu', baseline).toFixed(0)} ms without`,
);
console.log(
  `  what the link adds, wall-clock time of the main thread's tasks (the work, plus any wait for a core on a loaded machine): ${added('task').toFixed(0)} ms`,
);
console.log(
  `  off the main thread: the worker replaying the tape, ${m('worker').toFixed(0)} ms of CPU time (${m('worker', baseline).toFixed(0)} ms without the link)`,
);
console.log(
  `  longest task ${m('longest').toFixed(0)} ms (${m('longest', baseline).toFixed(0)} ms without the link); blocking time ${m('blocking').toFixed(0)} ms (${m('blocking', baseline).toFixed(0)} ms); opened in ${m('opened')} ms wall (${m('opened', baseline)} ms)`,
);
console.log(`  playing side by side: ${m('fps').toFixed(1)} frames per second (budget ≥ 50)`);

record.save({ from: LEGACY ? 'Longest first-format link' : 'Largest link encode makes' });
