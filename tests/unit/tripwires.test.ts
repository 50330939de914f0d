// Tripwires for copied framework code: each file below is a copy or fork of a file in an npm
// package, made against the version recorded here. When the installed version moves, the test
// fails and says which copy to compare with its upstream again; after re-diffing (and porting
// what changed), record the new version here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

interface Copy {
  /** The copy in this repository. */
  file: string;
  /** The npm package it was copied from, and the version it was copied from. */
  pkg: string;
  version: string;
  /** The upstream file inside the installed package. */
  upstream: string;
}

const COPIES: Copy[] = [
  {
    file: 'src/components/overrides/Search.astro',
    pkg: '@astrojs/starlight',
    version: '0.42.4',
    upstream: 'dist/components/Search.astro',
  },
  {
    file: 'src/components/overrides/TableOfContents.astro',
    pkg: '@astrojs/starlight',
    version: '0.42.4',
    upstream: 'dist/components/TableOfContents.astro',
  },
  {
    file: 'src/components/overrides/MobileTableOfContents.astro',
    pkg: '@astrojs/starlight',
    version: '0.42.4',
    upstream: 'dist/components/MobileTableOfContents.astro',
  },
  {
    file: 'src/components/overrides/TocList.astro',
    pkg: '@astrojs/starlight',
    version: '0.42.4',
    upstream: 'dist/components-internals/TableOfContents/TableOfContentsList.astro',
  },
  {
    file: 'src/components/preact-client.ts',
    pkg: '@astrojs/preact',
    version: '6.0.5',
    upstream: 'dist/client.js',
  },
];

const installedVersion = (pkg: string): string =>
  JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), 'utf8')).version;

describe('copied framework code matches the installed upstream version', () => {
  for (const copy of COPIES) {
    it(`${copy.file} was copied from ${copy.pkg}@${copy.version}`, () => {
      expect(existsSync(new URL(copy.file, root)), `${copy.file} exists`).toBe(true);
      const installed = installedVersion(copy.pkg);
      const where = `node_modules/${copy.pkg}/${copy.upstream}`;
      if (installed !== copy.version || !existsSync(new URL(where, root))) {
        expect.fail(
          `re-diff ${copy.file} against ${copy.pkg}@${installed} (${where}): it was copied from ${copy.pkg}@${copy.version}. ` +
            'Port what changed upstream, then record the new version in tests/unit/tripwires.test.ts.',
        );
      }
    });
  }

  it('names the upstream version in each copy’s header comment, where one is named', () => {
    for (const copy of COPIES) {
      const named = readFileSync(new URL(copy.file, root), 'utf8').match(/\((\d+\.\d+\.\d+)[,)]/)?.[1];
      if (named) expect(named, `${copy.file} says it copies ${copy.pkg} ${named}`).toBe(copy.version);
    }
  });
});
