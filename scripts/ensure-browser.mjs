// Makes sure a Chromium exists before the browser tests: Debian's package when we are root on
// Debian (Playwright's download is blocked there), Playwright's own browser elsewhere.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolveChromium } from './browser.mjs';

const found = await resolveChromium();
if (found.source !== 'none') {
  console.log(
    `Chromium: ${found.path ?? found.source} (${found.source === 'system' ? 'system' : found.source})`,
  );
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const run = (cmd) => {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};
try {
  if (existsSync('/etc/debian_version') && isRoot) {
    run('apt-get update -qq');
    run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    run('npx playwright install chromium');
  }
} catch (error) {
  console.error(
    'No Chromium found and installing one failed. Install Chromium yourself, or set CHROMIUM_PATH to a Chrome or Chromium executable.',
  );
  console.error(String(error));
  process.exit(1);
}
const after = await resolveChromium();
if (after.source === 'none') {
  console.error('Chromium was installed but cannot be found. Set CHROMIUM_PATH to its executable.');
  process.exit(1);
}
console.log(`Chromium: ${after.path ?? after.source}`);
