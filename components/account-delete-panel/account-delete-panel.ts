/**
 * Defines `<account-delete-panel>`. The only module of the kit with a side effect: import it once.
 * To register the element under a tag of your own, import `AccountDeletePanel` from
 * `account-deletion-kit/panel/element` instead.
 */
import { AccountDeletePanel } from './account-delete-panel.component.js';

export * from './account-delete-panel.component.js';
export type {
  AccountDeleteCheckedDetail,
  AccountDeletedDetail,
  AccountDeleteErrorDetail,
  AccountDeletePanelEventMap,
  AccountDeleteReauthRequiredDetail,
  AccountDeleteRequestDetail,
} from './events.js';
// The page's languages: add a locale, or change single strings of one, for every view on the page.
export { overrideLocale, registerLocale, type Strings } from '../../src/flow/index.js';

// A second copy of the kit on the same page (say the standalone script and an npm import) must not throw.
if (!customElements.get('account-delete-panel')) {
  customElements.define('account-delete-panel', AccountDeletePanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'account-delete-panel': AccountDeletePanel;
  }
}
