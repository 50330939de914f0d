import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property and model-based tests replay thousands of tapes; on a busy 2-core machine that takes seconds.
    testTimeout: 60_000,
  },
});
