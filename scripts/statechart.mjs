// `npm run statechart`: lays out session.ts's sessionMachine once and writes the result to
// src/components/models/nt-server/statechart.json (committed). The site reads that file: no layout code and
// no copy of the machine ship to the browser. Run it again after changing session.ts; a unit test
// fails when the file no longer matches the machine.
//
//   node scripts/statechart.mjs [--check]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const OUT = resolve('src/components/models/nt-server/statechart.json');
const dir = mkdtempSync(join(tmpdir(), 'statechart-'));
const file = join(dir, 'session.mjs');
// One bundle, so the machine and the graph walker share one copy of XState.
await build({
  stdin: {
    contents: `export { sessionMachine } from ${JSON.stringify(resolve('src/machines/nt-server/session.ts'))};
export { getAdjacencyMap } from 'xstate/graph';`,
    resolveDir: resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: file,
  logLevel: 'error',
});
const { sessionMachine, getAdjacencyMap } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const STATE_LABELS = {
  none: 'No session',
  holding: 'Holding shares (account)',
  leftover: 'Leftover IPC$ (no account)',
  explicitIpc: 'IPC$ by name (account)',
};
/** Plain words for the events, as the articles say them. */
const EVENT_WORDS = {
  'share.connect': 'connect',
  'share.disconnect': 'disconnect',
  'file.open': 'open a file (reconnects)',
  'admin.disconnect': 'Server Manager: Disconnect',
  'session.idle': 'autodisconnect',
  'server.restart': 'Server service restart',
  'session.delete': 'net session /delete',
};

// The transitions between states the machine really takes, found by walking it (xstate/graph) on each
// version from a workstation's point of view; self-transitions (refusals, opens) are left out. An edge
// taken on some versions only says which.
const VERSIONS = ['3.5', '3.51', '4.0'];
const SHARES = ['PUBLIC', 'TOOLS', 'IPC$'];
/** Events to try from a snapshot; at most one open file per share keeps the walk finite. */
function events(snapshot) {
  const out = [{ type: 'session.idle' }, { type: 'server.restart' }, { type: 'session.delete' }];
  for (const share of SHARES) {
    for (const user of [undefined, 'Administrator']) {
      out.push(user ? { type: 'share.connect', share, user } : { type: 'share.connect', share });
    }
    out.push({ type: 'share.disconnect', share }, { type: 'admin.disconnect', share });
  }
  for (const share of ['PUBLIC', 'TOOLS']) {
    if (!(snapshot.context.shares[share] > 0)) out.push({ type: 'file.open', share });
    out.push({ type: 'file.close', share });
  }
  return out;
}
const states = Object.keys(sessionMachine.root.states);
const found = new Map();
for (const version of VERSIONS) {
  const adjacency = getAdjacencyMap(sessionMachine, { input: { version, computer: 'WKS1' }, events });
  for (const { state, transitions } of Object.values(adjacency)) {
    for (const { event, state: next } of Object.values(transitions)) {
      if (next.value === state.value) continue;
      const key = `${state.value}>${next.value}>${EVENT_WORDS[event.type] ?? event.type}`;
      const versions = found.get(key) ?? new Set();
      versions.add(version);
      found.set(key, versions);
    }
  }
}
const edges = [];
for (const [key, versions] of found) {
  const [from, to, words] = key.split('>');
  const only = versions.size < VERSIONS.length ? ` [NT ${[...versions].join(', ')}]` : '';
  const label = `${words}${only}`;
  const same = edges.find((e) => e.from === from && e.to === to);
  if (same) {
    if (!same.labels.includes(label)) same.labels.push(label);
  } else edges.push({ from, to, labels: [label] });
}
edges.sort(
  (a, b) => states.indexOf(a.from) - states.indexOf(b.from) || states.indexOf(a.to) - states.indexOf(b.to),
);
for (const e of edges) e.labels.sort();

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
