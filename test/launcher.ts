/**
 * What differs between the launchers that drive the three engines, in one place, so that a test
 * reads the same in all of them.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

export type LauncherFeature = 'emulate-media' | 'hold-keys';

/**
 * For the few tests that need a command only some launchers have (test/engines/launcher-features.mjs
 * says which): the test goes on where this engine's launcher has `feature`, and is skipped elsewhere;
 * the test runner's summary names each such test with the engine and the missing command.
 */
export async function onlyWhereLauncherCan(context: Mocha.Context, feature: LauncherFeature): Promise<void> {
  const test = context.test?.titlePath().join(' > ') ?? 'a test';
  const can = await executeServerCommand<boolean, { feature: LauncherFeature; test: string }>('launcher-can', { feature, test });
  if (!can) context.skip();
}

/**
 * Presses one key. The space bar goes by its key value, ' ': puppeteer's WebDriver BiDi keyboard
 * (Firefox) knows no key named 'Space', and ' ' is the same key, code Space, in every launcher.
 */
export function press(key: 'Enter' | 'Space' | 'Tab'): Promise<void> {
  return sendKeys({ press: key === 'Space' ? ' ' : key });
}
