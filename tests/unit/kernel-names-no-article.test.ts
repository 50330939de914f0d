import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The kernel (src/machines) knows servers, sessions, links and reader flows, never a particular
 * article: no article folder or address, no id of an island on a page. Those belong to content.
 * KB numbers may appear only as the source a rule cites, in a comment or in parentheses in a log
 * line ("… (Q159600)"): what NT did is sourced, which articles LiveKB publishes is not the kernel's
 * business.
 */
const FILES = globSync('src/machines/**/*.{ts,tsx,js,mjs}').sort();

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'an article folder or ID used as a name', pattern: /\bq\d{6}\b|['"`]Q\d{6}['"`]/ },
  { what: 'an article URL', pattern: /\/kb\// },
  { what: 'an island id', pattern: /['"`#?](play|compare|scenario|ts)['"`=]|#(play|compare|scenario)\b/ },
];

/** A KB number outside a comment and outside parentheses is not a citation. */
function uncited(line: string): boolean {
  const code = line.replace(/\/\/.*$/, '').replace(/^\s*(\/?\*).*$/, '');
  let outside = code;
  for (let before = ''; before !== outside; ) {
    before = outside;
    outside = outside.replace(/\([^()]*\)/g, '');
  }
  return /\bQ\d{6}\b/.test(outside);
}

describe('the kernel names no article', () => {
  it('KB numbers appear only as cited sources', () => {
    const hits = FILES.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (uncited(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('finds the kernel’s files', () => {
    expect(FILES).toContain('src/machines/troubleshooter.ts');
  });

  for (const { what, pattern } of FORBIDDEN) {
    it(`no file in src/machines names ${what}`, () => {
      const hits = FILES.flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
          .filter(({ text }) => pattern.test(text))
          .map(({ file: f, line, text }) => `${f}:${line}: ${text}`),
      );
      expect(hits).toEqual([]);
    });
  }
});
