import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import {
  AccountDeletionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  createAccountDeletionClient,
  DEFAULT_API_BASE,
  isResolved,
  newIdempotencyKey,
  safeHttpUrl,
  type Account,
  type AccountDeletionClient,
  type Check,
  type CheckItem,
  type DeleteAccountResult,
  type Preconditions,
} from '../../src/index.js';
import { statusSentence } from '../../src/error-body.js';
import { styles } from './account-delete-panel.styles.js';
import { matchesAccountName } from './confirmation.js';
import { emit } from './events.js';
import { localeFor, stringsFor, withOverrides, type Strings } from './strings/index.js';

/** How many blocking resources a check lists by name before "and N more". */
const NAMES_SHOWN = 5;
/** The shortest time between two checks started by the user coming back to the page. */
const RECHECK_INTERVAL = 5_000;
/** The defaults of `redirect-url` and `redirect-delay`, also when the attribute is removed (Lit then sets null). */
const DEFAULT_REDIRECT = 'https://www.azion.com/';
const DEFAULT_REDIRECT_DELAY = 3_000;

type Step = 'check' | 'delete';
type Blocker = 'deleting' | 'checking' | 'check-failed' | 'blocked' | 'not-deletable' | 'confirm';
type Redirect = { kind: 'scheduled' | 'stayed'; href: string } | { kind: 'host' } | { kind: 'refused' };

function toKitError(error: unknown): AccountDeletionError {
  return error instanceof AccountDeletionError
    ? error
    : new AccountDeletionError('Something unexpected happened.', { cause: error });
}

/**
 * Runs a task's outcome handler once the task has settled. Task calls onComplete and onError while
 * its status is still PENDING, and then overwrites the status: a listener of the events fired there
 * that calls refresh() or retry() would be ignored, or its new run marked settled while in flight.
 * The microtask still runs before the render that the task requests.
 */
function settled(handle: () => void): void {
  queueMicrotask(handle);
}

/**
 * The checks as the panel needs them to decide and to render. The SDK's parser guarantees this shape; a
 * host's own client may hand over anything (no list of checks, a check that is null), and that must
 * fail the check, not unlock Delete or break the render.
 */
function readable(preconditions: Preconditions): Preconditions {
  const value = preconditions as Partial<Record<keyof Preconditions, unknown>> | null | undefined;
  const account = value?.account as Partial<Account> | null | undefined;
  const checks = value?.checks;
  const shaped =
    typeof account?.name === 'string' &&
    Number.isSafeInteger(account.id) &&
    typeof value?.deletable === 'boolean' &&
    Array.isArray(checks) &&
    checks.every(
      (check: Partial<Check> | null) =>
        typeof check?.type === 'string' &&
        typeof check.status === 'string' &&
        Array.isArray(check.items) &&
        check.items.every((item: Partial<CheckItem> | null) => typeof item?.name === 'string') &&
        (check.amount === undefined || (typeof check.amount?.value === 'string' && typeof check.amount.currency === 'string')),
    );
  if (!shaped) throw new InvalidResponseError('The client handed over checks of the wrong shape.');
  return preconditions;
}

/** A 4xx answer says for sure that nothing was deleted; anything else may hide a deletion that happened. */
function isDefinitive(error: AccountDeletionError): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * The self-service account deletion flow as one element: the checks that block deletion, a typed
 * confirmation, the deletion itself and the redirect. It fails closed: the Delete button is usable
 * only after a check it could read said that nothing blocks, and the user typed the account name.
 *
 * @summary Shows what blocks deleting the account, then deletes it when nothing does.
 *
 * @fires account-delete-checked - Each time the checks were read. Detail: `{ preconditions }`.
 * @fires account-delete-request - Cancelable. Before the DELETE is sent; `preventDefault()` stops it. Detail: `{ account }`.
 * @fires account-deleted - Cancelable. After success; `preventDefault()` stops the redirect. Detail: `{ account, redirectUrl }`.
 * @fires account-delete-error - A check or the deletion failed, or the redirect URL was refused. Detail: `{ error }`.
 * @fires account-delete-reauth-required - The server asked for a fresh sign-in; sign in, then call `retry()`. Detail: `{ account }`.
 *
 * @csspart base - The panel's frame.
 * @csspart heading - The "Delete account" heading.
 * @csspart status - The polite live region: checking, summary, deleting, success.
 * @csspart checks - The list of checks.
 * @csspart check - One check; also `check-passed` or `check-blocking`.
 * @csspart resolve-link - The link to where a check is resolved.
 * @csspart recheck-button - The "Check again" button.
 * @csspart consequences - What deletion means for the user.
 * @csspart error - The alert with an error and a way forward.
 * @csspart retry-button - "Try again" in the alert.
 * @csspart form - The confirmation and the Delete button.
 * @csspart confirm-input - The textbox for the account name.
 * @csspart delete-button - The destructive button.
 * @csspart reason - Why the delete button cannot be used yet.
 * @csspart success - The success message.
 * @csspart go-now-link - The link to leave at once after deletion.
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

  readonly #check = new Task<[], Preconditions>(this, {
    autoRun: false,
    task: async (_args, { signal }) => {
      this.#checkedWith = this.#client();
      return readable(await this.#checkedWith.getPreconditions({ signal }));
    },
    onComplete: (preconditions) => settled(() => this.#checked(preconditions)),
    onError: (error) => settled(() => this.#failed('check', error)),
  });

  readonly #deletion = new Task<[AccountDeletionClient, Account, string], DeleteAccountResult>(this, {
    autoRun: false,
    task: ([client, account, idempotencyKey], { signal }) => client.deleteAccount(account.id, { signal, idempotencyKey }),
    onComplete: (result) => settled(() => this.#deleted(result)),
    onError: (error) => settled(() => this.#failed('delete', error)),
  });

  /** Base URL of the API. Requests go with the session cookie. Ignored when `client` is set. */
  @property({ attribute: 'api-base' }) apiBase: string | null = DEFAULT_API_BASE;

  /**
   * Where the browser goes after deletion. Only `http:`/`https:` URLs and same-origin paths are
   * followed; anything else is refused with an `account-delete-error` event, and the panel stays.
   */
  @property({ attribute: 'redirect-url' }) redirectUrl: string | null = 'https://www.azion.com/';

  /** Milliseconds the success message stays before the redirect; `0` goes at once. */
  @property({ attribute: 'redirect-delay', type: Number }) redirectDelay: number | null = 3000;

  /** `account-name` (the default): the user types the account name to confirm. `none`: no typing. */
  @property({ attribute: 'confirmation' }) confirmation: 'account-name' | 'none' = 'account-name';

  /** The language: `en` and `pt-BR` are complete, others fall back to English. Default: the nearest `lang` up the tree. */
  @property({ attribute: 'lang', reflect: true }) override lang!: string;

  /** An SDK client configured by the host (token, headers, fetch). Wins over `api-base`. */
  @property({ attribute: false }) client: AccountDeletionClient | undefined;

  /** Replaces any of the words the panel shows, in any language. */
  @property({ attribute: false }) strings: Partial<Strings> = {};

  @state() private typedName = '';
  @state() private failure: { step: Step; error: AccountDeletionError } | undefined;
  /** The checks a 409 answered with: they block until a new check reads the account again. */
  @state() private conflictChecks: readonly Check[] | undefined;
  @state() private redirect: Redirect | undefined;

  @query('#checks') private checksList!: HTMLElement | null;
  @query('.success') private successMessage!: HTMLElement | null;
  @query('button[part="recheck-button"]') private recheckButton!: HTMLElement | null;
  @query('button[part="delete-button"]') private deleteButton!: HTMLElement | null;

  /** The last checks read: still shown while a new check runs or after it failed, but never trusted then. */
  @state() private lastRead: Preconditions | undefined;

  /** Kept across tries of one deletion whose outcome is unknown, so that the server runs it once. */
  #idempotency: { account: Account; key: string; client: AccountDeletionClient; repeatable: boolean } | undefined;
  /** The step whose failure was told last: `retry()` repeats it (a check may fail while a deletion's unknown outcome stays on show). */
  #lastFailedStep: Step | undefined;
  #checkedWith: AccountDeletionClient | undefined;
  /** True while the request event is being dispatched: a listener must not start a second deletion. */
  #requesting = false;
  #lastCheckStarted = 0;
  #redirectTimer: ReturnType<typeof setTimeout> | undefined;
  /** A deletion that succeeded while the panel was off the page, not yet told (event, focus, redirect). */
  #untold: DeleteAccountResult | undefined;
  #ownClient: { apiBase: string; client: AccountDeletionClient } | undefined;
  /** The `strings` entries already reported as ignored (forgotten when `strings` changes). */
  readonly #warnedStrings = new Set<string>();
  /** What had focus in the panel when an update began, to notice a render removing it. */
  #focusedBefore: Element | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onReturn);
    window.addEventListener('focus', this.#onReturn);
    if (this.#isDeleted) {
      if (this.#untold) this.#deleted(this.#untold);
      else if (this.redirect?.kind === 'scheduled') this.#scheduleRedirect(this.redirect.href);
    } else if (this.#deletion.status !== TaskStatus.PENDING) {
      void this.refresh();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onReturn);
    window.removeEventListener('focus', this.#onReturn);
    clearTimeout(this.#redirectTimer);
    this.#check.abort();
    this.#deletion.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.#warnedStrings.clear();
    this.#focusedBefore = this.shadowRoot?.activeElement ?? null;
    // A client or API base given after the first check (as frameworks do) is the one that decides.
    if (this.#checkedWith && this.#checkedWith !== this.#client()) void this.refresh();
  }

  protected override updated(): void {
    // A render that removed the focused control ("Try again" once pressed, the link of a check that
    // has passed) would drop focus to the page: it goes to the control that carries on instead.
    const lost = this.#focusedBefore;
    this.#focusedBefore = null;
    if (!lost || lost.isConnected || this.shadowRoot?.activeElement) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this) return;
    if (this.#isDeleted) this.successMessage?.focus();
    else if (this.#check.status === TaskStatus.PENDING) this.recheckButton?.focus();
    else this.deleteButton?.focus();
  }

  #client(): AccountDeletionClient {
    if (this.client) return this.client;
    const apiBase = this.apiBase ?? DEFAULT_API_BASE;
    if (this.#ownClient?.apiBase !== apiBase) {
      let client: AccountDeletionClient;
      try {
        client = createAccountDeletionClient({ apiBase });
      } catch (error) {
        // An api-base the SDK refuses (a query in it, say): said on the console, and every request fails.
        const refused = new AccountDeletionError(`The api-base was refused: ${(error as Error).message}`, { cause: error });
        console.error(`<account-delete-panel>: ${refused.message}`);
        const refuse = () => Promise.reject(refused);
        client = { getPreconditions: refuse, deleteAccount: refuse };
      }
      this.#ownClient = { apiBase, client };
    }
    return this.#ownClient.client;
  }

  get #isDeleted(): boolean {
    return this.#deletion.status === TaskStatus.COMPLETE;
  }

  get #isDeleting(): boolean {
    return this.#requesting || this.#deletion.status === TaskStatus.PENDING;
  }

  /** The last checks read, only while they are current (not while a new check runs or after it failed). */
  get #preconditions(): Preconditions | undefined {
    return this.#check.status === TaskStatus.COMPLETE ? this.#check.value : undefined;
  }

  get #lang(): string {
    if (this.lang) return this.lang;
    // The nearest lang up the tree, through the shadow roots the panel may sit in (closest() stops at one).
    let root: Node = this.getRootNode();
    let lang = this.closest('[lang]')?.getAttribute('lang');
    while (!lang && root instanceof ShadowRoot) {
      lang = root.host.closest('[lang]')?.getAttribute('lang');
      root = root.host.getRootNode();
    }
    if (lang) return lang;
    return document.documentElement.lang || 'en';
  }

  get #strings(): Strings {
    const { strings, ignored } = withOverrides(stringsFor(this.#lang), this.strings, (key) => this.#ignoredString([key]));
    this.#ignoredString(ignored);
    return strings;
  }

  /** Says on the console which `strings` entries were ignored: once each, not at every render. */
  #ignoredString(keys: string[]): void {
    const news = keys.filter((key) => !this.#warnedStrings.has(key));
    if (news.length === 0) return;
    for (const key of news) this.#warnedStrings.add(key);
    console.warn(`<account-delete-panel>: strings not of the right kind, ignored: ${news.join(', ')}.`);
  }

  get #needsName(): boolean {
    // Any value but "none" asks for the name: an unexpected value must not skip the confirmation.
    return this.confirmation !== 'none';
  }

  /**
   * What keeps the Delete button from being used now, or undefined when nothing does. Decided from the
   * state alone: the words a host gives in `strings` are for showing, and can never make it usable.
   */
  #blocker(): Blocker | undefined {
    if (this.#isDeleted || this.#isDeleting) return 'deleting';
    const status = this.#check.status;
    if (status === TaskStatus.INITIAL || status === TaskStatus.PENDING) return 'checking';
    const preconditions = this.#preconditions;
    if (status !== TaskStatus.COMPLETE || !preconditions) return 'check-failed';
    // Another client or API base now: its server has not been asked yet (willUpdate starts the check).
    if (this.#checkedWith !== this.#client()) return 'checking';
    if (this.conflictChecks || this.#blockingCount > 0) return 'blocked';
    // Strictly true: a host's own client may hand over anything, and only the SDK's parser is sure.
    if (preconditions.deletable !== true) return 'not-deletable';
    if (this.#needsName && !matchesAccountName(this.typedName, preconditions.account.name)) return 'confirm';
    return undefined;
  }

  /** How many of the checks on show block (the ones of a 409, or the last read). */
  get #blockingCount(): number {
    return (this.conflictChecks ?? this.lastRead?.checks ?? []).filter((check) => !isResolved(check)).length;
  }

  /** The words for what keeps the Delete button from being used. */
  #reason(blocker: Blocker, s: Strings): string {
    if (blocker === 'deleting') return s.reasonDeleting;
    if (blocker === 'checking') return s.reasonChecking;
    if (blocker === 'check-failed') return s.reasonCheckFailed;
    if (blocker === 'blocked') return s.reasonBlocked(Math.max(1, this.#blockingCount));
    if (blocker === 'not-deletable') return s.notDeletable;
    return s.reasonConfirm;
  }

  readonly #onReturn = (): void => {
    if (document.visibilityState === 'hidden') return;
    if (Date.now() - this.#lastCheckStarted < RECHECK_INTERVAL) return;
    void this.refresh();
  };

  #checked(preconditions: Preconditions): void {
    // A 409 that showed nothing to resolve, and fresh checks where nothing blocks either: the refusal
    // stays on show, or the user would be back at "ready" without a word about the deletion.
    const failure = this.failure;
    const unexplained =
      failure?.step === 'delete' && failure.error instanceof ConflictError && !this.conflictChecks && preconditions.deletable === true;
    // A deletion waiting for a fresh sign-in: the host calls retry() once the user signed in, and the
    // check that the return to the page starts must not take that away.
    const waitingForSignIn = failure?.step === 'delete' && failure.error instanceof ReauthenticationRequiredError;
    // Another account now (the session changed): nothing the user typed or saw about the last one
    // may carry over to it, not the confirmation, not a deletion offered again by "Try again".
    if (this.lastRead && this.lastRead.account.id !== preconditions.account.id) {
      this.typedName = '';
      if (this.failure?.step === 'delete') this.failure = undefined;
    }
    this.lastRead = preconditions;
    this.conflictChecks = undefined;
    if (this.#idempotency && this.#idempotency.account.id !== preconditions.account.id) this.#idempotency = undefined;
    // A readable answer that the account still exists and is blocked: sending the DELETE again would be
    // a new deletion, which needs a check that allows it, not the repeat of the last one.
    if (this.#idempotency && !(preconditions.deletable === true && preconditions.checks.every(isResolved))) this.#idempotency.repeatable = false;
    // A refusal the server was sure of is answered by fresh checks; an unknown outcome stays on show.
    const keep = unexplained || waitingForSignIn;
    if (this.failure && !keep && (this.failure.step === 'check' || isDefinitive(this.failure.error))) this.failure = undefined;
    this.#lastFailedStep = this.failure?.step;
    emit(this, 'account-delete-checked', { preconditions });
  }

  #failed(step: Step, thrown: unknown): void {
    const error = toKitError(thrown);
    // A check cut short because the panel left the page is no failure to report.
    if (step === 'check' && error instanceof RequestAbortedError && !this.isConnected) return;
    if (step === 'delete' && isDefinitive(error)) this.#idempotency = undefined;
    // A deletion whose outcome is unknown stays the thing to tell, and to try again: a check failing
    // after it (say with a 401, the deletion having ended the session) must not hide it.
    const unknownDeletion = this.failure?.step === 'delete' && !isDefinitive(this.failure.error);
    if (!(step === 'check' && unknownDeletion)) this.failure = { step, error };
    // A check the server refused for sure (403 not allowed, 404, 409), not for the session (401) or the
    // pace (429): the account is there and may not be deleted, so nothing is repeated.
    if (step === 'check' && this.#idempotency && isDefinitive(error) && !(error instanceof AuthenticationError) && !(error instanceof RateLimitError)) {
      this.#idempotency.repeatable = false;
    }
    this.#lastFailedStep = step;
    // A 409 answers a DELETE: only then does it carry the checks that block now. On the check it is a
    // refusal like any other, and checking again at once would ask the same server again and again.
    if (step === 'delete' && error instanceof ConflictError) {
      // Checks that show what blocks are the way forward; none blocking (or none readable) says
      // nothing the user can act on, so the account is read again instead.
      if (error.checks?.some((check) => !isResolved(check))) {
        this.conflictChecks = error.checks;
        void this.updateComplete.then(() => this.checksList?.focus());
      } else {
        void this.refresh();
      }
    }
    if (error instanceof ReauthenticationRequiredError) {
      emit(this, 'account-delete-reauth-required', { account: this.lastRead?.account });
    }
    emit(this, 'account-delete-error', { error });
  }

  #deleted(result: DeleteAccountResult): void {
    // Taken off the page while the DELETE was out (a fetch that ignores the abort): a host listening
    // on the document would not hear account-deleted, nor get its chance to stop the redirect. The
    // success is told when the panel is back on a page.
    // On a page means in a document with a window: not one made by document.implementation either.
    if (!this.isConnected || !this.ownerDocument.defaultView) {
      this.#untold = result;
      return;
    }
    this.#untold = undefined;
    const account = this.#idempotency?.account ?? this.lastRead?.account;
    this.#idempotency = undefined;
    this.failure = undefined;
    const redirectUrl = this.redirectUrl ?? DEFAULT_REDIRECT;
    // The message exists only after the next render: without asking for one first, updateComplete
    // may already be resolved and the focus would go nowhere.
    this.requestUpdate();
    void this.updateComplete.then(() => this.successMessage?.focus());
    if (!account || account.id !== result.accountId || !emit(this, 'account-deleted', { account, redirectUrl }, true)) {
      this.redirect = { kind: 'host' };
      return;
    }
    const href = safeHttpUrl(redirectUrl);
    if (href === undefined) {
      this.redirect = { kind: 'refused' };
      emit(this, 'account-delete-error', {
        error: new AccountDeletionError('The redirect URL was refused: only http(s) URLs and same-origin paths are followed.'),
      });
      return;
    }
    this.redirect = { kind: 'scheduled', href };
    this.#scheduleRedirect(href);
  }

  #scheduleRedirect(href: string): void {
    clearTimeout(this.#redirectTimer);
    // The window of the page the panel is on (an iframe's, if it was moved into one), not the script's.
    const view = this.ownerDocument.defaultView;
    this.#redirectTimer = setTimeout(() => view?.location.assign(href), this.#redirectDelay);
  }

  get #redirectDelay(): number {
    const delay = this.redirectDelay === null ? DEFAULT_REDIRECT_DELAY : Number(this.redirectDelay);
    return Number.isFinite(delay) ? Math.max(0, delay) : DEFAULT_REDIRECT_DELAY;
  }

  /** Sends the DELETE, if and only if everything allows it now. Every path to a deletion comes here. */
  #requestDeletion(repeat = false): void {
    const target = repeat ? this.#repeatable() : this.#allowed();
    if (!target) return;
    this.#requesting = true;
    let proceed: boolean;
    try {
      proceed = emit(this, 'account-delete-request', { account: target.account }, true);
    } finally {
      this.#requesting = false;
    }
    // A listener may have changed anything (started a check, disconnected the panel): ask again.
    const now = repeat ? this.#repeatable() : this.#allowed();
    if (!proceed || !this.isConnected || !now || now.account.id !== target.account.id) return;
    const { client, account } = now;
    const key = this.#idempotency?.account.id === account.id ? this.#idempotency.key : newIdempotencyKey();
    // Kept with the client it goes to: only that client may repeat it.
    this.#idempotency = { account, key, client, repeatable: true };
    this.failure = undefined;
    // The client whose server read the checks is the one that deletes.
    void this.#deletion.run([client, account, key]);
  }

  /** The account and client of a new deletion, when everything allows one now. */
  #allowed(): { client: AccountDeletionClient; account: Account } | undefined {
    const account = this.#preconditions?.account;
    const client = this.#checkedWith;
    return this.#blocker() === undefined && account && client ? { client, account } : undefined;
  }

  /**
   * The deletion whose outcome is unknown, when "Try again" may repeat it although the check after it
   * failed (a lost answer whose deletion ended the session makes the check fail with a 401): the same
   * request again, with the same account, client and key, which the server answers as it answered the
   * first. A new deletion still needs a check that allows it.
   */
  #repeatable(): { client: AccountDeletionClient; account: Account } | undefined {
    const failure = this.failure;
    const kept = this.#idempotency;
    if (failure?.step !== 'delete' || isDefinitive(failure.error) || !kept?.repeatable) return undefined;
    // The same server as the lost request, and still the panel's: a client or api-base changed since
    // has never been asked.
    if (this.#blocker() !== 'check-failed' || kept.client !== this.#client()) return undefined;
    if (this.#needsName && !matchesAccountName(this.typedName, kept.account.name)) return undefined;
    return { client: kept.client, account: kept.account };
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#requestDeletion();
  };

  readonly #onInput = (event: InputEvent): void => {
    this.typedName = (event.target as HTMLInputElement).value;
  };

  /** The redirect is a time limit on reading the message: the user may stop it and go on when ready. */
  readonly #onStay = (): void => {
    if (this.redirect?.kind !== 'scheduled') return;
    clearTimeout(this.#redirectTimer);
    this.redirect = { kind: 'stayed', href: this.redirect.href };
  };

  readonly #onCheckAgain = (): void => {
    void this.refresh();
  };

  readonly #onRetry = (): void => {
    // The user's press repeats a deletion of unknown outcome that a failed check cannot confirm.
    if (this.#repeatable()) return this.#requestDeletion(true);
    // Shown unusable while a check runs: a press then does nothing (retry() would wait for the check).
    if (this.failure?.step === 'delete' && this.#blocker() !== undefined) return;
    void this.retry();
  };

  /** Runs `next` once the task's outcome handler (queued by settled()) has run. */
  #afterSettled(next: () => Promise<void>): Promise<void> {
    return new Promise((resolve) => settled(() => void next().then(resolve)));
  }

  /** Reads the checks again. Does nothing while deleting or after the account was deleted. */
  refresh(): Promise<void> {
    if (this.#isDeleted || this.#isDeleting) return Promise.resolve();
    this.#lastCheckStarted = Date.now();
    if (this.failure?.step === 'check') this.failure = undefined;
    return this.#check.run([]).then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Repeats the step that failed last: the check, or the deletion (with the same idempotency key when
   * its outcome is unknown). After a 409, or when a check failed last, it reads the checks again. While
   * a check runs it waits for it, and sends the deletion only if that check allows it; when no check
   * allows it, it checks again. Does nothing if nothing failed.
   */
  retry(): Promise<void> {
    const failure = this.failure;
    if (!failure) return Promise.resolve();
    if (failure.step === 'check' || failure.error instanceof ConflictError) return this.refresh();
    // A check is running (the return from a sign-in window starts one): the deletion waits for it, and
    // is sent only if that check allows it.
    if (this.#check.status === TaskStatus.PENDING) {
      return this.#check.taskComplete.then(
        () => this.#afterSettled(() => this.retry()),
        () => this.#afterSettled(() => this.retry()),
      );
    }
    // A check failed last (even while a deletion's unknown outcome stays on show), or the deletion
    // needs a check that allows it: check again. Only a press of "Try again" repeats a deletion of
    // unknown outcome without one.
    if (this.#lastFailedStep === 'check' || !this.#allowed()) return this.refresh();
    this.#requestDeletion();
    return this.#deletion.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  #checkTitle(check: Check, s: Strings): string {
    if (check.type === 'dns_zones') return s.dnsZones;
    if (check.type === 'edge_applications') return s.edgeApplications;
    if (check.type === 'debts') return s.debts;
    return check.title ?? check.type;
  }

  #checkSentence(check: Check, s: Strings): string {
    if (isResolved(check)) {
      return ['dns_zones', 'edge_applications', 'debts'].includes(check.type) ? s.resolved : (check.message ?? s.resolved);
    }
    // A count of 0 on a check that still blocks says nothing countable: fall back to the server's words.
    if (check.type === 'dns_zones' && check.count > 0) return s.dnsZonesBlocking(check.count);
    if (check.type === 'edge_applications' && check.count > 0) return s.edgeApplicationsBlocking(check.count);
    if (check.type === 'debts') return check.amount ? s.debtsBlocking(s.amount(check.amount.value, check.amount.currency)) : s.debtsBlockingNoAmount;
    return check.message ?? s.unknownBlocking;
  }

  /** The first blocking resources by name, and how many more there are; undefined when none are named. */
  #blockingNames(check: Check): { shown: string[]; more: number } | undefined {
    if (isResolved(check) || check.items.length === 0) return undefined;
    const shown = check.items.slice(0, NAMES_SHOWN).map((item) => item.name);
    return { shown, more: Math.max(check.count, check.items.length) - shown.length };
  }

  #checkNames(check: Check, s: Strings): string {
    const names = this.#blockingNames(check);
    if (!names) return '';
    return ` (${names.shown.join(s.listSeparator)}${names.more > 0 ? ` ${s.andMore(names.more)}` : ''})`;
  }

  /** The names as #checkNames words them, each in its own isolate: one name's bidi controls cannot reorder the next. */
  #renderCheckNames(check: Check, s: Strings): TemplateResult | typeof nothing {
    const names = this.#blockingNames(check);
    if (!names) return nothing;
    const more = names.more > 0 ? ` ${s.andMore(names.more)}` : '';
    return html` (${names.shown.map((name, i) => html`${i > 0 ? s.listSeparator : ''}<bdi>${name}</bdi>`)}${more})`;
  }

  /** The hint with the account name in its own isolate, when the words put the name in one place. */
  #renderConfirmHint(name: string, s: Strings): TemplateResult {
    const marker = '\u0000';
    const parts = s.confirmHint(marker).split(marker);
    if (parts.length !== 2) return html`<bdi>${s.confirmHint(name)}</bdi>`;
    return html`${parts[0]}<bdi>${name}</bdi>${parts[1]}`;
  }

  #renderCheck(check: Check, s: Strings): TemplateResult {
    const passed = isResolved(check);
    const title = this.#checkTitle(check, s);
    const sentence = this.#checkSentence(check, s);
    const names = this.#checkNames(check, s);
    return html`<li
      part="check ${passed ? 'check-passed' : 'check-blocking'}"
      class=${passed ? 'passed' : 'blocking'}
      aria-label=${`${title}: ${sentence}${names}`}
    >
      <span class="icon" aria-hidden="true">${passed ? '✓' : '!'}</span>
      <span class="check-text"><strong><bdi>${title}</bdi>:</strong> <bdi>${sentence}</bdi>${this.#renderCheckNames(check, s)}</span>
      ${!passed && check.resolveUrl
        ? html`<a part="resolve-link" href=${check.resolveUrl} target="_blank" rel="noopener" aria-label=${s.resolveLabel(title)}
            >${s.resolve}</a
          >`
        : nothing}
    </li>`;
  }

  #renderChecks(s: Strings): TemplateResult {
    const checks = this.conflictChecks ?? this.lastRead?.checks;
    const list = checks
      ? html`<ul id="checks" class="checks" part="checks" aria-label=${s.checksLabel} tabindex="-1">
          ${checks.map((check) => this.#renderCheck(check, s))}
        </ul>`
      : this.#check.status === TaskStatus.ERROR
        ? nothing
        : html`<ul class="checks placeholder" aria-hidden="true">
            ${[0, 1, 2].map(() => html`<li><span></span><span class="bar"></span></li>`)}
          </ul>`;
    return html`<div class="checks-region">
      ${list}
      <div>
        <button
          part="recheck-button"
          class="secondary"
          type="button"
          aria-disabled=${this.#isDeleting ? 'true' : 'false'}
          aria-describedby=${this.#isDeleting ? 'delete-reason' : nothing}
          @click=${this.#onCheckAgain}
        >
          ${s.checkAgain}
        </button>
      </div>
    </div>`;
  }

  #renderStatus(s: Strings): TemplateResult | string {
    if (this.#isDeleted) {
      const redirect = this.redirect;
      const seconds = Math.ceil(this.#redirectDelay / 1000);
      // It takes the focus, inside the live region that announces it: named by its first sentence, so
      // that the focus reads that sentence and the region the whole message, not the whole message twice.
      return html`<div part="success" class="success" tabindex="-1" role="group" aria-labelledby="deleted">
        <p><strong id="deleted">${s.deleted}</strong></p>
        <p>${s.emailOnItsWay}</p>
        <p class="muted">${s.auditNote}</p>
        ${redirect?.kind === 'scheduled'
          ? html`<p>${s.redirecting(seconds)} <a part="go-now-link" href=${redirect.href}>${s.goNow}</a></p>
              <p><button part="stay-button" class="secondary" type="button" @click=${this.#onStay}>${s.stayHere}</button></p>`
          : nothing}
        ${redirect?.kind === 'stayed' ? html`<p>${s.stayed} <a part="go-now-link" href=${redirect.href}>${s.goNow}</a></p>` : nothing}
        ${redirect?.kind === 'refused' ? html`<p>${s.redirectRefused}</p>` : nothing}
      </div>`;
    }
    if (this.#isDeleting) return s.deleting;
    const status = this.#check.status;
    // Every check is announced, the first and each one after: then its outcome is too, even unchanged.
    if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) return s.checking;
    const value = this.lastRead;
    if (status === TaskStatus.ERROR || !value) return '';
    const blocking = this.#blockingCount;
    if (blocking > 0 || this.conflictChecks) return s.blockedSummary(Math.max(1, blocking));
    return value.deletable === true ? s.readySummary : s.notDeletable;
  }

  #errorSentence(failure: { step: Step; error: AccountDeletionError }, s: Strings): TemplateResult | string {
    const { step, error } = failure;
    const deleting = step === 'delete';
    if (deleting && error instanceof ConflictError) {
      if (this.conflictChecks) return s.errorConflict;
      return this.#check.status === TaskStatus.PENDING ? s.errorConflictChecking : s.errorConflictUnexplained;
    }
    if (error instanceof ReauthenticationRequiredError) return s.errorReauth;
    if (error instanceof AuthenticationError) return s.errorSignedOut;
    if (error instanceof RateLimitError) return s.errorRateLimited(error.retryAfter);
    if (error instanceof ServerError) return deleting ? s.errorServerDelete(error.status) : s.errorServerCheck(error.status);
    // No sentence of the server's: the SDK's stand-in is English, the panel's own words are not.
    if (error instanceof ApiError && error.detail === statusSentence(error.status)) return `${s.errorRefused(error.status)} ${s.errorServerSaidNext}`;
    // The server's sentence in its own isolate: its bidi controls cannot reorder the panel's words after it.
    if (error instanceof ApiError) return html`<bdi>${error.detail}</bdi> ${s.errorServerSaidNext}`;
    if (error instanceof ConnectionError) return deleting ? s.errorConnectionDelete : s.errorConnectionCheck;
    if (error instanceof RequestTimeoutError) return deleting ? s.errorTimeoutDelete : s.errorTimeoutCheck;
    if (error instanceof InvalidResponseError) return deleting ? s.errorUnreadableDelete : s.errorUnreadableCheck;
    if (error instanceof RequestAbortedError) return deleting ? s.errorInterruptedDelete : s.errorConnectionCheck;
    return s.errorUnexpected;
  }

  #renderFailure(s: Strings): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure || this.#isDeleting || this.#isDeleted) return nothing;
    const requestId = failure.error instanceof ApiError ? failure.error.requestId : undefined;
    // After a 409 the way forward is the checks; a deletion is offered again only when it is allowed.
    // While a check runs (the return to the page starts one) it stays, unusable: the focus stays on it,
    // and the alert is not read again when it comes back.
    const blocker = this.#blocker();
    // A plain 401 is answered by signing in and checking again (its sentence says so), not by Try again.
    const signedOut = failure.error instanceof AuthenticationError && !(failure.error instanceof ReauthenticationRequiredError);
    const repeatable = this.#repeatable() !== undefined;
    const canRetry =
      failure.step === 'check' ||
      (!(failure.error instanceof ConflictError) && !signedOut && (blocker === undefined || blocker === 'checking' || repeatable));
    const unusable = failure.step === 'delete' && blocker !== undefined && !repeatable;
    return html`<p>${this.#errorSentence(failure, s)}</p>
      ${requestId ? html`<p class="muted">${s.reference(requestId)}</p>` : nothing}
      ${canRetry
        ? html`<button
            part="retry-button"
            class="secondary"
            type="button"
            aria-disabled=${unusable ? 'true' : 'false'}
            aria-describedby=${unusable ? 'delete-reason' : nothing}
            @click=${this.#onRetry}
          >
            ${s.tryAgain}
          </button>`
        : nothing}`;
  }

  #renderForm(s: Strings): TemplateResult {
    const account = this.lastRead?.account;
    const blocker = this.#blocker();
    const deleting = this.#isDeleting;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${this.#needsName
        ? html`<label for="confirm">${s.confirmLabel}</label>
            <p id="confirm-hint" class="muted hint">${account ? this.#renderConfirmHint(account.name, s) : ''}</p>
            <input
              id="confirm"
              part="confirm-input"
              type="text"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              aria-describedby=${account ? 'confirm-hint' : nothing}
              ?readonly=${deleting}
              .value=${live(this.typedName)}
              @input=${this.#onInput}
            />`
        : nothing}
      <button
        part="delete-button"
        class="danger"
        type="submit"
        aria-disabled=${blocker === undefined ? 'false' : 'true'}
        aria-describedby=${blocker === undefined ? nothing : 'delete-reason'}
      >
        ${deleting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.deleteButton}
      </button>
      <p id="delete-reason" part="reason" class="reason" ?hidden=${blocker === undefined}>
        ${blocker === undefined ? '' : this.#reason(blocker, s)}
      </p>
    </form>`;
  }

  override render(): TemplateResult {
    const s = this.#strings;
    const deleted = this.#isDeleted;
    return html`<section part="base" class="panel" aria-labelledby="heading" lang=${localeFor(this.#lang)}>
      <h2 id="heading" part="heading">${s.heading}</h2>
      ${deleted ? nothing : html`<p class="muted">${s.intro}</p>`}
      <div part="status" class="status" role="status" aria-live="polite">${this.#renderStatus(s)}</div>
      ${deleted
        ? nothing
        : html`${this.#renderChecks(s)}
            <div part="consequences">
              <h3>${s.consequencesHeading}</h3>
              <ul class="consequences">
                ${s.consequences.map((line) => html`<li>${line}</li>`)}
              </ul>
            </div>
            <div part="error" class="error" role="alert">${this.#renderFailure(s)}</div>
            ${this.#renderForm(s)}`}
    </section>`;
  }
}
