// `npm test`: the type check, then every browser test in headless Chromium.
import { spawnSync } from 'node:child_process';
import { findBrowser, INSTALL_HINT } from './find-browser.mjs';

if (!findBrowser()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'test/tsconfig.json']],
  ['browser tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n${name} failed.`);
    process.exit(status ?? 1);
  }
}
