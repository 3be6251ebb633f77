import type { Account, AccountDeletionError, Preconditions } from '../../src/index.js';

/** `account-delete-checked`: the checks were read. */
export interface AccountDeleteCheckedDetail {
  preconditions: Preconditions;
}
/** `account-delete-request`: the DELETE is about to be sent; `preventDefault()` stops it. */
export interface AccountDeleteRequestDetail {
  account: Account;
}
/** `account-deleted`: the account is gone; `preventDefault()` stops the redirect. */
export interface AccountDeletedDetail {
  account: Account;
  /** The redirect URL as configured (it is checked before it is followed). */
  redirectUrl: string;
}
/** `account-delete-error`: a check or the deletion failed, or the redirect URL was refused. */
export interface AccountDeleteErrorDetail {
  error: AccountDeletionError;
}
/** `account-delete-reauth-required`: sign the user in again, then call `retry()`. */
export interface AccountDeleteReauthRequiredDetail {
  /** The account, when a check had read it before the server asked for a new sign-in. */
  account: Account | undefined;
}

/** Every event of `<account-delete-panel>`, by name. */
export interface AccountDeletePanelEventMap {
  'account-delete-checked': CustomEvent<AccountDeleteCheckedDetail>;
  'account-delete-request': CustomEvent<AccountDeleteRequestDetail>;
  'account-deleted': CustomEvent<AccountDeletedDetail>;
  'account-delete-error': CustomEvent<AccountDeleteErrorDetail>;
  'account-delete-reauth-required': CustomEvent<AccountDeleteReauthRequiredDetail>;
}

declare global {
  // Makes `addEventListener('account-deleted', e => e.detail.account)` typed on any element.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface merge, not a new type
  interface HTMLElementEventMap extends AccountDeletePanelEventMap {}
}

type DetailOf<K extends keyof AccountDeletePanelEventMap> = AccountDeletePanelEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches one of the panel's events: bubbling, crossing shadow boundaries.
 * Returns false when a listener called `preventDefault()` on a cancelable event.
 */
export function emit<K extends keyof AccountDeletePanelEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/**
 * The panel's events that only tell (checked, error, reauth-required): sent at once on the page. Off
 * it, where no listener up the tree would hear them, they are held, and sent once the panel is back,
 * as if it had never left (as the flow holds `account-deleted`).
 */
export class HeldEvents {
  readonly #held: (() => void)[] = [];

  /** `onPage`: whether the panel is on a page now (connected, in a document with a window). */
  constructor(
    private readonly host: HTMLElement,
    private readonly onPage: () => boolean,
  ) {}

  emit<K extends 'account-delete-checked' | 'account-delete-error' | 'account-delete-reauth-required'>(type: K, detail: DetailOf<K>): void {
    const send = () => void emit(this.host, type, detail);
    // Behind what is still held, to keep the order.
    if (this.onPage() && this.#held.length === 0) send();
    else this.#held.push(send);
  }

  /** Back on the page: what was held is sent, in order, for as long as the panel stays there. */
  back(): void {
    while (this.#held.length > 0 && this.onPage()) this.#held.shift()?.();
  }
}
