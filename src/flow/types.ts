/**
 * The deletion flow's types: its states (one member per `status`, each holding the data that matters
 * in it), the events it takes, the effects it asks its runner to carry out, and the snapshot a view
 * reads. Plain data: no DOM, no Lit, no I/O.
 */
import type { Account, AccountDeletionClient, AccountDeletionError, DeleteAccountResult, Preconditions } from '../index.js';

/** Exactly one of these at any time. */
export type Status = 'checking' | 'blocked' | 'ready' | 'check-failed' | 'deleting' | 'delete-failed' | 'deleted';

/**
 * What a failure means for the user:
 * - `refused`: the server said no for sure (403, 404, another 4xx);
 * - `unknown`: the DELETE may or may not have happened (a 5xx, a network error, a timeout, an
 *   answer that could not be read);
 * - `conflict`: 409, something blocks now (new checks are shown);
 * - `reauth`: sign in again, then retry;
 * - `signed-out`: the session is over (401);
 * - `unavailable`: a check could not be made now (5xx, 429, network, timeout, unreadable), or a DELETE
 *   was answered 429 (not carried out).
 */
export type Outcome = 'refused' | 'unknown' | 'conflict' | 'reauth' | 'signed-out' | 'unavailable';

export interface Failure {
  step: 'check' | 'delete';
  error: AccountDeletionError;
  outcome: Outcome;
  /**
   * True when a 401 (`signed-out`, or `reauth`: a fresh sign-in asked) answered while a DELETE of
   * unknown outcome through the same client stands (its repeat, or a check after that): a deletion
   * ends the account's sessions, so the account may be gone. True too when a 409 that settles nothing
   * (no code of the API's, nothing blocking) answered the repeat of such a DELETE, and on any check
   * that failed while a DELETE of unknown outcome through another client is carried. Absent otherwise.
   */
  mayBeDeleted?: true;
}

/** `account-name`: the user types the account name to confirm; `none`: no typing. */
export type Confirmation = 'account-name' | 'none';

/** A DELETE as it was sent: what a repeat of it must send again. */
export interface Attempt {
  account: Account;
  client: AccountDeletionClient;
  key: string;
}

/** A DELETE whose outcome is unknown, with the failure that left it so. */
export interface Lost extends Attempt {
  failure: Failure;
}

/** A check that was read, with the client that read it. */
export interface Reading {
  preconditions: Preconditions;
  client: AccountDeletionClient;
}

/** A deletion whose outcome is unknown, carried through the checks that follow it. */
export interface Unknown {
  attempt: Attempt;
  failure: Failure;
  /** True while it was never on show (its answer came after the client changed): the next check that allows deletion shows it. */
  untold?: true | undefined;
}

export type RedirectStatus = 'scheduled' | 'stayed' | 'refused' | 'none';

export interface Redirect {
  /** The redirect URL as configured. */
  url: string;
  /** When the browser is taken there (ms since the epoch), once scheduled. */
  at: number | undefined;
  status: RedirectStatus;
}

/** What every state carries: the settings, what the user typed, and the checks on show. */
export interface Context {
  /** The client requests go through from now on. */
  client: AccountDeletionClient;
  confirmation: Confirmation;
  /** What the user typed to confirm. */
  typed: string;
  redirectUrl: string;
  redirectDelay: number;
  /** The shortest time between two checks the user's return to the page starts. */
  recheckInterval: number;
  /** The checks on show: the last read, or those a 409 sent back. */
  preconditions: Preconditions | undefined;
  /** When the last check started; -Infinity before any. */
  lastCheckAt: number;
  /** The id of the last request started: an answer with another id is late, and changes nothing. */
  seq: number;
  /** True while the view is off the page: a success is not told, and nothing navigates. */
  away: boolean;
  /**
   * The last DELETE, while its outcome is unknown: a new DELETE of that account through that client
   * carries its key. Kept through other clients and other accounts, and through a repeat the server did
   * not look at (429, 401) and a 409 it cannot read; gone once another DELETE is sent, the server refuses
   * for sure (a 403, a 409 `account_has_blockers` or with what blocks), or a check through that client
   * finds that account still there and blocked.
   */
  lastUnknown?: Lost | undefined;
}

interface Base { ctx: Context }

export interface CheckingState extends Base {
  status: 'checking';
  /** The running check. */
  id: number;
  client: AccountDeletionClient;
  /** A deletion of unknown outcome before this check: its key is kept if the check allows deletion. */
  unknown?: Unknown | undefined;
  /**
   * A refusal that stays on show if this check allows deletion: a 409 that showed nothing to resolve,
   * or a request for a fresh sign-in (only the host's retry, once the user signed in, lifts it).
   */
  after?: Failure | undefined;
  /** A retry asked for while this check ran: it is carried out once the check is read. */
  retry?: boolean | undefined;
}

export interface BlockedState extends Base {
  status: 'blocked';
  reading: Reading;
  /** A sign-in still owed, and a deletion of unknown outcome this check says nothing of (another client's): carried on. */
  after?: Failure | undefined;
  unknown?: Unknown | undefined;
}

export interface ReadyState extends Base {
  status: 'ready';
  reading: Reading;
  unknown?: Unknown | undefined;
}

export interface CheckFailedState extends Base {
  status: 'check-failed';
  failure: Failure;
  /** A refusal the failed check carried (a fresh sign-in asked for): the next check carries it on; retry lifts it. */
  after?: Failure | undefined;
  /** A deletion of unknown outcome never yet on show, through another client: the next check carries it on. */
  unknown?: Unknown | undefined;
}

export interface DeletingState extends Base {
  status: 'deleting';
  id: number;
  attempt: Attempt;
  /** The check that allowed it, kept for a retry after a refusal that sending again can answer (401, 429). */
  reading: Reading | undefined;
  /** While the request notification is out: where the flow goes back to if a listener prevents it. */
  asking?: ReadyState | DeleteFailedState | undefined;
}

export interface DeleteFailedState extends Base {
  status: 'delete-failed';
  failure: Failure;
  /**
   * Only when the outcome is unknown: the request a retry sends again, with the same key. Absent when
   * that request went through a client since replaced: a retry is then a new request, on `reading`.
   */
  attempt?: Attempt | undefined;
  /** The check that allowed the deletion, when a retry may send a new one without checking first. */
  reading?: Reading | undefined;
  /** A deletion of unknown outcome still pending: its repeat was answered 429, a sign-in asked or a 409 it cannot read. A failed check shows it again. */
  unknown?: Unknown | undefined;
}

export interface DeletedState extends Base {
  status: 'deleted';
  account: Account;
  /** True once the deletion was told (the `deleted` notification); false while the view was away. */
  told: boolean;
  /** Decided once the `deleted` listeners answered. */
  redirect: Redirect | undefined;
  /** True once the browser was taken onward: it is asked once, whatever follows. */
  gone?: boolean | undefined;
  /** True while a scheduled redirect waits for the view to be back on the page. */
  held?: boolean | undefined;
}

export type State = CheckingState | BlockedState | ReadyState | CheckFailedState | DeletingState | DeleteFailedState | DeletedState;

/** Settings a view may change at any time. */
export interface Settings {
  confirmation?: string | null | undefined;
  redirectUrl?: string | null | undefined;
  redirectDelay?: number | string | null | undefined;
  recheckInterval?: number | undefined;
}

/** The events a UI sends. */
export type FlowEvent =
  /** Read the checks now (a "Check again" button, the first look). */
  | { type: 'check' }
  /** The user came back to the page: a throttled re-check. */
  | { type: 'return' }
  /** What the user typed to confirm. */
  | { type: 'confirm'; value: string }
  /** Start a deletion (only from `ready`, when `canDelete`). */
  | { type: 'delete' }
  /** Repeat what failed last, when `canRetry`. */
  | { type: 'retry' }
  /** Keep the page: cancel a scheduled redirect. */
  | { type: 'stay' }
  /** The view is on the page (again): a success that came meanwhile is told now; before any check, the first one starts. */
  | { type: 'show' }
  /** The view left the page for a while: nothing is told and nothing navigates until `show`. */
  | { type: 'hide' }
  /** Another client from now on: its server is asked before anything else. */
  | { type: 'client'; client: AccountDeletionClient }
  /** New settings. */
  | { type: 'configure'; settings: Settings };

/** The answers the runner feeds back: requests, notifications and timers. */
export type AnswerEvent =
  | { type: 'checked'; id: number; preconditions: Preconditions }
  | { type: 'check-error'; id: number; error: AccountDeletionError }
  | { type: 'requested'; prevented: boolean }
  | { type: 'delete-done'; id: number; result: DeleteAccountResult }
  | { type: 'delete-error'; id: number; error: AccountDeletionError }
  | { type: 'announced'; prevented: boolean }
  | { type: 'redirect-due' };

/**
 * Every event of the machine, with what the runner adds: the time, a fresh key for a deletion, and
 * `unseen` when it was sent while the failure of a deletion on show was never published with the
 * view on the page (a listener's event, before the user could read it).
 */
export type MachineEvent = (FlowEvent | AnswerEvent) & { now: number; key?: string; unseen?: boolean };

export type EventType = MachineEvent['type'];

/** What the machine asks its runner to do; plain data. */
export type Effect =
  /** Send the GET (a running check is aborted first: one at a time). */
  | { type: 'start-check'; id: number; client: AccountDeletionClient }
  /** Ask the `request` listeners; the answer comes back as `requested`. */
  | { type: 'ask-request'; account: Account }
  /** Send the DELETE. Never aborted. */
  | { type: 'send-delete'; id: number; attempt: Attempt }
  /** Tell the `deleted` listeners; the answer comes back as `announced`. */
  | { type: 'announce'; account: Account; redirectUrl: string }
  | { type: 'notify'; notification: 'checked'; detail: { preconditions: Preconditions } }
  | { type: 'notify'; notification: 'error'; detail: { error: AccountDeletionError } }
  | { type: 'notify'; notification: 'reauth-required'; detail: { account: Account | undefined } }
  | { type: 'start-timer'; at: number }
  | { type: 'cancel-timer' }
  | { type: 'navigate'; url: string }
  /** Send this event to the machine next, before anything else. */
  | { type: 'raise'; event: FlowEvent };

export interface Transition {
  state: State;
  effects: Effect[];
}

/** Why the destructive button cannot be used now. */
export type Reason = 'checking' | 'check-failed' | 'blocked' | 'not-deletable' | 'confirm' | 'mismatch' | 'deleting' | 'deleted' | 'refused' | 'sign-in' | 'signed-out';

/** What a view shows and offers now. Frozen; the same object until something changed. */
export interface Snapshot {
  status: Status;
  /** The checks on show: the last read (or those a 409 sent back); undefined before any. */
  preconditions: Preconditions | undefined;
  /** True only in `ready`, with the confirmation satisfied: a new deletion may start. */
  canDelete: boolean;
  /** True when `retry` would do something now. */
  canRetry: boolean;
  confirmation: {
    required: boolean;
    /** What the user typed. */
    value: string;
    matches: boolean;
    /** As many characters typed as the name has, and still no match: the view may say so. */
    mismatch: boolean;
  };
  /** In `check-failed` and `delete-failed`. */
  failure: Failure | undefined;
  /** In `deleted`. */
  redirect: Redirect | undefined;
  /** The account deleted, in `deleted`; else the one the checks on show are about. */
  account: Account | undefined;
  /** The one way forward a view offers for each control; what is not offered is unusable. */
  actions: {
    /** What the destructive button sends now (`delete` or `retry`), or undefined when it is unusable. */
    delete: 'delete' | 'retry' | undefined;
    /** Whether "Check again" starts a check now (false while one runs: it says so). */
    check: boolean;
    /** Whether "Stay on this page" stops a scheduled redirect not yet made (show the count by it). */
    stay: boolean;
    /** Whether a window that holds the flow may close now: not while the DELETE is out, nor once deleted with the redirect to come. */
    leave: boolean;
  };
  /** Why the destructive button is unusable, or undefined when it is usable. */
  reason: Reason | undefined;
}
