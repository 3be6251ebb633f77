/**
 * The transitions the machine's table (`machine.ts`) is made of, each a pure function of a state and an
 * event: the check, its answers, the deletion, its answers, and the redirect. Written once, named, and
 * shared by the rows of every state they belong to.
 */
import { AccountDeletionError, isResolved, safeHttpUrl, type Preconditions } from '../index.js';
import {
  allowsDeletion,
  canDelete,
  confirmed,
  dueForRecheck,
  failureOf,
  keyFor,
  readable,
  readableChecks,
  repeatable,
  unreadable,
} from './guards.js';
import type {
  Redirect,
  Attempt,
  CheckingState,
  Context,
  DeleteFailedState,
  DeletedState,
  DeletingState,
  Effect,
  Failure,
  MachineEvent,
  Reading,
  ReadyState,
  State,
  Transition,
} from './types.js';

type Event<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;

/** Nothing changes: the very same state, so a view's snapshot stays the same object. */
export const same = (state: State): Transition => ({ state, effects: [] });

/** The same state with some of its context changed; the very same state when nothing changes. */
export function withContext<S extends State>(state: S, patch: Partial<Context>): S {
  const changes = Object.entries(patch).some(([key, value]) => !Object.is(state.ctx[key as keyof Context], value));
  return changes ? { ...state, ctx: { ...state.ctx, ...patch } } : state;
}

/** What a check carries from the state it started in. */
export type Carried = Pick<CheckingState, 'unknown' | 'after'>;

/** Starts a check with the current client: one at a time (the runner aborts a running one first). */
export function startCheck(ctx: Context, now: number, carry: Carried = {}): Transition {
  const id = ctx.seq + 1;
  const state: CheckingState = { status: 'checking', ctx: { ...ctx, seq: id, lastCheckAt: now }, id, client: ctx.client, ...carry };
  return { state, effects: [{ type: 'start-check', id, client: ctx.client }] };
}

/** A check when the user came back to the page, unless one started too recently. */
export function recheck(state: State, now: number, carry: Carried = {}): Transition {
  return dueForRecheck(state.ctx, now) ? startCheck(state.ctx, now, carry) : same(state);
}

/** What the listeners are told about a failure. */
function told(failure: Failure, ctx: Context, account = ctx.preconditions?.account): Effect[] {
  const effects: Effect[] = [{ type: 'notify', notification: 'error', detail: { error: failure.error } }];
  if (failure.outcome === 'reauth') effects.push({ type: 'notify', notification: 'reauth-required', detail: { account } });
  return effects;
}

/** A check answered. Another account than the one on show clears what the user typed and the deletion on show (its key stays in `ctx.lastUnknown`). */
export function takeCheckAnswer(state: CheckingState, event: Event<'checked'>): Transition {
  if (event.id !== state.id) return same(state);
  const preconditions = event.preconditions;
  if (!readable(preconditions)) return failCheck(state, unreadable());
  const shown = state.ctx.preconditions?.account;
  const another = shown !== undefined && shown.id !== preconditions.account.id;
  // That account there and blocked, read through the client its deletion went through: it did not happen.
  const last = state.ctx.lastUnknown;
  const notDeleted = !allowsDeletion(preconditions) && last?.account.id === preconditions.account.id && last.client === state.client;
  const lastUnknown = notDeleted ? undefined : state.ctx.lastUnknown;
  const ctx: Context = { ...state.ctx, preconditions, typed: another ? '' : state.ctx.typed, lastUnknown };
  const reading: Reading = { preconditions, client: state.client };
  const checked: Effect[] = [{ type: 'notify', notification: 'checked', detail: { preconditions } }];
  // A retry asked for meanwhile goes on now, from wherever the check leads.
  const effects: Effect[] = state.retry ? [...checked, { type: 'raise', event: { type: 'retry' } }] : checked;
  if (!allowsDeletion(preconditions)) {
    // The account is there and blocked: a deletion of unknown outcome through this client did not
    // happen. One through another client, this check says nothing of: it goes on to the next check, as
    // does a fresh sign-in still to make. A 409 nothing explained is explained now.
    const unknown = notDeleted || another ? undefined : state.unknown;
    const owed = state.after?.outcome === 'reauth' ? state.after : undefined;
    // That sign-in's words no longer say the account may be gone: this check, through the client of the
    // lost deletion (a new client drops the sign-in owed), read it there and blocked, or read another.
    const after = owed && { step: owed.step, error: owed.error, outcome: owed.outcome };
    return { state: { status: 'blocked', ctx, reading, after, unknown }, effects };
  }
  // A refusal that nothing blocking explains (a 409, a fresh sign-in still to make) stays on show.
  if (state.after && !another) return { state: { status: 'delete-failed', ctx, failure: state.after, reading, unknown: state.unknown }, effects };
  // A deletion of unknown outcome never on show (its answer came after the client changed) goes on show
  // now, with this check. Through another client than this check's, a retry is a new request on it.
  // A retry asked before it was known does not go on past it: the user reads it first.
  const unknown = another ? undefined : state.unknown;
  if (unknown && (unknown.untold || unknown.attempt.client !== state.client)) {
    const attempt = unknown.attempt.client === state.client ? unknown.attempt : undefined;
    return { state: { status: 'delete-failed', ctx, failure: unknown.failure, reading, attempt }, effects: unknown.untold ? checked : effects };
  }
  return { state: { status: 'ready', ctx, reading, unknown }, effects };
}

/** A check failed (or answered what cannot be read). */
export function takeCheckFailure(state: CheckingState, event: Event<'check-error'>): Transition {
  return event.id === state.id ? failCheck(state, event.error) : same(state);
}

/**
 * A deletion of unknown outcome before a failed check stays the thing on show: the check says nothing
 * of it. The older check that allowed it is no longer the newest word, so nothing goes back to ready
 * on it: a later refusal of the repeat (sign in again, wait) checks first.
 */
function failCheck(state: CheckingState, error: AccountDeletionError): Transition {
  // The last lost answer through this client, while the checks on show are of its account: a 401 may
  // be its doing. One carried here (through whichever client) is said below, whatever the failure.
  const last = state.ctx.lastUnknown;
  const standing = last?.client === state.client && last.account.id === state.ctx.preconditions?.account.id;
  const failure = failureOf('check', error, standing);
  const effects = told(failure, state.ctx);
  const unknown = state.unknown;
  // A retry asked for meanwhile goes on from the failure, as it does from an answer. (None is taken
  // while a lost answer of this client not yet told is carried: see retryOnceChecked.)
  if (state.retry) effects.push({ type: 'raise', event: { type: 'retry' } });
  // Only a deletion through this check's client is the thing on show; one through another client (on
  // show before or not) is carried on, said with the failure, and on show once a check allows deletion.
  if (unknown?.attempt.client === state.client) {
    // A fresh sign-in the server asked for comes first: it stays on show, the deletion carried under it.
    if (state.after?.outcome === 'reauth') return { state: { status: 'delete-failed', ctx: state.ctx, failure: state.after, unknown }, effects };
    return { state: { status: 'delete-failed', ctx: state.ctx, failure: unknown.failure, attempt: unknown.attempt }, effects };
  }
  // Carried under the failed check, the lost deletion is still said: it may have deleted the account.
  return { state: { status: 'check-failed', ctx: state.ctx, failure: unknown ? { ...failure, mayBeDeleted: true } : failure, after: state.after, unknown }, effects };
}

/** Asks the `request` listeners before a DELETE goes; the flow waits in `deleting` for their answer. */
function ask(from: ReadyState | DeleteFailedState, attempt: Attempt, reading: Reading | undefined): Transition {
  const id = from.ctx.seq + 1;
  const state: DeletingState = { status: 'deleting', ctx: { ...from.ctx, seq: id }, id, attempt, reading, asking: from };
  return { state, effects: [{ type: 'ask-request', account: attempt.account }] };
}

/** The user's Delete: only when `canDelete`, with the key the key rule gives. */
export function requestDeletion(state: ReadyState, event: Event<'delete'>): Transition {
  if (!canDelete(state) || event.key === undefined) return same(state);
  const { reading } = state;
  const attempt: Attempt = { account: reading.preconditions.account, client: reading.client, key: keyFor(state, event.key) };
  return ask(state, attempt, reading);
}

/** The user's retry of a deletion whose outcome is unknown: the same account, client and key. */
export function repeatDeletion(state: DeleteFailedState): Transition {
  if (!repeatable(state) || !state.attempt) return same(state);
  return ask(state, state.attempt, state.reading);
}

/**
 * The `request` listeners answered. The DELETE goes, unless a listener prevented it, took the view
 * off the page or asked for the name meanwhile (the flow goes back to where it was), or gave another
 * client (whose server must read the checks first).
 */
export function sendUnlessPrevented(state: DeletingState, event: Event<'requested'>): Transition {
  const asked = state.asking;
  if (!asked) return same(state);
  // Another client: its server reads the checks first. A deletion of unknown outcome this would have
  // repeated goes along, to be on show again once a check allows deletion: nothing settled it.
  // (Only a repeat asks from a failed deletion, and a repeat has its attempt.)
  const unknown = asked.status === 'ready' ? asked.unknown : asked.attempt && { attempt: asked.attempt, failure: asked.failure, untold: true as const };
  if (state.ctx.client !== state.attempt.client) return startCheck(state.ctx, event.now, { unknown });
  // Prevented, off the page, or no longer confirmed (a listener asked for the name meanwhile): it waits.
  if (event.prevented || state.ctx.away || !confirmed(state.ctx, state.attempt.account)) return { state: { ...asked, ctx: state.ctx }, effects: [] };
  // This DELETE is the last one now: unless it repeats the one of unknown outcome (the same key), that
  // one's outcome no longer decides a key.
  const repeat = state.ctx.lastUnknown?.key === state.attempt.key;
  const ctx = { ...state.ctx, lastUnknown: repeat ? state.ctx.lastUnknown : undefined };
  return { state: { ...state, ctx, asking: undefined }, effects: [{ type: 'send-delete', id: state.id, attempt: state.attempt }] };
}

/** The DELETE succeeded: the account is gone. It is told now, or when the view is back on the page. */
export function takeDeletion(state: DeletingState, event: Event<'delete-done'>): Transition {
  if (state.asking || event.id !== state.id) return same(state);
  const { ctx, attempt } = state;
  const next: DeletedState = {
    status: 'deleted',
    ctx,
    account: attempt.account,
    told: !ctx.away,
    redirect: undefined,
  };
  return { state: next, effects: ctx.away ? [] : [{ type: 'announce', account: attempt.account, redirectUrl: ctx.redirectUrl }] };
}

/** The checks a 409 sent back, on show in place of the last read, about the same account. */
function conflictChecks(state: DeletingState, checks: Preconditions['checks'], now: number): Preconditions {
  return Object.freeze({ account: state.attempt.account, deletable: false, checks, checkedAt: new Date(now).toISOString() });
}

/** The DELETE failed. What follows depends on what the failure means. */
export function takeDeleteFailure(state: DeletingState, event: Event<'delete-error'>): Transition {
  if (state.asking || event.id !== state.id) return same(state);
  const { attempt, reading } = state;
  // Only the repeat of a deletion of unknown outcome finds `lastUnknown` still set: any other DELETE cleared it.
  let failure = failureOf('delete', event.error, state.ctx.lastUnknown?.client === attempt.client);
  const { outcome } = failure;
  const checks = outcome === 'conflict' && 'checks' in event.error ? event.error.checks : undefined;
  // Checks that show what blocks (of a shape to show: a host's client may send anything).
  const blocking = readableChecks(checks) && checks.some((check) => !isResolved(check)) ? checks : undefined;
  // Whether a deletion of unknown outcome is still so: this one now; gone when the server said no for
  // sure (a refusal; a 409 of the API's, `account_has_blockers` or with what blocks: it looked at the
  // account, there and not to be deleted now); else (a repeat answered 429 or 401, which the server did
  // not look at, or a 409 it cannot read) as it was.
  const sure = outcome === 'refused' || blocking || (outcome === 'conflict' && 'code' in event.error && event.error.code === 'account_has_blockers');
  const lastUnknown = outcome === 'unknown' ? { ...attempt, failure } : sure ? undefined : state.ctx.lastUnknown;
  const ctx = { ...state.ctx, lastUnknown };
  // The repeat of a deletion of unknown outcome that the server did not look at: that deletion is still
  // pending (a failed check shows it again; after a plain 401 signing in comes first, and the words say
  // it may be gone), and never "nothing was deleted" (a 409 that settles nothing; a fresh sign-in
  // asked for, see failureOf).
  const unknown = outcome !== 'unknown' && outcome !== 'signed-out' && lastUnknown ? { attempt: lastUnknown, failure: lastUnknown.failure } : undefined;
  if (outcome === 'conflict' && lastUnknown) failure = { ...failure, mayBeDeleted: true };
  const effects = told(failure, ctx, attempt.account);
  // The client changed while the DELETE was out: its server must read the checks before anything else,
  // and an unknown outcome goes along, to be on show once they are read.
  if (attempt.client !== ctx.client) return then(startCheck(ctx, event.now, { unknown: outcome === 'unknown' ? { attempt, failure, untold: true } : unknown }), effects);
  if (outcome === 'unknown') return { state: { status: 'delete-failed', ctx, failure, attempt, reading }, effects };
  if (outcome === 'conflict') {
    // Checks that show what blocks are the way forward; none says nothing, so the account is read again.
    if (blocking) return { state: { status: 'delete-failed', ctx: { ...ctx, preconditions: conflictChecks(state, blocking, event.now) }, failure }, effects };
    return then(startCheck(ctx, event.now, { after: failure, unknown }), effects);
  }
  // Sure that nothing was deleted (or a pending deletion kept): a retry (after signing in, after the
  // wait) is a new request, with a new key (or the pending one's).
  return { state: { status: 'delete-failed', ctx, failure, reading, unknown }, effects };
}

/** The listeners are told first, then the effects of the next step run. */
function then(next: Transition, first: Effect[]): Transition {
  return { state: next.state, effects: [...first, ...next.effects] };
}

/** A retry after a failed deletion: the same request, a new one through `ready`, or a check. */
export function retryDeletion(state: DeleteFailedState, event: MachineEvent): Transition {
  const { failure, reading } = state;
  // Nor a listener's retry before any view was told of a deletion of unknown outcome: the user reads it first.
  if (failure.outcome === 'refused' || (failure.outcome === 'unknown' && event.unseen)) return same(state);
  if (failure.outcome === 'signed-out') return startCheck(state.ctx, event.now);
  const carried = { unknown: state.unknown };
  if (failure.outcome === 'unknown' && state.attempt) return repeatDeletion(state);
  // A refusal that sending again can answer (a fresh sign-in, the wait, a 409 nothing explains), or an
  // unknown outcome through a client since replaced: back to ready on the check that allowed it, then
  // the user's Delete again, with a new key. Off the page that Delete could not go: the retry waits
  // for the view to be back, and the failure stays on show.
  if (!reading) return startCheck(state.ctx, event.now, carried);
  if (state.ctx.away) return same(state);
  return { state: { status: 'ready', ctx: state.ctx, reading, ...carried }, effects: [{ type: 'raise', event: { type: 'delete' } }] };
}

/** The `deleted` listeners answered: the redirect is scheduled, kept back by the host, or refused. */
export function decideRedirect(state: DeletedState, event: Event<'announced'>): Transition {
  if (!state.told || state.redirect) return same(state);
  const { ctx } = state;
  const url = ctx.redirectUrl;
  if (event.prevented) return { state: { ...state, redirect: { url, at: undefined, status: 'none' } }, effects: [] };
  const href = safeHttpUrl(url);
  if (href === undefined) {
    const error = new AccountDeletionError('The redirect URL was refused: only http(s) URLs and same-origin paths are followed.');
    return {
      state: { ...state, redirect: { url, at: undefined, status: 'refused' } },
      effects: [{ type: 'notify', notification: 'error', detail: { error } }],
    };
  }
  // Even with no delay, a timer (due now): what the `deleted` listeners did meanwhile (took the view off
  // the page, asked to stay) is heard before the browser is taken onward.
  const at = event.now + ctx.redirectDelay;
  const redirect: Redirect = { url: href, at, status: 'scheduled' };
  return { state: { ...state, redirect }, effects: [{ type: 'start-timer', at }] };
}

/** Back on the page: a success not yet told is told now, and a redirect held meanwhile starts again from now. */
export function tellSuccessOrRestartRedirect(state: DeletedState, event: MachineEvent): Transition {
  const ctx = { ...state.ctx, away: false };
  if (!state.told) {
    return { state: { ...state, ctx, told: true }, effects: [{ type: 'announce', account: state.account, redirectUrl: ctx.redirectUrl }] };
  }
  if (!state.held || state.redirect?.status !== 'scheduled') return { state: { ...state, ctx }, effects: [] };
  const at = event.now + ctx.redirectDelay;
  return { state: { ...state, ctx, held: false, redirect: { ...state.redirect, at } }, effects: [{ type: 'start-timer', at }] };
}
