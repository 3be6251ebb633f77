import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findBrowser, chromiumArgs, INSTALL_HINT } from './test/find-browser.mjs';
import { findFirefox, FIREFOX_HINT } from './test/engines/firefox.mjs';
import { findWebKit, WEBKIT_HINT } from './test/engines/webkit.mjs';
import { webkitLauncher } from './test/engines/webkit-launcher.mjs';
import { launcherFeaturesPlugin, withFeatures } from './test/engines/launcher-features.mjs';
import { engineSummaryReporter } from './test/engines/summary-reporter.mjs';
import { realServer } from './test/real-server.mjs';

/** An engine's executable, or an error that says how to get it: no engine is left out quietly. */
function need(found, hint) {
  if (!found) throw new Error(hint);
  return found;
}

// Every browser test runs in the three engines the kit supports. ENGINES=firefox (or a comma-separated
// list) narrows a run by hand; `npm test` always runs all three.
const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',').map((name) => name.trim().toLowerCase());
const unknown = ENGINES.filter((name) => !['chromium', 'firefox', 'webkit'].includes(name));
if (unknown.length > 0) throw new Error(`ENGINES names an engine the tests do not run in: ${unknown.join(', ')} (chromium, firefox, webkit).`);

// Each launcher declares which of the commands only some launchers have it can run
// (test/engines/launcher-features.mjs); a test that needs one runs where it exists.
const launchers = {
  // Named for the engine: the launcher calls any installed browser "Chrome".
  chromium: () =>
    withFeatures(
      Object.assign(
        chromeLauncher({
          launchOptions: { executablePath: need(findBrowser(), INSTALL_HINT), headless: true, args: chromiumArgs },
          // Each file's page in a window of its own, so that every page is visible, as a person's is:
          // a background tab gets no frames, and the tests that wait on layout (resize observers,
          // animation frames) would wait in vain beside another file's page.
          createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
        }),
        { name: 'Chromium' },
      ),
      ['emulate-media', 'hold-keys'],
    ),
  // Over WebDriver BiDi, through the puppeteer-core that @web/test-runner-chrome brings.
  firefox: () =>
    withFeatures(
      chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: { browser: 'firefox', executablePath: need(findFirefox(), FIREFOX_HINT), headless: true },
        // One page at a time: Firefox gives one tab the focus, and in a page without it Enter on a
        // button is no click, so keyboard tests would wait in vain beside another file's page.
        concurrency: 1,
      }),
      ['hold-keys'],
    ),
  webkit: () => withFeatures(webkitLauncher(need(findWebKit(), WEBKIT_HINT)), []),
};

export default {
  // Answers only a real server gives (redirects, bodies that stall, odd status lines): test/real-server.mjs.
  middleware: [realServer],
  files: ['test/**/*.test.ts', '!test/flow/**'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), launcherFeaturesPlugin()],
  browsers: ENGINES.map((name) => launchers[name]()),
  reporters: [defaultReporter(), engineSummaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  // Lit's dev build warns once per page that it is the dev build: true, and said in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
