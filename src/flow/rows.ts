/**
 * The rows of the flow's table (machine.ts), each a named pure transition: the rows that change
 * nothing, each with its reason as its name; the rows shared by several states; the rows of one state.
 */
import { normalize } from './guards.js';
import {
  type Carried,
  recheck,
  requestDeletion,
  same,
  startCheck,
  withContext,
} from './steps.js';
import type { CheckingState, DeleteFailedState, DeletedState, EventType, MachineEvent, State, Status, Transition } from './types.js';

export type StateOf<S extends Status> = Extract<State, { status: S }>;
export type EventOf<E extends EventType> = Extract<MachineEvent, { type: E }>;

// ---- Rows that change nothing, each with its reason as its name ----

export const ignoreLateCheckAnswer = (state: State) => same(state);
export const ignoreLateDeleteAnswer = (state: State) => same(state);
export const ignoreNoRequestAsked = (state: State) => same(state);
export const ignoreNothingDeleted = (state: State) => same(state);
export const ignoreOnlyReadyDeletes = (state: State) => same(state);
export const ignoreWhileDeleting = (state: State) => same(state);
export const ignoreSecondClick = (state: State) => same(state);
export const ignoreAfterDeletion = (state: State) => same(state);

// ---- Rows shared by several states ----

export const rememberTyped = (state: State, event: EventOf<'confirm'>): Transition => ({
  state: withContext(state, { typed: String(event.value ?? '') }),
  effects: [],
});
export const takeSettings = (state: State, event: EventOf<'configure'>): Transition => ({
  state: withContext(state, normalize(event.settings ?? {})),
  effects: [],
});
export const noteAway = (state: State): Transition => ({ state: withContext(state, { away: true }), effects: [] });
export const noteBack = (state: State): Transition => ({ state: withContext(state, { away: false }), effects: [] });
/** A new client: its server is asked before anything else, carrying `carry` on; the same client again changes nothing. */
const checkThroughNewClient = (state: State, event: EventOf<'client'>, carry: Carried = {}) =>
  event.client === state.ctx.client ? same(state) : startCheck({ ...state.ctx, client: event.client }, event.now, carry);
/** A new client, nothing to carry: only the key of a DELETE of unknown outcome is remembered (`ctx.lastUnknown`). */
export const checkWithNewClient = (state: State, event: EventOf<'client'>) => checkThroughNewClient(state, event);

// ---- Rows of one state ----

/** The first check starts on the first `check` (or `show`); after that, a check while one runs joins it: no second request. */
export const startFirstCheckOrJoin = (state: CheckingState, event: MachineEvent) => (state.id === 0 ? startCheck(state.ctx, event.now) : same(state));
/** Shown on the page: if nothing was asked yet (a view that read the flow before it was shown), that is the first check. */
export const noteBackAndStartFirstCheck = (state: CheckingState, event: MachineEvent) =>
  state.id === 0 ? startCheck({ ...state.ctx, away: false }, event.now) : noteBack(state);
/** A retry while a check runs waits for it, and goes on once it is read. */
export const retryOnceChecked = (state: CheckingState): Transition =>
  // Not while it carries a lost answer through its own client not yet told: whatever it reads, that
  // answer goes on show first, and the retry would stop there.
  state.id === 0 || state.retry || (state.unknown?.untold && state.unknown.attempt.client === state.client)
    ? same(state)
    : { state: { ...state, retry: true }, effects: [] };
/** A new client reads the checks instead; a deletion of unknown outcome stays carried along. */
export function replaceCheckWithNewClient(state: CheckingState, event: EventOf<'client'>): Transition {
  // Before the first check nothing is asked yet: the new client will be.
  if (state.id === 0) return { state: { ...withContext(state, { client: event.client }), client: event.client }, effects: [] };
  return checkThroughNewClient(state, event, { unknown: state.unknown });
}
/**
 * What a check from ready or from a failed check carries on: a deletion of unknown outcome (its key
 * stays if the check allows deletion), a refusal still to lift (a fresh sign-in asked for: only retry lifts it).
 */
type Carrying = StateOf<'ready'> | StateOf<'check-failed'> | StateOf<'blocked'>;
const carriedOn = (state: Carrying): Carried =>
  state.status === 'ready' ? { unknown: state.unknown } : { after: state.after, unknown: state.unknown };
export const checkCarryingOn = (state: Carrying, event: MachineEvent) => startCheck(state.ctx, event.now, carriedOn(state));
export const checkUnlessTooRecentCarryingOn = (state: Carrying, event: MachineEvent) => recheck(state, event.now, carriedOn(state));
export const noteBackAndCheckCarryingOn = (state: Carrying, event: MachineEvent) =>
  recheck(withContext(state, { away: false }), event.now, carriedOn(state));
/**
 * The retry of a failed check lifts a refusal still to lift (the user signed in again); a deletion of
 * unknown outcome never on show yet goes along, to be on show once the check reads.
 */
export const checkUnlessRefused = (state: StateOf<'check-failed'>, event: MachineEvent) =>
  state.failure.outcome === 'refused' ? same(state) : startCheck(state.ctx, event.now, { unknown: state.unknown });
/**
 * A retry in ready after a deletion of unknown outcome (asked while the check before ran): its
 * repeat, the same request with its key, as Delete would send it.
 */
export const repeatUnknownDeletion = (state: StateOf<'ready'>, event: MachineEvent) => {
  const key = state.unknown?.attempt.key;
  return key !== undefined && state.ctx.lastUnknown?.key === key ? requestDeletion(state, { ...event, type: 'delete', key }) : same(state);
};
/** The host's retry once the user signed in again: the sign-in asked for is no longer owed. */
export const liftSignInOwed = (state: StateOf<'blocked'>): Transition => (state.after ? { state: { ...state, after: undefined }, effects: [] } : same(state));
/** A new client after a failed or blocked check: the deletion of unknown outcome it carries goes along too. */
export const checkWithNewClientCarryingUnknown = (state: StateOf<'check-failed'> | StateOf<'blocked'>, event: EventOf<'client'>) =>
  checkThroughNewClient(state, event, { unknown: state.unknown });
/** The DELETE goes on with the client that sent it; the new one is asked once it has ended. */
export const noteNewClient = (state: StateOf<'deleting'>, event: EventOf<'client'>): Transition => ({
  state: withContext(state, { client: event.client }),
  effects: [],
});

/** What a check after a failed deletion carries along: a deletion of unknown outcome, a sign-in still to make. */
function carriedFrom(state: DeleteFailedState, event: MachineEvent): Carried {
  const { failure, attempt, ctx } = state;
  // Only a deletion of unknown outcome keeps its attempt. It was never on show if it failed while the
  // view was off the page, or if a listener asked this check before any view was told of the failure:
  // then it goes along as not yet told, even one through a client since replaced (`ctx.lastUnknown`).
  const untold = ctx.away || event.unseen;
  if (attempt) return { unknown: untold ? { attempt, failure, untold } : { attempt, failure } };
  if (untold && failure.outcome === 'unknown' && ctx.lastUnknown) return { unknown: { attempt: ctx.lastUnknown, failure, untold } };
  // A deletion of unknown outcome its repeat left pending (a 429, a sign-in asked, a 409 it cannot read) goes along too.
  return { after: failure.outcome === 'reauth' ? failure : undefined, unknown: state.unknown };
}

export const checkCarryingFailure = (state: DeleteFailedState, event: MachineEvent) => startCheck(state.ctx, event.now, carriedFrom(state, event));
/**
 * A new client after a failed deletion (a host's error listener may give one before the failure was
 * ever drawn): a deletion of unknown outcome goes along as not yet told, to be on show once a check
 * allows deletion, whichever client reads it.
 */
export function checkWithNewClientCarryingFailure(state: DeleteFailedState, event: EventOf<'client'>): Transition {
  const attempt = state.attempt ?? (state.failure.outcome === 'unknown' ? state.ctx.lastUnknown : undefined);
  const unknown = attempt ? { attempt, failure: state.failure } : state.unknown;
  return checkThroughNewClient(state, event, unknown ? { unknown: { ...unknown, untold: true } } : {});
}

/**
 * After a failed deletion the user's return checks again only where the checks or the session are the
 * way forward (a 409 with what blocks, a plain 401); elsewhere the failure on show is what to act on.
 */
export function checkOnReturnIfChecksAreTheWay(state: DeleteFailedState, event: MachineEvent): Transition {
  const { outcome } = state.failure;
  const checksAreTheWay = (outcome === 'conflict' && !state.reading) || outcome === 'signed-out';
  return checksAreTheWay ? recheck(state, event.now, carriedFrom(state, event)) : same(state);
}
export const noteBackAndCheckIfChecksAreTheWay = (state: DeleteFailedState, event: MachineEvent) =>
  checkOnReturnIfChecksAreTheWay(withContext(state, { away: false }), event);

/** Stay: only while the redirect is still to come, not once the browser was taken onward (to an address in the same page). */
export const stopScheduledRedirect = (state: DeletedState): Transition =>
  state.redirect?.status === 'scheduled' && !state.gone
    ? { state: { ...state, redirect: { ...state.redirect, status: 'stayed' } }, effects: [{ type: 'cancel-timer' }] }
    : same(state);
/** Off the page, nothing navigates: a redirect still to come is held, and starts again from the return. */
export const noteAwayAndHoldRedirect = (state: DeletedState): Transition => {
  const waiting = state.redirect?.status === 'scheduled' && !state.gone;
  return { state: { ...withContext(state, { away: true }), held: waiting || state.held }, effects: waiting ? [{ type: 'cancel-timer' }] : [] };
};
/** Once, on the page, and only while the redirect is still scheduled. */
export const navigateIfStillScheduled = (state: DeletedState): Transition =>
  state.redirect?.status === 'scheduled' && !state.ctx.away && !state.gone
    ? { state: { ...state, gone: true }, effects: [{ type: 'navigate', url: state.redirect.url }] }
    : same(state);
