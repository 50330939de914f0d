import { defineConfig } from 'vitest/config';
import { chunkUrl } from './src/integrations/chunk-url.ts';

export default defineConfig({
  // Models' panels are imported by chunk address (`chunk-url:`); under Vitest that is the module's path.
  plugins: [chunkUrl()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Vitest's default 5 s per test. Files whose property runs need longer raise it themselves,
    // with the reason (timeline.test.ts, properties.test.ts); fast-check runs are bounded by numRuns.
  },
});
