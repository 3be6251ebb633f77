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
 * it no listener up the tree hears them: those of a DELETE's outcome (with any check that follows it)
 * are held, and sent in order once the panel is back on a page, as if it had never left (as the flow
 * holds `account-deleted`); a check's alone, news of a moment the return checks again, go as they come.
 */
export class HeldEvents {
  readonly #held: (() => void)[] = [];
  /** From a DELETE's request until the next check starts: what is told is that DELETE's outcome. */
  #deleting = false;
  #sending = false;

  /** `onPage`: whether the panel is on a page now (connected, in a document with a window). */
  constructor(
    private readonly host: HTMLElement,
    private readonly onPage: () => boolean,
  ) {}

  /** A DELETE was asked for. */
  deleting(): void {
    this.#deleting = true;
  }

  /** A check started. */
  checking(): void {
    this.#deleting = false;
  }

  emit<K extends 'account-delete-checked' | 'account-delete-error' | 'account-delete-reauth-required'>(type: K, detail: DetailOf<K>): void {
    const send = () => void emit(this.host, type, detail);
    // On the page, behind what is still held, to keep the order; off it, a check's news too once a
    // DELETE's outcome is held (the check the flow starts after a 409 belongs to that outcome).
    if (this.#held.length > 0 || (!this.onPage() && this.#deleting)) this.#held.push(send);
    else send();
  }

  /** Back on the page: what was held is sent, in order, for as long as the panel stays there. */
  back(): void {
    // A listener that moves the panel calls this again: the loop already running goes on in order.
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#held.length > 0 && this.onPage()) this.#held.shift()?.();
    } finally {
      this.#sending = false;
    }
  }
}
