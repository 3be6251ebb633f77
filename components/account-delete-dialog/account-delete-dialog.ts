/**
 * Defines `<account-delete-dialog>` (and `<account-delete-panel>`, which it holds). A module with a
 * side effect: import it once. To register the class under a tag of your own, import
 * `AccountDeleteDialog` from `account-deletion-kit/dialog/element` instead.
 */
import '../account-delete-panel/account-delete-panel.js';
import { AccountDeleteDialog } from './account-delete-dialog.component.js';

export * from './account-delete-dialog.component.js';
export type { AccountDeleteDialogCloseDetail, AccountDeleteDialogEventMap } from './events.js';

// A second copy of the kit on the same page (say the standalone script and an npm import) must not throw.
if (!customElements.get('account-delete-dialog')) {
  customElements.define('account-delete-dialog', AccountDeleteDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'account-delete-dialog': AccountDeleteDialog;
  }
}
