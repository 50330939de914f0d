import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lock file whose entries no longer satisfy what a package asks for. A range
// stays satisfied; a dist-tag such as "latest" moves with the registry, so the same lock file that
// installed yesterday fails today. Every such request must be pinned by an override.
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const lock = read('package-lock.json') as {
  packages: Record<
    string,
    { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }
  >;
};
const overrides = (read('package.json') as { overrides?: Record<string, unknown> }).overrides ?? {};

/** A request npm resolves through the registry's dist-tags rather than by version: "latest", "next", "beta". */
const isDistTag = (spec: string) => /^[A-Za-z][\w.-]*$/.test(spec) && !/^[xX]$/.test(spec);

describe('the lock file installs the same tree tomorrow', () => {
  it('recognises dist-tags and leaves ranges alone', () => {
    expect(['latest', 'next', 'beta'].filter(isDistTag)).toEqual(['latest', 'next', 'beta']);
    expect(['^1.2.0', '*', 'x', '1.x', '>=2 <3', 'npm:foo@1', 'github:a/b', ''].filter(isDistTag)).toEqual(
      [],
    );
  });

  it('every dependency requested by dist-tag is pinned by an override in package.json', () => {
    const unpinned = Object.entries(lock.packages).flatMap(([where, entry]) =>
      Object.entries({ ...entry.dependencies, ...entry.optionalDependencies })
        .filter(([name, spec]) => isDistTag(spec) && typeof overrides[name] !== 'string')
        .map(([name, spec]) => `${where || '(root)'} asks for ${name}@${spec}`),
    );

    expect(unpinned).toEqual([]);
  });
});
