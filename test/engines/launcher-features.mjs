// A few commands of the test runner exist in some engines' launchers only: media emulation is a
// Chromium DevTools Protocol call, and the WebDriver launcher can only press keys, not hold one down.
// Each launcher declares what it has; a test that needs one of these asks (test/launcher.ts), runs
// where the launcher has it and is skipped elsewhere, and the run's summary lists every such skip.

/** What each feature lets a test do, as the summary says it. */
export const FEATURES = {
  'emulate-media': 'media emulation (emulateMedia)',
  'hold-keys': 'way to hold a key down across presses (sendKeys down/up)',
};

const declared = new WeakMap();
/** The tests skipped for a missing feature: { engine, test, feature }. */
export const skips = [];

/** Declares what `launcher` can do, and returns it. */
export function withFeatures(launcher, features) {
  for (const feature of features) if (!(feature in FEATURES)) throw new Error(`Unknown launcher feature: ${feature}`);
  declared.set(launcher, new Set(features));
  return launcher;
}

/** Answers the `launcher-can` command of test/launcher.ts, and keeps a record of every no. */
export function launcherFeaturesPlugin() {
  return {
    name: 'launcher-features',
    executeCommand({ command, payload, session }) {
      if (command !== 'launcher-can') return undefined;
      const { feature, test } = payload;
      if (!(feature in FEATURES)) throw new Error(`Unknown launcher feature: ${feature}`);
      const can = declared.get(session.browser)?.has(feature) ?? false;
      if (!can) skips.push({ engine: session.browser.name, test, feature });
      return can;
    },
  };
}
