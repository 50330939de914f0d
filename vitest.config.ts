import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Vitest's default 5 s per test. Tests that need longer raise it themselves, with the reason:
    // property runs (timeline.test.ts, properties.test.ts; fast-check runs are bounded by numRuns)
    // and tests that spawn Node or build (bench-scripts.test.ts, bench-build.test.ts, pictures.test.ts).
  },
});
