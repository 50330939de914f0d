/**
 * Where articles come from. The test build (LIVEKB_FIXTURES=1, set by `npm test`) adds the fixture
 * articles in tests/fixtures/content/docs, which the published site never carries.
 */
export const withFixtures = process.env.LIVEKB_FIXTURES === '1';
export const contentRoots: string[] = [
  'src/content/docs',
  ...(withFixtures ? ['tests/fixtures/content/docs'] : []),
];

/**
 * Troubleshooter results of articles still being written, kept here until their folders exist
 * (then each file moves to `src/content/docs/kb/<id>/troubleshooter.yaml`). Only a test build reads
 * them: LIVEKB_FIXTURES=1, or LIVEKB_PENDING=1 for these alone.
 */
export const pendingTroubleshooterFiles: string[] =
  withFixtures || process.env.LIVEKB_PENDING === '1' ? ['tests/fixtures/troubleshooter/*.yaml'] : [];
