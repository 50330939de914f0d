// What `npm run bench:build` (scripts/bench-build.mjs) checks in its results. Pure, so a unit test
// can feed it results without building (tests/unit/bench-build.test.ts).
//
// Asserted (a failure fails the run): what does not depend on the machine or its load. Every size
// was measured, has 0 broken internal links and, when searched, search finds every synthetic
// article; between the smallest and the largest size, an article page's HTML and `_headers` grow
// by at most 10 %. Printed only: build time per page and peak memory, which move with the load of
// a shared machine.

/** DESIGN.md's budgets at scale, the largest size against the smallest. */
export const BUDGET = { html: 0.1, headers: 0.1, perPage: 0.3, peakMb: 4096 };

/** The number of results in Pagefind's message ("1,005 results for autodisconnect"), or undefined. */
export function resultCount(message) {
  const count = /([\d,]+)\s+results?\b/i.exec(message ?? '')?.[1];
  return count === undefined ? undefined : Number(count.replaceAll(',', ''));
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Checks for the measured sizes, each `{ name, ok, detail, asserted }`.
 * A result: `{ count, htmlPlain, htmlSim, headersBytes, links: { ok, summary }, search?: { message, error },
 * perPageMs, cpuPerPageMs, peakMb }`; `search` is whether search was measured.
 */
export function benchChecks(results, { search = true } = {}) {
  const checks = [];
  const add = (name, ok, detail, asserted = true) => checks.push({ name, ok: Boolean(ok), detail, asserted });
  for (const r of results) {
    const at = `${r.count.toLocaleString('en-GB')} articles`;
    const missing = ['htmlPlain', 'htmlSim', 'headersBytes'].filter((k) => !(r[k] > 0));
    add(
      `${at}: pages measured`,
      missing.length === 0,
      missing.length ? `not measured: ${missing.join(', ')}` : 'article HTML and _headers',
    );
    add(`${at}: 0 broken internal links`, r.links?.ok, r.links?.summary ?? 'not checked');
    if (search) {
      const found = resultCount(r.search?.message);
      add(
        `${at}: search finds every article`,
        found !== undefined && found >= r.count,
        r.search?.error ?? r.search?.message ?? 'not measured',
      );
    }
  }
  const [small, large] = [results[0], results.at(-1)];
  if (!small || !large || small === large) return checks;
  const growth = (key) => large[key] / small[key] - 1;
  for (const [name, key, budget] of [
    ['article HTML without simulation', 'htmlPlain', BUDGET.html],
    ['article HTML with simulation', 'htmlSim', BUDGET.html],
    ['_headers', 'headersBytes', BUDGET.headers],
  ]) {
    const g = growth(key);
    add(
      `${name}, ${large.count} against ${small.count} articles`,
      g <= budget,
      Number.isFinite(g)
        ? `${pct(g)} (${kb(small[key])} → ${kb(large[key])}; budget ≤ ${budget * 100}%)`
        : 'not measured',
    );
  }
  // Timings and memory: printed, never asserted.
  const fmt = (n) => (n === undefined ? '—' : n.toFixed(2));
  const perPage = growth('perPageMs');
  add(
    'build time per page',
    perPage <= BUDGET.perPage,
    `${pct(perPage)} (${fmt(small.perPageMs)} → ${fmt(large.perPageMs)} ms; budget ≤ ${BUDGET.perPage * 100}%)`,
    false,
  );
  if (large.cpuPerPageMs !== undefined && small.cpuPerPageMs !== undefined) {
    const cpu = growth('cpuPerPageMs');
    add(
      'build CPU time per page',
      cpu <= BUDGET.perPage,
      `${pct(cpu)} (${fmt(small.cpuPerPageMs)} → ${fmt(large.cpuPerPageMs)} ms; budget ≤ ${BUDGET.perPage * 100}%)`,
      false,
    );
  }
  if (large.peakMb !== undefined)
    add(
      'peak memory',
      large.peakMb <= BUDGET.peakMb,
      `${large.peakMb.toFixed(0)} MB (budget ≤ ${BUDGET.peakMb} MB)`,
      false,
    );
  return checks;
}
