// `npm run statechart`: lays out session.ts's sessionMachine once and writes the result to
// src/components/picture/statechart.json (committed). The site reads that file: no layout code and
// no copy of the machine ship to the browser. Run it again after changing session.ts; a unit test
// fails when the file no longer matches the machine.
//
//   node scripts/statechart.mjs [--check]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const OUT = resolve('src/components/picture/statechart.json');
const dir = mkdtempSync(join(tmpdir(), 'statechart-'));
const file = join(dir, 'session.mjs');
await build({
  entryPoints: [resolve('src/machines/session.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: file,
  logLevel: 'error',
});
const { sessionMachine } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

/** Plain words for the guards, as the article would say them. */
const GUARDS = {
  lastShare: 'last share',
  ipcLingers: 'NT 3.5/3.51',
  nothingOpen: 'no open files',
  accessDenied: 'access denied',
  nt4: 'NT 4.0',
};
const STATE_LABELS = {
  none: 'No session',
  holding: 'Holding shares (account)',
  leftover: 'Leftover IPC$ (no account)',
};

function guardWords(guard) {
  if (!guard) return [];
  if (typeof guard === 'string') return [guard];
  if (typeof guard === 'object' && guard.type) return [guard.type];
  if (typeof guard === 'function' && Array.isArray(guard.guards)) return guard.guards.flatMap(guardWords);
  return [];
}

// Transitions that change state; self-transitions (refusals, opens) stay in their state and are left out.
const states = Object.keys(sessionMachine.root.states);
const edges = [];
for (const name of states) {
  const node = sessionMachine.root.states[name];
  for (const [event, list] of node.transitions) {
    for (const t of list) {
      const target = t.target?.[0]?.key;
      if (!target || target === name) continue;
      const words = guardWords(t.guard).filter((g) => g !== 'accessDenied');
      // A transition that only applies once an earlier one guarded by the version did not: the other versions.
      const earlier = list.slice(0, list.indexOf(t)).flatMap((o) => guardWords(o.guard));
      if (earlier.includes('ipcLingers') && !words.includes('ipcLingers')) words.push('nt4');
      const label = `${event}${words.length ? ` [${words.map((g) => GUARDS[g] ?? g).join(', ')}]` : ''}`;
      const same = edges.find((e) => e.from === name && e.to === target);
      if (same) {
        if (!same.labels.includes(label)) same.labels.push(label);
      } else edges.push({ from: name, to: target, labels: [label] });
    }
  }
}

// Hand layout for a handful of states: one column in the machine's order; transitions down the
// column curve on the right, transitions up it on the left, further the more states they pass. Each
// carries a number at its midpoint, and the page lists the numbers with their events: labels on the
// arrows would not fit a phone.
const W = 170;
const H = 40;
const GAP = 56;
const CX = 165;
const pos = Object.fromEntries(states.map((s, i) => [s, { x: CX - W / 2, y: 8 + i * (H + GAP) }]));
const r = (n) => Math.round(n);
const layoutEdges = edges.map((e, n) => {
  const i = states.indexOf(e.from);
  const j = states.indexOf(e.to);
  const down = j > i;
  const side = down ? 1 : -1;
  const span = Math.abs(j - i);
  const x = CX + side * (W / 2 - 24 - (span - 1) * 44);
  const y1 = pos[e.from].y + (down ? H : 0);
  const y2 = pos[e.to].y + (down ? 0 : H);
  const bow = CX + side * (W / 2 + 10 + span * 30);
  const my = (y1 + y2) / 2;
  const mx = (x + 2 * bow + x) / 4;
  return {
    n: n + 1,
    from: e.from,
    to: e.to,
    labels: e.labels,
    d:
      span === 1
        ? `M${r(x)} ${y1}Q${r(bow)} ${r(my)} ${r(x)} ${y2}`
        : `M${r(CX + side * (W / 2))} ${r(pos[e.from].y + H / 2)}Q${r(bow + side * 40)} ${r(my)} ${r(CX + side * (W / 2))} ${r(pos[e.to].y + H / 2)}`,
    badge:
      span === 1
        ? { x: r(mx), y: r(my) }
        : { x: r((2 * CX + side * W + 2 * (bow + side * 40)) / 4), y: r(my) },
  };
});
const chart = {
  id: sessionMachine.id,
  initial: states[0],
  width: 330,
  height: 16 + states.length * H + (states.length - 1) * GAP,
  box: { w: W, h: H },
  states: states.map((s) => ({ id: s, label: STATE_LABELS[s] ?? s, ...pos[s] })),
  edges: layoutEdges,
};
const json = `${JSON.stringify(chart, null, 2)}\n`;
if (process.argv.includes('--check')) {
  // Compared as data: the formatter may lay the committed file out its own way.
  const same = JSON.stringify(JSON.parse(readFileSync(OUT, 'utf8'))) === JSON.stringify(chart);
  console.log(
    same ? 'statechart.json matches session.ts' : 'statechart.json is out of date: npm run statechart',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, json);
console.log(`Wrote ${OUT}: ${states.length} states, ${layoutEdges.length} transitions.`);
