/**
 * The connect step: from a state to what a view shows and offers (the snapshot). Every view reads the
 * same answers, so none decides a rule: whether Delete is usable and what it does, whether "Check
 * again" can start a check, why Delete waits.
 */
import { blockingCount, canDelete, confirmed, repeatable } from './guards.js';
import { transition } from './machine.js';
import type { Preconditions } from '../index.js';
import type { DeleteFailedState, Reason, Snapshot, State } from './types.js';
import { matchesAccountName } from './words/match.js';


/** Characters as a reader counts them: code points of the composed form, outer spaces left out. */
const length = (text: string) => [...text.normalize('NFC').trim()].length;

/** What the destructive button does after a failed deletion: a retry, when one would send a DELETE now. */
function retryAction(state: DeleteFailedState): 'retry' | undefined {
  const { outcome } = state.failure;
  if (outcome === 'unknown' && state.attempt) return repeatable(state) ? 'retry' : undefined;
  // A 409 that nothing explains, a 429, an unknown outcome through a client since replaced: a new
  // request, through ready, on the check that allowed it.
  const reading = outcome === 'conflict' || outcome === 'unavailable' || outcome === 'unknown' ? state.reading : undefined;
  return reading && confirmed(state.ctx, reading.preconditions.account) ? 'retry' : undefined;
}

function deleteAction(state: State): 'delete' | 'retry' | undefined {
  if (canDelete(state)) return 'delete';
  return state.status === 'delete-failed' ? retryAction(state) : undefined;
}

function reasonFor(state: State, action: Snapshot['actions']['delete'], mismatch: boolean): Reason | undefined {
  if (action) return undefined;
  const unconfirmed: Reason = mismatch ? 'mismatch' : 'confirm';
  switch (state.status) {
    case 'checking':
    case 'deleting':
    case 'deleted':
    case 'check-failed':
      return state.status;
    case 'blocked':
      return blockingCount(state.reading.preconditions) > 0 ? 'blocked' : 'not-deletable';
    case 'ready':
      return unconfirmed;
    case 'delete-failed': {
      const { outcome } = state.failure;
      if (outcome === 'refused') return 'refused';
      if (outcome === 'reauth') return 'sign-in';
      if (outcome === 'signed-out') return 'signed-out';
      if (outcome === 'conflict' && !state.reading) return 'blocked';
      // A wait asked for after a check that failed: a check that reads comes first, whatever was typed.
      if (outcome === 'unavailable' && !state.reading) return 'check-failed';
      return unconfirmed;
    }
  }
}

/** The snapshot of a state; `unseen` as the runner would stamp an event sent now (a listener reads it before the user read the failure). */
export function connect(state: State, unseen = false): Snapshot {
  const { ctx } = state;
  // The account the checks on show are about: the one a DELETE is for, the one deleted.
  const account = ctx.preconditions?.account;
  const required = ctx.confirmation !== 'none';
  const matches = !required || (account !== undefined && matchesAccountName(ctx.typed, account.name));
  const mismatch = required && !matches && account !== undefined && length(ctx.typed) >= length(account.name);
  // Whether retry would do anything is asked of the machine itself, so it cannot say otherwise.
  const canRetry = transition(state, { type: 'retry', now: ctx.lastCheckAt, key: 'probe', unseen }).state !== state;
  const offered = deleteAction(state);
  // Not to a listener while the retry it would send waits for the user to read the failure first.
  const action = unseen && !canRetry ? undefined : offered;
  const failure = state.status === 'check-failed' || state.status === 'delete-failed' ? state.failure : undefined;
  const redirect = state.status === 'deleted' ? (state.redirect ?? { url: ctx.redirectUrl, at: undefined, status: 'none' }) : undefined;
  // Scheduled, and not yet made: once made, a page still here (an address in the same page) may be left.
  const toCome = state.status === 'deleted' && !state.gone && (!state.redirect || state.redirect.status === 'scheduled');
  return Object.freeze({
    status: state.status,
    preconditions: ctx.preconditions satisfies Preconditions | undefined,
    canDelete: canDelete(state),
    canRetry,
    confirmation: Object.freeze({ required, value: ctx.typed, matches, mismatch }),
    failure,
    redirect,
    account,
    actions: Object.freeze({
      delete: action,
      check: ['blocked', 'ready', 'check-failed', 'delete-failed'].includes(state.status),
      stay: toCome && redirect?.status === 'scheduled',
      leave: state.status !== 'deleting' && !toCome,
    }),
    reason: reasonFor(state, offered, mismatch),
  });
}
