// Finds the Chrome or Chromium that tests, end-to-end runs and benchmarks drive.
// npm tools cannot download a browser on every machine, so the kit uses the one installed.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The same names found on PATH (a snap's /snap/bin, a Homebrew or Nix profile, …). */
const onPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter(Boolean)
  .flatMap((dir) => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map((name) => join(dir, name)));

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ...onPath,
];

export const INSTALL_HINT =
  'No Chrome or Chromium was found: install one (on Debian: `sudo apt-get install -y chromium`; on Ubuntu: `sudo snap install chromium`) or set CHROME_PATH to its executable.';

/** The browser's path, or undefined. */
export function findBrowser() {
  return candidates.find((path) => path && existsSync(path));
}

/** Flags for a headless run on a machine with no network but localhost, possibly as root. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
