// Finds Firefox (Debian's ESR first) for the browser tests, which drive it through the puppeteer-core
// that @web/test-runner-chrome brings, over WebDriver BiDi: no driver to download, no second runner.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter(Boolean)
  .flatMap((dir) => ['firefox-esr', 'firefox'].map((name) => join(dir, name)));

const candidates = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  ...onPath,
];

export const FIREFOX_HINT =
  "No Firefox was found: install one (on Debian: `sudo apt-get install -y firefox-esr`; on Ubuntu, whose snap keeps its own /tmp apart from the test profile: `firefox-esr` from Mozilla's APT repository, packages.mozilla.org) or set FIREFOX_PATH to its executable.";

/** Firefox's path, or undefined. */
export function findFirefox() {
  return candidates.find((path) => path && existsSync(path));
}
