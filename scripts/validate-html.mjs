// HTML validity of every built page (html-validate), with the configuration and the exclusions in
// .htmlvalidate.json: each exclusion names a rule, the elements it applies to and why. Exits 1 on
// any error left, and prints which exclusions matched nothing (stale ones should go).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

const { config, exclude } = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8'));
const dist = process.argv[2] ?? 'dist';
const validator = new HtmlValidate(new StaticConfigLoader(config));
const exclusions = exclude.map((e) => ({
  ...e,
  ruleRe: new RegExp(`^(${e.rule})$`),
  selectorRe: new RegExp(e.selector),
  hits: 0,
}));

const pages = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.html'))
  .sort();
const normalise = (selector) => (selector ?? '').replace(/:nth-child\(\d+\)/g, '');

let errors = 0;
let warnings = 0;
for (const page of pages) {
  const report = await validator.validateFile(join(dist, page));
  for (const result of report.results) {
    for (const m of result.messages) {
      const selector = normalise(m.selector);
      const excluded = exclusions.find((e) => e.ruleRe.test(m.ruleId) && e.selectorRe.test(selector));
      if (excluded) {
        excluded.hits++;
        continue;
      }
      if (m.severity === 2) errors++;
      else warnings++;
      console.log(
        `${page}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}: ${m.message} (${m.selector})`,
      );
    }
  }
}
for (const e of exclusions.filter((x) => x.hits === 0))
  console.log(`exclusion matched nothing: ${e.rule} ${e.selector}`);
console.log(
  `html-validate: ${pages.length} pages, ${errors} errors, ${warnings} warnings; excluded by .htmlvalidate.json: ${exclusions.map((e) => `${e.rule} ${e.hits}`).join(', ')}`,
);
process.exit(errors > 0 ? 1 : 0);
