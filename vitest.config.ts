import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Vitest's default 5 s per test. Files whose property runs need longer raise it themselves,
    // with the reason (timeline.test.ts, properties.test.ts); fast-check runs are bounded by numRuns.
  },
});
