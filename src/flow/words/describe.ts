/**
 * The flow's words for a snapshot: what each check says, the status line, why Delete waits, and the
 * failure with its way forward. Every view says exactly these, in the language of `strings`.
 */
import {
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
  isResolved,
  type Check,
} from '../../index.js';
import { blockingCount } from '../guards.js';
import type { Reason, Snapshot } from '../types.js';
import type { Strings } from './strings.js';

/** How many blocking resources a check names before "and N more". */
export const NAMES_SHOWN = 5;

export interface CheckWords {
  /** `DNS zones`, or the server's title for a type the kit does not know. */
  title: string;
  /** `2 active zones must be disabled`, `resolved`, … */
  sentence: string;
  /** The first blocking resources by name (each to be shown in its own bidi isolate). */
  names: string[];
  /** How many more block than are named. */
  more: number;
  /** The whole check in words: `DNS zones: 2 active zones must be disabled (acme.com, acme.dev)`. */
  label: string;
  passed: boolean;
  /** Where the user resolves it, when it blocks and the server gave a safe link. */
  resolveUrl: string | undefined;
  /** The link's accessible name. */
  resolveLabel: string;
}

const KNOWN = ['dns_zones', 'edge_applications', 'debts'];

/** One check in words. */
export function describeCheck(check: Check, s: Strings): CheckWords {
  const passed = isResolved(check);
  const known = KNOWN.includes(check.type);
  const title = check.type === 'dns_zones' ? s.dnsZones : check.type === 'edge_applications' ? s.edgeApplications : check.type === 'debts' ? s.debts : (check.title ?? check.type);
  let sentence: string;
  if (passed) sentence = known ? s.resolved : (check.message ?? s.resolved);
  // Not evaluated: the server's words say why.
  else if (check.status === 'unavailable') sentence = check.message ?? s.unavailable;
  // A count of 0 on a check that still blocks says nothing countable: the server's words, then.
  else if (check.type === 'dns_zones' && check.count > 0) sentence = s.dnsZonesBlocking(check.count);
  else if (check.type === 'edge_applications' && check.count > 0) sentence = s.edgeApplicationsBlocking(check.count);
  else if (check.type === 'debts') sentence = check.amount ? s.debtsBlocking(s.amount(check.amount.value, check.amount.currency)) : s.debtsBlockingNoAmount;
  else sentence = check.message ?? s.unknownBlocking;
  const names = passed ? [] : check.items.slice(0, NAMES_SHOWN).map((item) => item.name);
  const more = names.length === 0 ? 0 : Math.max(check.count, check.items.length) - names.length;
  const listed = names.length === 0 ? '' : ` (${names.join(s.listSeparator)}${more > 0 ? ` ${s.andMore(more)}` : ''})`;
  return {
    title,
    sentence,
    names,
    more,
    label: `${title}: ${sentence}${listed}`,
    passed,
    resolveUrl: passed ? undefined : check.resolveUrl,
    resolveLabel: s.resolveLabel(title),
  };
}

/** The polite status line: checking, deleting, or what the checks on show add up to. Empty when a failure speaks. */
export function statusText(snapshot: Snapshot, s: Strings): string {
  const { status, preconditions } = snapshot;
  if (status === 'checking') return s.checking;
  if (status === 'deleting') return s.deleting;
  if (status === 'deleted' || status === 'check-failed' || !preconditions) return '';
  const blocking = blockingCount(preconditions);
  if (blocking > 0) return s.blockedSummary(blocking);
  return preconditions.deletable === true ? s.readySummary : s.notDeletable;
}

/** Delete waits only for the name to be typed. */
const forTheName = (snapshot: Snapshot) => snapshot.reason === 'confirm' || snapshot.reason === 'mismatch';

/**
 * The intro above the checks: what must be resolved, or, once nothing blocks, what is left to do;
 * never that with a failure on show that leaves Delete unusable for another reason than the name.
 */
export function introText(snapshot: Snapshot, s: Strings): string {
  const p = snapshot.preconditions;
  const clear = p !== undefined && p.deletable === true && blockingCount(p) === 0;
  if (!clear || (snapshot.failure && !snapshot.actions.delete && !forTheName(snapshot))) return s.intro;
  return snapshot.confirmation.required ? s.introReadyConfirm : s.introReady;
}

/** When the checks on show were read, from their `checkedAt`; undefined when the server did not say. */
export function checkedText(snapshot: Snapshot, s: Strings, now: number): string | undefined {
  const at = snapshot.preconditions?.checkedAt;
  const time = at === undefined ? NaN : Date.parse(at);
  if (Number.isNaN(time)) return undefined;
  const minutes = Math.floor((now - time) / 60_000);
  if (minutes < 1) return s.checkedJustNow;
  return minutes < 60 ? s.checkedMinutesAgo(minutes) : s.checkedAt(new Date(time));
}

/** Why the destructive button waits, in words; undefined when it is usable. */
export function reasonText(snapshot: Snapshot, s: Strings): string | undefined {
  const reasons: Record<Reason, string> = {
    checking: s.reasonChecking,
    'check-failed': s.reasonCheckFailed,
    blocked: s.reasonBlocked(Math.max(1, blockingCount(snapshot.preconditions))),
    'not-deletable': s.notDeletable,
    confirm: s.reasonConfirm,
    mismatch: s.reasonMismatch,
    deleting: s.reasonDeleting,
    deleted: s.deleted,
    refused: s.reasonRefused,
    'sign-in': s.reasonSignIn,
    'signed-out': s.reasonSignedOut,
  };
  return snapshot.reason === undefined ? undefined : reasons[snapshot.reason];
}

export interface FailureWords {
  /** The server's own sentence, when it sent one (to be shown in its own bidi isolate, before `text`). */
  server: string | undefined;
  /** The kit's sentence, with the way forward. */
  text: string;
  /** `X-Request-Id`, for support. */
  requestId: string | undefined;
}

/** The failure on show in words, with its way forward; undefined when nothing failed. */
export function failureText(snapshot: Snapshot, s: Strings): FailureWords | undefined {
  const failure = snapshot.failure;
  if (!failure) return undefined;
  const { error, step } = failure;
  const deleting = step === 'delete';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  // A check that failed while a lost deletion is carried says that deletion first (a 401 says it in its own words).
  const lost = !deleting && failure.mayBeDeleted && !(error instanceof AuthenticationError) ? `${s.errorCheckAfterLostDelete} ` : '';
  const say = (text: string, server?: string): FailureWords => ({ server, text: lost + text, requestId });
  if (deleting && error instanceof ConflictError) {
    // The deletion with this key still under way: its outcome is unknown, never "nothing was deleted";
    // nor after a 409 that settles nothing about a deletion of unknown outcome.
    if (failure.outcome === 'unknown') return say(s.errorInProgressDelete);
    if (failure.mayBeDeleted) return say(s.errorUnreadableDelete);
    // Checks that show what blocks are the way forward; a refusal nothing explains is said as such,
    // with the server's own sentence, the only word on why.
    return snapshot.reason === 'blocked' ? say(s.errorConflict) : say(s.errorConflictUnexplained, error.fromServer ? error.detail : undefined);
  }
  if (error instanceof ReauthenticationRequiredError) return say(failure.mayBeDeleted ? s.errorReauthMayBeDeleted : s.errorReauth);
  if (error instanceof AuthenticationError) return say(failure.mayBeDeleted ? s.errorSignedOutMayBeDeleted : s.errorSignedOut);
  if (error instanceof RateLimitError) {
    // "Try again" where Delete is the way forward; else Check again is, and the words name it. A wait
    // of none (0, or a time already past) is a moment, not "0 seconds".
    const wait = (error.retryAfter ?? 0) > 0 ? error.retryAfter : undefined;
    return say(snapshot.actions.delete || forTheName(snapshot) ? s.errorRateLimited(wait) : s.errorRateLimitedCheck(wait));
  }
  if (error instanceof ServerError) return say(deleting ? s.errorServerDelete(error.status) : s.errorServerCheck(error.status));
  // No sentence of the server's: the SDK's stand-in is English, the kit's own words are not.
  if (error instanceof ApiError) return error.fromServer ? say(s.errorServerSaidNext, error.detail) : say(`${s.errorRefused(error.status)} ${s.errorServerSaidNext}`);
  if (error instanceof ConnectionError) return say(deleting ? s.errorConnectionDelete : s.errorConnectionCheck);
  if (error instanceof RequestTimeoutError) return say(deleting ? s.errorTimeoutDelete : s.errorTimeoutCheck);
  if (error instanceof InvalidResponseError) return say(deleting ? s.errorUnreadableDelete : s.errorUnreadableCheck);
  if (error instanceof RequestAbortedError) return say(deleting ? s.errorInterruptedDelete : s.errorConnectionCheck);
  return say(deleting ? s.errorInterruptedDelete : s.errorUnexpected);
}
