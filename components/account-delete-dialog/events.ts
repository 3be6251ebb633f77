import type { AccountDeletePanelEventMap } from '../account-delete-panel/events.js';

/** `account-delete-dialog-close`: the window closed. */
export type AccountDeleteDialogCloseDetail = Record<string, never>;

/** Every event `<account-delete-dialog>` fires: its own, and the panel's, which bubble out of it. */
export interface AccountDeleteDialogEventMap extends AccountDeletePanelEventMap {
  'account-delete-dialog-close': CustomEvent<AccountDeleteDialogCloseDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface merge, not a new type
  interface HTMLElementEventMap extends AccountDeleteDialogEventMap {}
}
