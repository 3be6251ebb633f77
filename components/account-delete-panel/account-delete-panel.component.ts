import { LitElement, type PropertyValues, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { DEFAULT_API_BASE, type AccountDeletionClient, type Preconditions } from '../../src/index.js';
import { hostLinks } from './links.js';
import { createDeletionFlow, type DeletionFlow, type Snapshot, type Strings } from '../../src/flow/index.js';
import { styles } from './account-delete-panel.styles.js';
import { emit, HeldEvents } from './events.js';
import { HostWords, nearestLang } from './words.js';
import { OwnClients } from './own-client.js';
import { panel, rehearse, type Handlers } from './templates.js';
import { KeepHeight } from './keep-height.js';
import { untilEnded } from './until-ended.js';
import { afterTheRequest } from './after-the-request.js';
import { ignoreAutoRepeat } from './held-keys.js';

/** How often the words that depend on the time are drawn again: the countdown, "Checked 2 minutes ago". */
const [COUNTDOWN_TICK, CHECKED_TICK] = [1_000, 30_000];

/** A host for the check's task that draws nothing (the flow's snapshot draws the panel); a task calls only these two. */
const QUIET = { addController() {}, requestUpdate() {} } as Partial<ReactiveControllerHost> as ReactiveControllerHost;

/**
 * The self-service account deletion flow as one element: the checks that block deletion, a typed
 * confirmation, the deletion itself and the redirect. A view of `account-deletion-kit/flow`: the flow
 * decides every rule, the element shows its snapshot and turns its notifications into DOM events. It
 * fails closed: Delete is usable only after a check it could read said that nothing blocks, and the
 * user typed the account name.
 *
 * @summary Shows what blocks deleting the account, then deletes it when nothing does.
 *
 * @fires {CustomEvent<AccountDeleteCheckedDetail>} account-delete-checked - Each time the checks were read. Detail: `{ preconditions }`.
 * @fires {CustomEvent<AccountDeleteRequestDetail>} account-delete-request - Cancelable. Before the DELETE is sent; `preventDefault()` stops it. Detail: `{ account }`.
 * @fires {CustomEvent<AccountDeletedDetail>} account-deleted - Cancelable. After success; `preventDefault()` stops the redirect. Detail: `{ account, redirectUrl }`.
 * @fires {CustomEvent<AccountDeleteErrorDetail>} account-delete-error - A check or the deletion failed, or the redirect URL was refused. Detail: `{ error }`.
 * @fires {CustomEvent<AccountDeleteReauthRequiredDetail>} account-delete-reauth-required - The server asked for a fresh sign-in; sign in, then call `retry()`. Detail: `{ account }`.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The "Delete account" heading.
 * @csspart status - The polite live region: checking, summary, deleting, success.
 * @csspart checks - The list of checks.
 * @csspart check - One check; also `check-passed` or `check-blocking`.
 * @csspart check-passed - A check that passed.
 * @csspart check-blocking - A check that blocks deletion.
 * @csspart resolve-link - The link to where a check is resolved.
 * @csspart recheck-button - The "Check again" button.
 * @csspart consequences - What deletion means for the user.
 * @csspart error - The alert with an error and a way forward.
 * @csspart form - The confirmation and the Delete button.
 * @csspart confirm-input - The textbox for the account name.
 * @csspart delete-button - The destructive button.
 * @csspart reason - Why the delete button cannot be used yet.
 * @csspart success - The success message.
 * @csspart go-now-link - The link to leave at once after deletion.
 * @csspart support-link - "contact support", linked to `support-url`.
 * @csspart feedback-link - After deletion, the link to `feedback-url`.
 * @csspart signup-link - After deletion, the link to `signup-url`.
 * @csspart stay-button - "Stay on this page": stops the redirect after deletion.
 *
 * @cssprop [--account-delete-panel-color-scheme=light dark] - `light`, `dark`, or both to follow the user's preference.
 * @cssprop [--account-delete-panel-font=inherit] - The font shorthand.
 * @cssprop [--account-delete-panel-bg=light-dark(#ffffff, #17191d)] - Background.
 * @cssprop [--account-delete-panel-fg=light-dark(#1c1e21, #eceef1)] - Text.
 * @cssprop [--account-delete-panel-muted=light-dark(#55595f, #a9aeb6)] - Secondary text.
 * @cssprop [--account-delete-panel-border=light-dark(#d5d8dc, #3a3e45)] - Borders.
 * @cssprop [--account-delete-panel-surface=light-dark(#f5f6f7, #202328)] - Background of checks.
 * @cssprop [--account-delete-panel-accent=light-dark(#0a58ca, #7fb0ff)] - Links, focus rings, secondary buttons.
 * @cssprop [--account-delete-panel-danger=light-dark(#b42318, #f97066)] - The Delete button and errors.
 * @cssprop [--account-delete-panel-danger-fg=light-dark(#ffffff, #1b0b09)] - Text on the Delete button.
 * @cssprop [--account-delete-panel-success=light-dark(#067647, #47cd89)] - Resolved checks and success.
 * @cssprop [--account-delete-panel-warning=light-dark(#b54708, #fdb022)] - Blocking checks.
 * @cssprop [--account-delete-panel-radius=8px] - Corner radius.
 * @cssprop [--account-delete-panel-spacing=1rem] - The base spacing.
 * @cssprop [--account-delete-panel-checks-min-height=8.5rem] - Height kept for the checks while they load.
 */
export class AccountDeletePanel extends LitElement {
  /** The panel's own styles, in its shadow root: theme it with the custom properties and parts above. */
  static override styles = styles;
  /** The attributes and properties, as Lit reads them (written out, so that the manifest sees them; documented on the fields). */
  static override properties = {
    apiBase: { attribute: 'api-base' }, redirectUrl: { attribute: 'redirect-url' }, redirectDelay: { attribute: 'redirect-delay', type: Number },
    confirmation: {}, lang: { reflect: true }, client: { attribute: false }, strings: { attribute: false },
    supportUrl: { attribute: 'support-url' }, feedbackUrl: { attribute: 'feedback-url' }, signupUrl: { attribute: 'signup-url' },
  };

  /**
   * The GET of a check, run for the flow: its argument is the client, and a new run aborts the last.
   * The flow's snapshot draws the panel, so the task asks for no render of its own (one less per answer).
   */
  readonly #check = new Task<[AccountDeletionClient], Preconditions>(QUIET, {
    autoRun: false,
    task: ([client], { signal }) => client.getPreconditions({ signal }),
  });

  /** Base URL of the API. Requests go with the session cookie. Ignored when `client` is set. */
  apiBase: string | null = DEFAULT_API_BASE;
  /**
   * Where the browser goes after deletion. Only `http:`/`https:` URLs and same-origin paths are
   * followed; anything else is refused with an `account-delete-error` event, and the panel stays.
   */
  redirectUrl: string | null = 'https://www.azion.com/';
  /** Milliseconds the success message stays before the redirect; `0` goes at once. */
  redirectDelay: number | null = 3000;
  /** `account-name` (the default): the user types the account name to confirm. `none`: no typing. */
  confirmation: 'account-name' | 'none' = 'account-name';
  /** The language: `en`, `pt-BR`, `es` once its module is loaded, any locale registered; see `localeFor` for the fallback. Default: the nearest `lang` up the tree. */
  override lang!: string;
  /** An SDK client configured by the host (token, headers, fetch). Wins over `api-base`. */
  client: AccountDeletionClient | undefined;
  /** Replaces any of the words the panel shows, in any language. */
  strings: Partial<Strings> = {};
  /** Where "contact support" links (a ticket page, say). Only http(s) URLs and paths become a link. */
  supportUrl: string | null = null;
  /** Shown after deletion as "Tell us about your experience": http(s), a path, or `mailto:`. */
  feedbackUrl: string | null = null;
  /** Shown after deletion as the way to create a new account: http(s) or a path. */
  signupUrl: string | null = null;

  #flow: DeletionFlow | undefined;
  readonly #ownClients = new OwnClients();
  readonly #words = new HostWords(this, 'account-delete-panel');
  readonly #events = new HeldEvents(this, () => this.isConnected && !!this.ownerDocument.defaultView);
  /** What had focus in the panel when an update began, to notice a render removing it. */
  #focusedBefore: Element | null = null;
  /** The snapshot of the last render, to notice what changed since. */
  #rendered: Snapshot | undefined;
  #clock: { every: number; timer: ReturnType<typeof setInterval> } | undefined;

  constructor() {
    super();
    this.addController(new KeepHeight(this)); // nothing above the form moves while the user reads
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onReturn);
    window.addEventListener('focus', this.#onReturn);
    // On a page: in a document with a window (not document.implementation's). First shown, it checks.
    this.flow.send({ type: this.ownerDocument.defaultView ? 'show' : 'hide' });
    this.#events.back();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onReturn);
    window.removeEventListener('focus', this.#onReturn);
    this.#tick(0);
    // Not disposed: a DELETE that is out finishes, and its outcome waits for the panel to be back.
    this.#flow?.send({ type: 'hide' });
  }

  /**
   * Tells the flow of a new client or setting at once, as the property is set: a click right after
   * `panel.client = other` must already wait for the new client's check.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: Parameters<LitElement['requestUpdate']>[2]): void {
    super.requestUpdate(name, oldValue, options);
    // Lit calls this from its constructor too, before the fields of this class exist.
    if (!(#flow in this)) return;
    const flow = this.#flow;
    if (!flow || name === undefined) return;
    // A client or API base given after the first check (as frameworks do) is the one that decides.
    if (name === 'client' || name === 'apiBase') flow.send({ type: 'client', client: this.#client() });
    if (name === 'confirmation' || name === 'redirectUrl' || name === 'redirectDelay') flow.send({ type: 'configure', settings: this.#settings() });
  }

  /** An answer that came before the first render (a fetch that answers at once) is told with the panel drawn. */
  #drawn(): void {
    if (!this.hasUpdated && this.isConnected) this.performUpdate();
  }

  /** The first render lets the first check's request go first (see after-the-request.ts). */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await afterTheRequest();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.#words.forget();
    this.#focusedBefore = this.shadowRoot?.activeElement ?? null;
  }

  protected override updated(): void {
    const snapshot = this.#flow?.getSnapshot();
    const before = this.#rendered;
    this.#rendered = snapshot;
    const lost = this.#focusedBefore;
    this.#focusedBefore = null;
    this.#tick(snapshot?.actions.stay ? COUNTDOWN_TICK : snapshot?.preconditions?.checkedAt ? CHECKED_TICK : 0);
    if (!snapshot || snapshot === before) return;
    // A 409 that shows what blocks: the checks are the way forward, and the focus goes there.
    if (snapshot.reason === 'blocked' && snapshot.failure?.outcome === 'conflict' && before?.status === 'deleting') this.#focus('#checks');
    // A render that removed the focused control (the link of a check that has passed, the form after
    // success) would drop focus to the page: it goes to the control that carries on instead.
    if (!lost || lost.isConnected || this.shadowRoot?.activeElement) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this) return;
    this.#focus(snapshot.status === 'deleted' ? '.success' : snapshot.status === 'checking' ? '[part="recheck-button"]' : '[part="delete-button"]');
  }

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * The panel's flow (`account-deletion-kit/flow`), made on first use with the panel's settings: read
   * its snapshot or subscribe to it, as the window does. What it decides is what the panel shows; its
   * notifications become the panel's DOM events.
   */
  get flow(): DeletionFlow {
    if (this.#flow) return this.#flow;
    const flow = createDeletionFlow({
      client: this.#client(),
      ...this.#settings(),
      read: (client, signal) => {
        this.#events.checking();
        signal.addEventListener('abort', () => this.#check.abort(signal.reason), { once: true });
        void this.#check.run([client]);
        return this.#check.taskComplete;
      },
      // Never while off the page: the flow holds the redirect until the panel is back.
      navigate: (url) => this.ownerDocument.defaultView?.location.assign(url),
    });
    flow.subscribe(() => this.requestUpdate());
    flow.on('checked', (detail) => (this.#drawn(), this.#events.emit('account-delete-checked', detail)));
    flow.on('error', (detail) => (this.#drawn(), this.#events.emit('account-delete-error', detail)));
    flow.on('reauth-required', (detail) => this.#events.emit('account-delete-reauth-required', detail));
    flow.on('request', (detail) => {
      if (!emit(this, 'account-delete-request', { account: detail.account }, true)) detail.preventDefault();
      else this.#events.deleting();
    });
    flow.on('deleted', (detail) => {
      if (!emit(this, 'account-deleted', { account: detail.account, redirectUrl: detail.redirectUrl }, true)) detail.preventDefault();
      // The message exists only after the next render: without asking for one first, updateComplete
      // may already be resolved and the focus would go nowhere.
      this.requestUpdate();
      void this.updateComplete.then(() => this.#focus('.success'));
    });
    this.#flow = flow;
    return flow;
  }

  /** Draws the panel again every `every` ms while words on show depend on the time; 0 stops. */
  #tick(every: number): void {
    if (this.#clock?.every === every) return;
    if (this.#clock) clearInterval(this.#clock.timer);
    this.#clock = every > 0 && this.isConnected ? { every, timer: setInterval(() => this.requestUpdate(), every) } : undefined;
  }

  #settings() {
    return { confirmation: this.confirmation, redirectUrl: this.redirectUrl, redirectDelay: this.redirectDelay };
  }

  #client(): AccountDeletionClient {
    if (this.client) return this.client;
    return this.#ownClients.for(this.apiBase ?? DEFAULT_API_BASE);
  }

  get #lang(): string { return this.lang || nearestLang(this); }

  readonly #onReturn = (): void => {
    if (document.visibilityState !== 'hidden') this.#flow?.send({ type: 'return' });
  };

  readonly #handlers: Handlers = {
    keydown: ignoreAutoRepeat,
    input: (event) => this.#flow?.send({ type: 'confirm', value: (event.target as HTMLInputElement).value }),
    submit: (event) => {
      event.preventDefault();
      // The button does what the flow offers now: a new deletion, the repeat of one, or nothing.
      const action = this.#flow?.getSnapshot().actions.delete;
      if (action) this.#flow?.send({ type: action });
    },
    checkAgain: () => {
      if (this.#flow?.getSnapshot().actions.check) this.#flow.send({ type: 'check' });
    },
    stay: () => this.#flow?.send({ type: 'stay' }),
  };

  /** Reads the checks again (a running check answers instead). Resolves once it is read. Does nothing while deleting or after deletion. */
  refresh(): Promise<void> {
    return untilEnded(this.flow, { type: 'check' });
  }

  /**
   * Repeats the step that failed last: the check; the deletion with the same idempotency key when its
   * outcome is unknown; after a fresh sign-in or a wait, the deletion anew. Does nothing if nothing
   * failed. Resolves once what it started has ended.
   */
  retry(): Promise<void> {
    return untilEnded(this.flow, { type: 'retry' });
  }

  override render(): TemplateResult {
    const view = { s: this.#words.of(this.#lang, this.strings), on: this.#handlers, locale: this.#words.locale, k: this.#words.kit, lang: this.#words.langOf, links: hostLinks(this), now: Date.now() };
    const snapshot = this.flow.getSnapshot();
    // While the first check is out, and only as long as nothing has changed since.
    if (!this.hasUpdated && snapshot.status === 'checking') rehearse(snapshot, view, () => this.isConnected && this.flow.getSnapshot() === snapshot);
    return panel(snapshot, view);
  }
}
