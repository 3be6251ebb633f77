// After the browser tests: one line per engine with its version and its counts, then every test an
// engine skipped because its launcher lacks a command, so that no engine's gap passes unseen.
import { FEATURES, skips } from './launcher-features.mjs';

function count(suite, totals = { passed: 0, failed: 0, skipped: 0 }) {
  for (const test of suite?.tests ?? []) totals[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed'] += 1;
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

/** The browser's own version, from the running browser (puppeteer) or its WebDriver session. */
async function versionOf(launcher) {
  try {
    if (launcher.browser?.version) return (await launcher.browser.version()).replace(/^[A-Za-z]+\//, '');
    return launcher.driver?.capabilities?.browserVersion;
  } catch {
    return undefined;
  }
}

export function engineSummaryReporter() {
  let browsers = [];
  const versions = new Map();
  let lines = [];
  return {
    start({ browsers: launchers }) {
      browsers = launchers;
      // The test runner stops each browser as soon as its last file is done: its version is read just before.
      for (const launcher of launchers) {
        const stop = launcher.stop.bind(launcher);
        launcher.stop = async () => {
          if (!versions.has(launcher)) versions.set(launcher, versionOf(launcher));
          await versions.get(launcher);
          return stop();
        };
      }
    },
    async stop({ sessions }) {
      lines = ['Browser tests per engine:'];
      for (const launcher of browsers) {
        const totals = { passed: 0, failed: 0, skipped: 0 };
        for (const session of sessions) if (session.browser === launcher) count(session.testResults, totals);
        const version = await versions.get(launcher);
        lines.push(`  ${launcher.name}${version ? ` ${version}` : ''}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
        for (const skip of skips.filter((entry) => entry.engine === launcher.name)) {
          lines.push(`    skipped, its launcher has no ${FEATURES[skip.feature]}: ${skip.test}`);
        }
      }
      lines.push('');
    },
    getTestProgress() {
      return lines;
    },
  };
}
