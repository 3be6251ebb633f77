// What `npm test` needs of the machine: the three engines the browser tests run in. Used by
// test/run.mjs, to say up front what is missing and how to get it, and by .ci/run, to install it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, INSTALL_HINT } from '../find-browser.mjs';
import { findFirefox, FIREFOX_HINT } from './firefox.mjs';
import { webkitParts, WEBKIT_HINT } from './webkit.mjs';

/** The engines not found on this machine: { name, hint, debian } each, `debian` the packages that bring what is missing. */
export function missingEngines() {
  const missing = [];
  if (!findBrowser()) missing.push({ name: 'Chromium', hint: INSTALL_HINT, debian: ['chromium'] });
  if (!findFirefox()) missing.push({ name: 'Firefox', hint: FIREFOX_HINT, debian: ['firefox-esr'] });
  const webkit = webkitParts();
  // The MiniBrowser comes with WebKitWebDriver's package, as a dependency.
  const debian = [...(webkit.driver && webkit.miniBrowser ? [] : ['webkit2gtk-driver']), ...(webkit.xvfb ? [] : ['xvfb'])];
  if (debian.length > 0) missing.push({ name: 'WebKit', hint: WEBKIT_HINT, debian });
  return missing;
}

// Run directly (by .ci/run): prints the Debian packages to install, one a line.
if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) {
  for (const engine of missingEngines()) for (const name of engine.debian) console.log(name);
}
