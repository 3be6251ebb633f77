/**
 * What differs between the launchers that drive the three engines, in one place, so that a test
 * reads the same in all of them.
 */
import { sendKeys } from '@web/test-runner-commands';

/**
 * Presses one key. The space bar goes by its key value, ' ': puppeteer's WebDriver BiDi keyboard
 * (Firefox) knows no key named 'Space', and ' ' is the same key, code Space, in every launcher.
 */
export function press(key: 'Enter' | 'Space' | 'Tab'): Promise<void> {
  return sendKeys({ press: key === 'Space' ? ' ' : key });
}
