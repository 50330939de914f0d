// BENCHMARKS.md is written by the scripts that measure: each run of `npm run bench`,
// `bench:browser`, `size`, `lighthouse`, `bench:build`, `links` (and `npm test -- --record`: its
// steps' times)
// replaces its own section with what it printed, dated, with the machine's cores and load
// average, so every figure is read with the load it was measured at. Nothing is written when a
// script runs inside `npm test` (`--no-record`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { stripVTControlCharacters } from 'node:util';

const FILE = 'BENCHMARKS.md';
const HEADER = `# Benchmarks

Written by the scripts, not by hand: each run of a command below replaces its section with what
the command printed, the date, and the machine's cores and load average (1, 5 and 15 minutes) at
the start and the end of the run. Wall-clock figures grow with the load on a shared machine; read
them with it. The budgets are in the README (Budgets and benchmarks).
`;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Starts recording what the script prints with console.log; `save()` writes it to BENCHMARKS.md
 * under `command` (all of it, or from the first line that starts with `from`). With `--no-record`
 * on the command line it records nothing; with `optIn`, only with `--record`.
 * @param {string} command
 * @param {{ optIn?: boolean }} [options]
 */
export function recordBenchmark(command, { optIn = false } = {}) {
  const enabled = optIn ? process.argv.includes('--record') : !process.argv.includes('--no-record');
  const started = { at: new Date(), load: load() };
  /** @type {string[]} */
  const lines = [];
  const log = console.log;
  if (enabled)
    console.log = (...parts) => {
      log(...parts);
      lines.push(parts.map(String).join(' '));
    };
  return {
    /** @param {{ from?: string, quiet?: boolean }} [options] */
    save({ from, quiet = false } = {}) {
      if (!enabled) return;
      console.log = log;
      const plain = stripVTControlCharacters(lines.join('\n')).split('\n');
      const start = from
        ? Math.max(
            0,
            plain.findIndex((l) => l.trimStart().startsWith(from)),
          )
        : 0;
      const body = plain.slice(start).join('\n').trim();
      const cpu = cpus();
      const section =
        `## \`${command}\`\n\n` +
        `${started.at.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpu.length} cores` +
        `${cpu[0] ? ` (${cpu[0].model.trim()})` : ''}, Node ${process.version}; load average ` +
        `${started.load} at the start, ${load()} at the end.\n\n\`\`\`text\n${body}\n\`\`\`\n`;
      const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
      const title = `## \`${command}\``;
      const at = text.indexOf(`\n${title}\n`);
      let next;
      if (at === -1) next = `${text.trimEnd()}\n\n${section}`;
      else {
        const end = text.indexOf('\n## ', at + 1);
        next = `${text.slice(0, at + 1)}${section}${end === -1 ? '' : `\n${text.slice(end + 1)}`}`;
      }
      writeFileSync(FILE, next);
      if (!quiet) log(`\nRecorded in ${FILE} (${command}).`);
    },
  };
}
