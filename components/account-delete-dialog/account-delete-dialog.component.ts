import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_API_BASE, type AccountDeletionClient } from '../../src/index.js';
import type { Strings } from '../../src/flow/index.js';
import { AccountDeletePanel } from '../account-delete-panel/account-delete-panel.component.js';
import { afterTheRequest } from '../account-delete-panel/after-the-request.js';
import { ignoreAutoRepeat } from '../account-delete-panel/held-keys.js';
import { HostWords, nearestLang } from '../account-delete-panel/words.js';
import { styles } from './account-delete-dialog.styles.js';

/** The panel's parts, offered through the window as they are. */
const PANEL_PARTS = [
  'base', 'heading', 'status', 'checks', 'check', 'check-passed', 'check-blocking', 'resolve-link', 'recheck-button', 'consequences',
  'error', 'form', 'confirm-input', 'delete-button', 'reason', 'success', 'go-now-link', 'stay-button', 'support-link', 'feedback-link', 'signup-link',
];

/**
 * The panel's settings the window passes on, by property name: every one the panel declares (the
 * contract), read from its own static properties, so none can be left out. `lang` among them: the
 * panel draws again only when its own properties change, so the window's new lang, or its lang
 * removed (back to the nearest one up the tree), reaches the panel only as the panel's own.
 */
const PASSED = Object.keys(AccountDeletePanel.properties) as (keyof AccountDeletePanel & keyof AccountDeleteDialog)[];

/**
 * The account page's **Delete account** button and the window it opens: a native modal `<dialog>` with
 * the whole deletion flow inside (an `<account-delete-panel>`). Nothing is asked before the window
 * opens; each opening reads the checks. Esc and Close close it and give the focus back to the button,
 * except while the DELETE is out and, after deletion, until the redirect: then it stays and says why.
 *
 * @summary A Delete account button that opens the deletion flow in a modal window.
 *
 * @fires {CustomEvent<AccountDeleteDialogCloseDetail>} account-delete-dialog-close - Each time the window closes. Detail: `{}`.
 * @fires {CustomEvent<AccountDeleteCheckedDetail>} account-delete-checked - From the panel inside: each time the checks were read.
 * @fires {CustomEvent<AccountDeleteRequestDetail>} account-delete-request - From the panel inside: cancelable, before the DELETE is sent.
 * @fires {CustomEvent<AccountDeletedDetail>} account-deleted - From the panel inside: cancelable, after success.
 * @fires {CustomEvent<AccountDeleteErrorDetail>} account-delete-error - From the panel inside: a check or the deletion failed.
 * @fires {CustomEvent<AccountDeleteReauthRequiredDetail>} account-delete-reauth-required - From the panel inside: sign in again, then call `retry()`.
 *
 * @csspart trigger - The Delete account button that opens the window.
 * @csspart dialog - The window (the native `<dialog>`).
 * @csspart close-button - The window's Close button.
 * @csspart close-reason - Why the window cannot close now.
 *
 * @cssprop [--account-delete-dialog-width=40rem] - The window's greatest width.
 */
export class AccountDeleteDialog extends LitElement {
  static override styles = styles;
  /** The panel's attributes and properties (written out, so that the manifest sees them), and `open`. */
  static override properties = {
    open: { type: Boolean, reflect: true },
    apiBase: { attribute: 'api-base' }, redirectUrl: { attribute: 'redirect-url' }, redirectDelay: { attribute: 'redirect-delay', type: Number },
    confirmation: {}, lang: { reflect: true }, client: { attribute: false }, strings: { attribute: false },
    supportUrl: { attribute: 'support-url' }, feedbackUrl: { attribute: 'feedback-url' }, signupUrl: { attribute: 'signup-url' },
  };

  /** Whether the window is open. Setting it opens or closes it (closing obeys the same rules as Close). */
  open = false;

  /** Passed to the panel: base URL of the API. */
  apiBase: string | null = DEFAULT_API_BASE;
  /** Passed to the panel: where the browser goes after deletion. */
  redirectUrl: string | null = 'https://www.azion.com/';
  /** Passed to the panel: milliseconds the success message stays before the redirect. */
  redirectDelay: number | null = 3000;
  /** Passed to the panel: `account-name` (type the name to confirm) or `none`. */
  confirmation: 'account-name' | 'none' = 'account-name';
  /** The language of the button, the window and the panel. Default: the nearest `lang` up the tree. */
  override lang!: string;
  /** Passed to the panel: an SDK client configured by the host. Wins over `api-base`. */
  client: AccountDeletionClient | undefined;
  /** Passed to the panel: words that replace the kit's; the button and Close use them too. */
  strings: Partial<Strings> = {};
  /** Passed to the panel: where "contact support" links. */
  supportUrl: string | null = null;
  /** Passed to the panel: shown after deletion as "Tell us about your experience". */
  feedbackUrl: string | null = null;
  /** Passed to the panel: shown after deletion as the way to create a new account. */
  signupUrl: string | null = null;

  private get dialog(): HTMLDialogElement | null { return this.renderRoot?.querySelector('dialog') ?? null; }
  private get trigger(): HTMLButtonElement | null { return this.renderRoot?.querySelector('[part="trigger"]') ?? null; }

  /** Made on first opening and kept: its flow (a typed name, a deletion of unknown outcome) survives a close. */
  #panel: AccountDeletePanel | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The close state of the last render (see `#closeState`). */
  #drawn = '';
  /** Why it stays, as in its live region: dropped at each refused close, so that a new node tells it again. */
  #said: Text | undefined;
  readonly #words = new HostWords(this, 'account-delete-dialog');
  /** Settles once the window opened last is on screen: `updateComplete` waits for it. */
  #shown: Promise<void> = Promise.resolve();
  /** Closed by the window itself because it could not show (off the page): a close not told. */
  #unseen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back (a framework moving it): drawn again, in the language of where it is now, and while open
    // from the flow as it is now.
    this.requestUpdate();
    if (!this.open) return;
    // Modal again: the browser leaves a <dialog> taken off the page open, but no longer modal.
    const dialog = this.dialog;
    if (dialog?.open && !dialog.matches(':modal')) {
      dialog.close();
      dialog.showModal();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.#words.forget();
    // Closed through the property or the attribute: the same rule as Close. It stays open, and says why.
    if (changed.has('open') && !this.open && !this.#mayClose) {
      this.open = true;
      this.#said = undefined;
    }
    // Opened by the attribute or the property as much as by show(): the panel is made then, on the page.
    if (this.open && !this.#unsubscribe && this.isConnected) {
      const flow = this.#panelOf().flow;
      // Drawn again only when what it shows changes: whether it may close, and why not.
      this.#unsubscribe = flow.subscribe(() => this.#drawn !== this.#closeState && this.requestUpdate());
    }
    const panel = this.#panel;
    if (!panel) return;
    for (const name of PASSED) if (changed.has(name)) (panel as unknown as Record<string, unknown>)[name] = this[name];
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#shown;
    // Showing may have asked for an update of its own (closed, taken off the page): that one too.
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      // Opened off the page: nothing asked or shown; closed again untold, its button opens it once back.
      if (!this.isConnected) {
        this.#unseen = true;
        this.open = false;
        return;
      }
      this.#unseen = false;
      // Each opening reads the checks: one GET, joined by the panel's own check if it starts one.
      void this.#panel?.refresh();
      // Shown once that GET is handed to fetch (showing lays the page out, which would hold it back) and
      // the panel on the page is drawn: the focus goes to Close as it shows, and a window still empty
      // would scroll to Close and stay at its foot. Microtasks only: nothing is painted meanwhile.
      // Taken off the page meanwhile, it never showed: closed, without a word; its button opens it again.
      this.#shown = afterTheRequest().then(() => this.#panel?.isConnected && this.#panel.updateComplete).catch(() => undefined).then(() => {
        if (!this.open || dialog.open) return;
        if (dialog.isConnected) dialog.showModal();
        else {
          this.#unseen = true;
          this.open = false;
        }
      });
    } else if (!this.open && changed.get('open') === true) {
      // Closed by Close, Esc, close() or the property, or by the browser itself: told once either way.
      // Not one that never showed, off the page, which nobody could see.
      if (dialog.open) dialog.close();
      if (!this.#unseen) this.#closed();
      this.#unseen = false;
    }
  }

  /** After the window closed: the focus back on the button, and the close event. */
  #closed(): void {
    this.trigger?.focus();
    this.dispatchEvent(new CustomEvent('account-delete-dialog-close', { detail: {}, bubbles: true, composed: true }));
  }

  /** The panel inside, made on first opening with the window's settings. */
  #panelOf(): AccountDeletePanel {
    if (this.#panel) return this.#panel;
    // The window holds the panel under its own tag: defined here when the page has not yet done so.
    if (!customElements.get('account-delete-panel')) customElements.define('account-delete-panel', AccountDeletePanel);
    const panel = document.createElement('account-delete-panel') as AccountDeletePanel;
    panel.setAttribute('exportparts', PANEL_PARTS.join(', '));
    for (const name of PASSED) (panel as unknown as Record<string, unknown>)[name] = this[name];
    this.#panel = panel;
    return panel;
  }

  /** Whether the flow lets the window close now. Before the first opening there is nothing to keep. */
  get #mayClose(): boolean {
    return this.#panel?.flow.getSnapshot().actions.leave ?? true;
  }

  /** What the window shows of the flow: nothing while it may close, else the status that keeps it open. */
  get #closeState(): string {
    return this.#mayClose ? '' : (this.#panel?.flow.getSnapshot().status ?? '');
  }

  /** Opens the window (and reads the checks). */
  show(): void {
    this.open = true;
  }

  /** Closes the window, unless the DELETE is out or the redirect still to come: then it stays, and says why. */
  close(): void {
    if (!this.#mayClose) {
      this.#said = undefined;
      this.requestUpdate();
      return;
    }
    this.open = false;
  }

  /** The panel's `refresh()`, while the window is open. */
  refresh(): Promise<void> {
    return this.open && this.#panel ? this.#panel.refresh() : Promise.resolve();
  }

  /**
   * The panel's `retry()`. With a failure on show and the window closed (the host signed the user in
   * again meanwhile), the window opens first: the step is repeated where the user sees it, if the flow
   * repeats it. Nothing failed: nothing.
   */
  async retry(): Promise<void> {
    const panel = this.#panel;
    if (!panel) return;
    if (!this.open && panel.flow.getSnapshot().failure) {
      this.show();
      await this.updateComplete;
    }
    return panel.retry();
  }

  readonly #onCancel = (event: Event): void => {
    // Esc: the same rule as Close. Kept from the browser, which would close the window itself.
    event.preventDefault();
    this.close();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    // Enter held on the button that opened it, repeated on Close: one press, not a window that flickers.
    ignoreAutoRepeat(event);
    // Taken here: a second Esc may close a dialog whatever its cancel listener does. Not an IME's, ending a composition.
    if (event.key === 'Escape' && !event.isComposing && event.keyCode !== 229) this.#onCancel(event);
  };

  /** The native close event: only a close the browser made by itself is news here (ours was told already). */
  readonly #onClose = (): void => {
    const dialog = this.dialog;
    // It comes a moment after the window closed: it may have opened again since, or been closed by us.
    if (!dialog || dialog.open || !this.open) return;
    // Closed by the browser while it must stay (a close request it forced): open again, and say why.
    if (!this.#mayClose) {
      dialog.showModal();
      this.close();
      return;
    }
    this.open = false;
  };

  override render(): TemplateResult {
    const s = this.#words.of(this.lang || nearestLang(this), this.strings);
    // The kit's words are marked with their locale's language; a host's own (`strings`), with the page's.
    const lang = this.#words.langOf;
    this.#drawn = this.#closeState;
    const mayClose = this.#drawn === '';
    const why = mayClose ? '' : this.#drawn === 'deleted' ? s.cannotCloseDeleted : s.cannotClose;
    if (this.#said?.data !== why) this.#said = new Text(why);
    // The panel inside reads the page's language from the div around it, not the window's name's: for a host's words in it.
    return html`<button part="trigger" class="trigger" type="button" lang=${lang('deleteButton')} @click=${() => this.show()} @keydown=${ignoreAutoRepeat}>${s.deleteButton}</button>
      <dialog part="dialog" lang=${lang('heading')} aria-label=${s.heading} @cancel=${this.#onCancel} @close=${this.#onClose} @keydown=${this.#onKeydown}>
        <div class="bar">
          <button
            part="close-button"
            class="close"
            type="button"
            lang=${lang('close')}
            aria-disabled=${mayClose ? 'false' : 'true'}
            aria-describedby=${mayClose ? nothing : 'close-reason'}
            @click=${() => this.close()}
          >
            ${s.close}
          </button>
        </div>
        <div lang=${this.#words.page}>${this.#panel && this.open ? this.#panel : nothing}</div>
        <p id="close-reason" part="close-reason" class="close-reason" lang=${lang(this.#drawn === 'deleted' ? 'cannotCloseDeleted' : 'cannotClose')} ?hidden=${mayClose} aria-live="polite">${this.#said}</p>
      </dialog>`;
  }
}
