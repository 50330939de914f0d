import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './scripts/browser.mjs';

const { path: executablePath } = await resolveChromium();
const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers on the 2-core machine, as CI had: a test spends much of its time waiting on the
  // page (hydration, Pagefind, axe's frames), which the other worker fills.
  workers: 2,
  retries: 0,
  // Playwright's defaults, 30 s a test and 5 s an assertion: a test that needs longer raises its
  // own limit with test.setTimeout and says why.
  // Review screenshots (@review) are not checks: left out unless asked for by name, as
  // `npm run test:review` does (`playwright test --grep @review`).
  grepInvert: process.argv.some((arg) => arg.includes('@review')) ? undefined : /@review/,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx astro preview --port ${PORT} --host localhost --ignore-lock`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
