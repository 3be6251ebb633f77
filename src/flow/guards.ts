/**
 * The flow's named guards: each rule that decides whether something may happen, written once. The
 * machine (`machine.ts`) and the snapshot (`connect.ts`) call them; nothing else decides.
 */
import {
  AccountDeletionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  InvalidResponseError,
  RateLimitError,
  ReauthenticationRequiredError,
  isResolved,
  type Account,
  type Check,
  type CheckItem,
  type Preconditions,
} from '../index.js';
import type { Confirmation, Context, DeleteFailedState, Failure, Outcome, ReadyState, Settings, State } from './types.js';
import { matchesAccountName } from './words/match.js';

export const DEFAULT_REDIRECT_URL = 'https://www.azion.com/';
export const DEFAULT_REDIRECT_DELAY = 3_000;
export const DEFAULT_RECHECK_INTERVAL = 5_000;

/** Anything a client may throw, as one of the kit's errors: a stranger is "something unexpected". */
export function asKitError(error: unknown): AccountDeletionError {
  return error instanceof AccountDeletionError ? error : new AccountDeletionError('Something unexpected happened.', { cause: error });
}

/**
 * What a failure means, decided from the SDK's error classes alone. On a check, anything but a
 * sure answer about the session or a refusal is `unavailable`; on a DELETE, anything that is not a
 * 4xx may hide a deletion that happened, so it is `unknown` (and so is a 409 saying that the same key
 * is still being carried out).
 */
export function outcomeOf(step: 'check' | 'delete', error: AccountDeletionError): Outcome {
  if (error instanceof ReauthenticationRequiredError) return 'reauth';
  if (error instanceof AuthenticationError) return 'signed-out';
  if (error instanceof RateLimitError) return 'unavailable';
  // The same key still being carried out: the deletion may yet happen.
  if (step === 'delete' && error instanceof ConflictError) return error.code === 'idempotency_key_in_use' ? 'unknown' : 'conflict';
  const definitive = error instanceof ApiError && error.status >= 400 && error.status < 500;
  if (definitive) return 'refused';
  return step === 'delete' ? 'unknown' : 'unavailable';
}

/**
 * A failure and what it means. A 401 (plain, or asking for a fresh sign-in) while a deletion of unknown
 * outcome stands (`standing`: one through this client, or one carried to the checks of its account) may
 * be that deletion's doing, since a deletion ends the account's sessions: it says so (`mayBeDeleted`),
 * on the repeat of that DELETE and on the checks after it alike.
 */
export function failureOf(step: 'check' | 'delete', error: AccountDeletionError, standing: boolean): Failure {
  const outcome = outcomeOf(step, error);
  return (outcome === 'signed-out' || outcome === 'reauth') && standing ? { step, error, outcome, mayBeDeleted: true } : { step, error, outcome };
}

/**
 * True when the checks have the shape the flow relies on. The SDK's parser guarantees it; a host's
 * own client may hand over anything (no list of checks, a check that is null), and that must fail the
 * check, not unlock Delete or break a view.
 */
export function readable(preconditions: Preconditions): boolean {
  const value = preconditions as Partial<Record<keyof Preconditions, unknown>> | null | undefined;
  if (typeof value !== 'object' || value === null) return false;
  const account = value.account as Partial<Account> | null | undefined;
  const checks = value.checks;
  return typeof account?.name === 'string' && Number.isSafeInteger(account.id) && typeof value.deletable === 'boolean' && readableChecks(checks);
}

/** True when `checks` is a list of checks of the shape the flow and its words rely on (a host's client may send anything). */
export function readableChecks(checks: unknown): checks is Check[] {
  return (
    Array.isArray(checks) &&
    checks.every(
      (check: Partial<Check> | null) =>
        typeof check?.type === 'string' &&
        typeof check.status === 'string' &&
        Array.isArray(check.items) &&
        check.items.every((item: Partial<CheckItem> | null) => typeof item?.name === 'string') &&
        (check.amount === undefined || (typeof check.amount?.value === 'string' && typeof check.amount.currency === 'string')),
    )
  );
}

/** The error a check of the wrong shape fails with. */
export function unreadable(): InvalidResponseError {
  return new InvalidResponseError('The client handed over checks of the wrong shape.');
}

/** True only for checks that allow deletion: `deletable` exactly true and every check passed. */
export function allowsDeletion(preconditions: Preconditions): boolean {
  return preconditions.deletable === true && preconditions.checks.every(isResolved);
}

/** How many of the checks on show block. */
export function blockingCount(preconditions: Preconditions | undefined): number {
  return preconditions?.checks.filter((check) => !isResolved(check)).length ?? 0;
}

/** True when the user confirmed deleting `account`: no typing asked, or its name typed. */
export function confirmed(ctx: Context, account: Account): boolean {
  return ctx.confirmation === 'none' || matchesAccountName(ctx.typed, account.name);
}

/** True when a new deletion may start: ready, with the confirmation satisfied, and the view on the page. */
export function canDelete(state: State): state is ReadyState {
  return (
    state.status === 'ready' &&
    !state.ctx.away &&
    allowsDeletion(state.reading.preconditions) &&
    confirmed(state.ctx, state.reading.preconditions.account)
  );
}

/**
 * The key of a new DELETE: the one of the last DELETE when its outcome is unknown for this account and
 * this client (the server then runs it once), else the fresh one.
 */
export function keyFor(state: ReadyState, fresh: string): string {
  const unknown = state.ctx.lastUnknown;
  const { account } = state.reading.preconditions;
  return unknown && unknown.account.id === account.id && unknown.client === state.reading.client ? unknown.key : fresh;
}

/** True when a retry may send the same request again: an unknown outcome, the same client, still confirmed, on the page. */
export function repeatable(state: DeleteFailedState): boolean {
  const attempt = state.attempt;
  return (
    state.failure.outcome === 'unknown' &&
    !state.ctx.away &&
    attempt !== undefined &&
    attempt.client === state.ctx.client &&
    confirmed(state.ctx, attempt.account)
  );
}

/**
 * True when the user's return to the page may start a check now (at most one every `recheckInterval`).
 * A clock set back since the last check says nothing of the time gone by: the check goes.
 */
export function dueForRecheck(ctx: Context, now: number): boolean {
  const elapsed = now - ctx.lastCheckAt;
  return elapsed < 0 || elapsed >= ctx.recheckInterval;
}

/**
 * Settings read as the flow needs them: any confirmation but `none` asks for the name (an unexpected
 * value must not skip it); a missing redirect URL or delay is the default; a delay is never negative.
 */
export function normalize(settings: Settings): Partial<Context> {
  const out: Partial<Context> = {};
  if ('confirmation' in settings) out.confirmation = (settings.confirmation === 'none' ? 'none' : 'account-name') satisfies Confirmation;
  if ('redirectUrl' in settings) out.redirectUrl = typeof settings.redirectUrl === 'string' ? settings.redirectUrl : DEFAULT_REDIRECT_URL;
  if ('redirectDelay' in settings) {
    const delay = settings.redirectDelay === null || settings.redirectDelay === undefined ? NaN : Number(settings.redirectDelay);
    // At most the longest wait a timer keeps (about 24.8 days): a longer one would fire at once.
    out.redirectDelay = Number.isFinite(delay) ? Math.min(Math.max(0, delay), 2 ** 31 - 1) : DEFAULT_REDIRECT_DELAY;
  }
  if (typeof settings.recheckInterval === 'number' && settings.recheckInterval >= 0) out.recheckInterval = settings.recheckInterval;
  return out;
}
