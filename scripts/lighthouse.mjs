// `npm run lighthouse`: Lighthouse on every page of the sitemap, served by `astro preview`, mobile
// (Lighthouse's default) and desktop, three runs each; prints medians and the budget (100 in all
// four categories, mobile). Timings are reported, not asserted: exit 0 unless `--assert`, which
// fails when accessibility, best practices or SEO (deterministic) is below 100. A measurement that
// fails (no page to audit, the server or Chromium not starting, a run with a runtime error or without
// a score) exits 1 whatever the flags, naming the page and run.
//
//   node scripts/lighthouse.mjs [--assert] [--runs 3] [--port 4510] [--mobile-only] [--pages /kb/]
//                               [--one-per-template] [--no-record]
//
// The port is --port, else LIGHTHOUSE_PORT, else 4510 (`npm test` passes none: set LIGHTHOUSE_PORT
// when another checkout may be running it on the same machine).
//
// --pages keeps only the sitemap paths that start with the given prefix (e.g. the article pages).
// --one-per-template keeps one page of each template (`npm test`): the largest, so the one with the
// most to load (an article with the most simulations, the fullest browse listing). Pages of one
// template share their markup, scripts and styles; `npm run lighthouse` audits every page.
//
// Writes its table to BENCHMARKS.md unless --no-record (`npm test`).
//
// Needs a build in dist/ (`npx astro build`). Runs offline: Chromium resolves no host but the
// preview server's, so nothing can reach the network.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { recordBenchmark } from './benchmarks.mjs';
import { CHROMIUM_ARGS, resolveChromium } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ASSERT = args.includes('--assert');
const RUNS = Number(option('--runs', 3));
const PORT = Number(option('--port', process.env.LIGHTHOUSE_PORT ?? 4510));
const HOST = '127.0.0.1';
// --no-performance (npm test) audits only the deterministic categories: a one-run performance score
// on a loaded machine says little, and its trace is most of an audit's time. `npm run lighthouse`
// measures performance (3-run medians).
const CATEGORIES = [
  ...(args.includes('--no-performance') ? [] : ['performance']),
  'accessibility',
  'best-practices',
  'seo',
];
const DETERMINISTIC = ['accessibility', 'best-practices', 'seo'];
const LABELS = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp', seo: 'seo' };
const FORM_FACTORS = args.includes('--mobile-only')
  ? { mobile: undefined }
  : { mobile: undefined, desktop: desktopConfig };

const sitemapFile = resolve('dist/sitemap-0.xml');
if (!existsSync(sitemapFile)) {
  console.error('No dist/sitemap-0.xml: run `npx astro build` first.');
  process.exit(1);
}
const PAGES = option('--pages', '/');
const sitemapPaths = [...readFileSync(sitemapFile, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((m) => new URL(m[1]).pathname)
  .filter((path) => path.startsWith(PAGES));
if (sitemapPaths.length === 0) {
  console.error(`✖ lighthouse: no page to audit: the sitemap has no path starting with ${PAGES}.`);
  process.exit(1);
}

/** What the audit is doing, for the message when it fails. */
let step = `starting astro preview on ${HOST}:${PORT}`;

/** The template a page is made by: articles, browse listings and plain docs pages share one each. */
const templateOf = (path) => {
  if (/^\/kb\/q\d{6}\/$/.test(path)) return 'article';
  if (/^\/browse\/[^/]+\//.test(path)) return 'browse listing';
  if (['/', '/browse/', '/troubleshooter/', '/onboarding/'].includes(path)) return path;
  return 'docs page'; // Starlight's page with MDX prose only: the glossary, how the simulation works
};
const htmlBytes = (path) => statSync(resolve('dist', `.${path}`, 'index.html')).size;
function onePerTemplate(all) {
  const chosen = new Map();
  for (const path of all) {
    const held = chosen.get(templateOf(path));
    if (!held || htmlBytes(path) > htmlBytes(held)) chosen.set(templateOf(path), path);
  }
  return all.filter((path) => [...chosen.values()].includes(path));
}
const paths = args.includes('--one-per-template') ? onePerTemplate(sitemapPaths) : sitemapPaths;
const record = recordBenchmark(`npm run lighthouse${args.length ? ` -- ${args.join(' ')}` : ''}`);
if (paths.length < sitemapPaths.length)
  console.log(`One page per template: ${paths.join(', ')} (of ${sitemapPaths.length} pages)`);

async function chromiumPath() {
  const found = await resolveChromium();
  if (found.path) return found.path;
  if (found.source.startsWith('playwright'))
    return (await import('@playwright/test')).chromium.executablePath();
  throw new Error('No Chromium found: set CHROMIUM_PATH or run `node scripts/ensure-browser.mjs`.');
}

// --ignore-lock: Astro 7 allows one preview per project, and a reader may have `npm start` running.
async function startPreview() {
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(
    process.execPath,
    [astro, 'preview', '--port', String(PORT), '--host', HOST, '--ignore-lock'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stopping it stops any child too
    },
  );
  let output = '';
  server.stdout.on('data', (d) => {
    output += d;
  });
  server.stderr.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro preview exited:\n${output}`);
    try {
      if ((await fetch(`http://${HOST}:${PORT}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopPreview(server);
  throw new Error(`astro preview did not answer on port ${PORT} within 30 s:\n${output}`);
}

function stopPreview(server) {
  if (server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarise(lhr) {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100),
    ]),
  );
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  // What keeps a category under 100: the audits in it that did not pass.
  const failing = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      (lhr.categories[c]?.auditRefs ?? [])
        .filter(
          (ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1,
        )
        .map((ref) => ref.id),
    ]),
  );
  return {
    scores,
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    failing,
    runtimeError: lhr.runtimeError?.message,
  };
}

let server;
let chrome;
const results = [];
try {
  server = await startPreview();
  step = 'launching Chromium';
  chrome = await chromeLauncher.launch({
    chromePath: await chromiumPath(),
    chromeFlags: [
      ...CHROMIUM_ARGS,
      '--headless=new',
      // Closed network: every host but the preview server fails to resolve at once.
      `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${HOST}`,
    ],
    logLevel: 'silent',
  });
  for (const path of paths) {
    for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        step = `auditing ${path} (${formFactor}, run ${i + 1} of ${RUNS})`;
        const url = `http://${HOST}:${PORT}${path}`;
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
          config,
        );
        runs.push(summarise(result.lhr));
        process.stdout.write(`  ${path} ${formFactor} run ${i + 1}/${RUNS}\r`);
      }
      const medians = {
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
        lcpMs: median(runs.map((r) => r.lcpMs)),
        tbtMs: median(runs.map((r) => r.tbtMs)),
        cls: median(runs.map((r) => r.cls)),
      };
      const failing = Object.fromEntries(
        CATEGORIES.map((c) => [c, [...new Set(runs.flatMap((r) => r.failing[c]))]]),
      );
      results.push({ path, formFactor, medians, failing, runs });
    }
  }
} catch (error) {
  console.error(`\n✖ lighthouse failed while ${step}: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await chrome?.kill();
  if (server) stopPreview(server);
}
if (process.exitCode) process.exit();

const cell = (v, width = 6) => String(v ?? '—').padStart(width);
console.log(`\nLighthouse ${RUNS}-run medians (Chromium headless, astro preview on ${HOST}:${PORT})`);
console.log(
  `  ${'page'.padEnd(16)} ${'form'.padEnd(8)} ${CATEGORIES.map((c) => cell(LABELS[c], 5)).join('')}` +
    `${cell('LCP ms', 9)}${cell('TBT ms', 9)}${cell('CLS', 8)}`,
);
for (const r of results) {
  const m = r.medians;
  console.log(
    `  ${r.path.padEnd(16)} ${r.formFactor.padEnd(8)} ${CATEGORIES.map((c) => cell(m.scores[c], 5)).join('')}` +
      `${cell(m.lcpMs == null ? null : Math.round(m.lcpMs), 9)}${cell(m.tbtMs == null ? null : Math.round(m.tbtMs), 9)}` +
      `${cell(m.cls == null ? null : m.cls.toFixed(3), 8)}`,
  );
}

console.log(
  `\nBudget: 100 in all four categories on every page, mobile${CATEGORIES.length < 4 ? ' (performance not audited here)' : ''}`,
);
const belowBudget = [];
for (const r of results.filter((x) => x.formFactor === 'mobile')) {
  for (const c of CATEGORIES) {
    const score = r.medians.scores[c];
    const ok = score === 100;
    const why = ok ? '' : ` (failing audits: ${r.failing[c].join(', ') || 'none reported'})`;
    console.log(`  ${ok ? 'ok  ' : 'LOW '} ${r.path} ${c}: ${score ?? 'no score'}${why}`);
    if (!ok) belowBudget.push({ path: r.path, category: c, score });
  }
}
for (const r of results.filter((x) => x.formFactor === 'desktop')) {
  for (const c of CATEGORIES) {
    if (r.medians.scores[c] !== 100) {
      console.log(
        `  note: desktop ${r.path} ${c}: ${r.medians.scores[c]} (${r.failing[c].join(', ') || '—'})`,
      );
    }
  }
}

mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/lighthouse.json',
  `${JSON.stringify({ generatedAt: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`,
);
console.log('\nWrote reports/lighthouse.json');

const asserted = results.flatMap((r) =>
  DETERMINISTIC.filter((c) => r.medians.scores[c] !== 100).map(
    (c) => `${r.path} ${r.formFactor} ${c} is ${r.medians.scores[c]}`,
  ),
);
record.save({ from: 'Lighthouse' });
// A run that did not measure (Lighthouse's runtime error, or a category without a score) fails the
// run whatever the flags: its medians would stand on fewer runs, or on none.
const unmeasured = results.flatMap((r) =>
  r.runs.flatMap((run, i) => {
    const missing = CATEGORIES.filter((c) => run.scores[c] === null);
    if (!run.runtimeError && missing.length === 0) return [];
    return [
      `${r.path} ${r.formFactor} run ${i + 1}: ${run.runtimeError ?? 'no score'}${missing.length ? ` (no score for ${missing.join(', ')})` : ''}`,
    ];
  }),
);
if (unmeasured.length) {
  for (const u of unmeasured) console.error(`✖ lighthouse: not measured: ${u}`);
  process.exit(1);
}
if (ASSERT && asserted.length) {
  for (const a of asserted) console.error(`✖ Lighthouse budget broken: ${a}, budget 100`);
  process.exit(1);
}
if (!ASSERT && belowBudget.length)
  console.log(`${belowBudget.length} mobile score(s) below 100 (reported only).`);
