import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The kernel (src/machines) knows servers, sessions, links and reader flows, never a particular
 * article: no article folder, KB number or address, no id of an island on a page. Those belong to
 * content. A rule cites its source by key (SOURCE_KEYS); src/content/sources.yaml says which KB
 * article that is, and the views print it.
 */
const FILES = globSync('src/machines/**/*.{ts,tsx,js,mjs}').sort();

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'a KB number, even in a comment', pattern: /\bQ\d{6}\b|\bKB \d{6}\b/i },
  { what: 'an article URL', pattern: /\/kb\// },
  { what: 'an island id', pattern: /['"`#?](play|compare|scenario|ts)['"`=]|#(play|compare|scenario)\b/ },
];

describe('the kernel names no article', () => {
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
