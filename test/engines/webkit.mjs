// Finds what the browser tests need for WebKit: WebKitGTK's WebDriver server (WebKitWebDriver), the
// MiniBrowser it drives, and Xvfb, the virtual display the MiniBrowser needs (it has no headless mode).
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));

/** Where distributions put WebKitGTK's helpers: /usr/lib/<triplet>/webkit2gtk-4.x/ or /usr/libexec/webkit2gtk-4.x/. */
function miniBrowserCandidates() {
  const roots = ['/usr/lib', '/usr/libexec', '/usr/lib64'];
  const found = [];
  for (const root of roots) {
    for (const dir of [root, ...subdirs(root)]) {
      for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) found.push(join(dir, api, 'MiniBrowser'));
    }
  }
  return found;
}

function subdirs(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.includes('-linux-'))
      .map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

const first = (paths) => paths.find((path) => path && existsSync(path));

export const WEBKIT_HINT =
  'No WebKit was found (WebKitWebDriver, its MiniBrowser and Xvfb): install them (on Debian and Ubuntu: `sudo apt-get install -y webkit2gtk-driver xvfb`) or set WEBKIT_WEBDRIVER_PATH, MINIBROWSER_PATH and XVFB_PATH to their executables.';

/** Each of the three executables, undefined where it is missing. */
export function webkitParts() {
  return {
    driver: first([process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver', ...onPath('WebKitWebDriver')]),
    miniBrowser: first([process.env.MINIBROWSER_PATH, ...miniBrowserCandidates()]),
    xvfb: first([process.env.XVFB_PATH, '/usr/bin/Xvfb', ...onPath('Xvfb')]),
  };
}

/** The three executables, or undefined when one is missing. */
export function findWebKit() {
  const parts = webkitParts();
  return parts.driver && parts.miniBrowser && parts.xvfb ? parts : undefined;
}
