/**
 * The faults the panel must survive, one row each, with what a user must meet for each on the check
 * (GET preconditions) and on the deletion (DELETE account). The two test files walk this table.
 *
 * The client keeps its default retry policy (a failed GET is repeated twice after network errors,
 * 429 and 5xx) with no wait between tries, and the fake network gives every try the same answer
 * until the test changes it: so a row sees what a user behind a really broken server would see, and
 * states how many GETs went out.
 */
import { expect } from '@open-wc/testing';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestTimeoutError,
  ServerError,
  type ClientOptions,
} from '../../src/index.js';
import { conflictBody, clearBody, hang, networkError, reauthBody, status, text, type Reply } from '../panel/helpers.js';

export const REDIRECT = '#faults-done';

/** The client options every row runs with: the default retries, without their waits. */
export const FAULT_CLIENT: Omit<ClientOptions, 'fetch'> = { retry: { delay: () => 0 } };

/** Small enough to keep the suite fast, and still a real timeout of the real client. */
export const SHORT_TIMEOUT = 60;

/** What a DELETE that met this fault leaves behind, and so what the way forward must do. */
export type DeleteOutcome =
  /** The server said for sure that it will not delete (403, 404): nothing offers to repeat it. */
  | 'refused'
  /** Signed out: Delete waits; "Check again" (once signed in) and then Delete send a new request. */
  | 'signed-out'
  /** A fresh sign-in asked for: Delete waits; the host's retry() after the sign-in sends a new request. */
  | 'reauth'
  /** Not carried out (429): Delete sends a new request, with a fresh key. */
  | 'again'
  /** Nothing may have happened, or everything: Delete repeats the same request (the same key). */
  | 'unknown'
  /** Something blocks again: Delete stays unusable until a check says otherwise. */
  | 'blocked'
  /** The account is gone: the success message, then the redirect. */
  | 'deleted';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface FaultRow {
  fault: string;
  reply: Reply;
  /** Client options of this row only (a short timeout). */
  client?: Omit<ClientOptions, 'fetch'>;
  check: {
    /** The alert's whole text, as a user reads it. */
    sees: string;
    error: ErrorClass;
    /** GETs sent for one check: 3 when the SDK repeats it. */
    gets: 1 | 3;
  };
  delete: {
    /** The alert's whole text, or the success message's first sentence for `deleted`. */
    sees: string;
    error?: ErrorClass;
    outcome: DeleteOutcome;
  };
}

const json = { 'content-type': 'application/json' };

/** What a load balancer in front of the API answers when the API is down. */
export const PROXY_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center>' +
  '<hr><center>nginx</center><script>window.__faultsExecuted = true</script></body></html>';

/** What a captive portal or a corporate proxy answers in place of the API, with a 200. */
export const PROXY_LOGIN_PAGE =
  '<!doctype html><html><head><title>Sign in to the network</title></head><body><form action="/login"><input name="user">' +
  '<img src="x" onerror="window.__faultsExecuted = true"></form></body></html>';

const SERVER_CHECK = (code: number) =>
  `The server had a problem (status ${code}), so the account could not be checked. Check again in a moment.`;
const SERVER_DELETE = (code: number) =>
  `The server had a problem (status ${code}) and the deletion was not confirmed. Press Delete account again: it is safe, the account cannot be deleted twice.`;
const UNREADABLE_CHECK = 'The server’s answer could not be read, so deletion stays locked. Check again, or contact support if this keeps happening.';
const UNREADABLE_DELETE =
  'The server’s answer could not be read, so the deletion was not confirmed. Press Delete account again: it is safe, the account cannot be deleted twice.';
const SIGNED_OUT = 'You are signed out. Sign in again, then check again.';
const REAUTH = 'For your security, sign in again before deleting the account. Nothing was deleted.';
const RATE_LIMITED = 'Too many attempts. Wait 30 seconds, then try again.';
const RATE_LIMITED_CHECK = 'Too many attempts. Wait 30 seconds, then check again.';
const SUPPORT = 'If you think this is a mistake, contact support.';
export const DELETED = 'Your account has been successfully deleted.';

export const FAULTS: FaultRow[] = [
  {
    fault: 'a 401 (signed out)',
    reply: status(401, { detail: 'Authentication credentials were not provided.' }),
    check: { sees: SIGNED_OUT, error: AuthenticationError, gets: 1 },
    delete: { sees: SIGNED_OUT, error: AuthenticationError, outcome: 'signed-out' },
  },
  {
    fault: 'a 401 reauthentication_required',
    reply: status(401, reauthBody()),
    check: { sees: REAUTH, error: ReauthenticationRequiredError, gets: 1 },
    delete: { sees: REAUTH, error: ReauthenticationRequiredError, outcome: 'reauth' },
  },
  {
    fault: 'a 403',
    reply: status(403, { detail: 'This account is not allowed to be deleted.' }),
    check: { sees: `This account is not allowed to be deleted. ${SUPPORT}`, error: PermissionDeniedError, gets: 1 },
    delete: { sees: `This account is not allowed to be deleted. ${SUPPORT}`, error: PermissionDeniedError, outcome: 'refused' },
  },
  {
    fault: 'a 404',
    reply: status(404, { detail: 'Not found.' }),
    check: { sees: `Not found. ${SUPPORT}`, error: NotFoundError, gets: 1 },
    delete: { sees: `Not found. ${SUPPORT}`, error: NotFoundError, outcome: 'refused' },
  },
  {
    fault: 'a 409 with the current checks',
    reply: status(409, conflictBody()),
    // The check endpoint has no 409: the server refused to say, so nothing is known and nothing unlocks.
    check: { sees: `Resolve the items below before deleting this account. ${SUPPORT}`, error: ConflictError, gets: 1 },
    delete: {
      sees: 'Something changed since the last check: resolve the items in the list of checks, then check again.',
      error: ConflictError,
      outcome: 'blocked',
    },
  },
  {
    fault: 'a 410 (already deleted)',
    reply: status(410),
    check: { sees: `The server refused the request (status 410). ${SUPPORT}`, error: ApiError, gets: 1 },
    delete: { sees: DELETED, outcome: 'deleted' },
  },
  {
    fault: 'a 429 with Retry-After',
    reply: status(429, { detail: 'Request was throttled.' }, { 'Retry-After': '30' }),
    check: { sees: RATE_LIMITED_CHECK, error: RateLimitError, gets: 1 },
    delete: { sees: RATE_LIMITED, error: RateLimitError, outcome: 'again' },
  },
  {
    fault: 'a 500',
    reply: status(500, { detail: 'Internal server error.' }),
    check: { sees: SERVER_CHECK(500), error: ServerError, gets: 3 },
    delete: { sees: SERVER_DELETE(500), error: ServerError, outcome: 'unknown' },
  },
  {
    fault: 'a 502',
    reply: status(502, { errors: [{ status: '502', title: 'Bad gateway' }] }),
    check: { sees: SERVER_CHECK(502), error: ServerError, gets: 3 },
    delete: { sees: SERVER_DELETE(502), error: ServerError, outcome: 'unknown' },
  },
  {
    fault: 'a 503',
    reply: status(503, { detail: 'Service temporarily unavailable.' }),
    check: { sees: SERVER_CHECK(503), error: ServerError, gets: 3 },
    delete: { sees: SERVER_DELETE(503), error: ServerError, outcome: 'unknown' },
  },
  {
    fault: "a proxy's HTML error page (504)",
    reply: text(PROXY_ERROR_PAGE, 504, { 'content-type': 'text/html; charset=utf-8' }),
    check: { sees: SERVER_CHECK(504), error: ServerError, gets: 3 },
    delete: { sees: SERVER_DELETE(504), error: ServerError, outcome: 'unknown' },
  },
  {
    fault: "a proxy's HTML page with status 200",
    reply: text(PROXY_LOGIN_PAGE, 200, { 'content-type': 'text/html; charset=utf-8' }),
    check: { sees: UNREADABLE_CHECK, error: InvalidResponseError, gets: 1 },
    delete: { sees: UNREADABLE_DELETE, error: InvalidResponseError, outcome: 'unknown' },
  },
  {
    fault: 'an empty body with status 200',
    reply: text('', 200, json),
    check: { sees: UNREADABLE_CHECK, error: InvalidResponseError, gets: 1 },
    // Only a 204 says "deleted": a 200, even an empty one, leaves the outcome unknown.
    delete: { sees: UNREADABLE_DELETE, error: InvalidResponseError, outcome: 'unknown' },
  },
  {
    fault: 'a 202 "accepted" with an empty body',
    reply: text('', 202),
    check: { sees: UNREADABLE_CHECK, error: InvalidResponseError, gets: 1 },
    delete: { sees: UNREADABLE_DELETE, error: InvalidResponseError, outcome: 'unknown' },
  },
  {
    fault: 'an empty body with status 502',
    reply: text('', 502),
    check: { sees: SERVER_CHECK(502), error: ServerError, gets: 3 },
    delete: { sees: SERVER_DELETE(502), error: ServerError, outcome: 'unknown' },
  },
  {
    fault: 'a wrong content type (JSON sent as text/plain)',
    reply: text(JSON.stringify(clearBody()), 200, { 'content-type': 'text/plain' }),
    check: { sees: UNREADABLE_CHECK, error: InvalidResponseError, gets: 1 },
    delete: { sees: UNREADABLE_DELETE, error: InvalidResponseError, outcome: 'unknown' },
  },
  {
    fault: 'truncated JSON',
    reply: text(JSON.stringify(clearBody()).slice(0, 60), 200, json),
    check: { sees: UNREADABLE_CHECK, error: InvalidResponseError, gets: 1 },
    delete: { sees: UNREADABLE_DELETE, error: InvalidResponseError, outcome: 'unknown' },
  },
  {
    fault: 'a network failure',
    reply: networkError,
    check: { sees: 'No answer came through from the server. Check your connection, then check again.', error: ConnectionError, gets: 3 },
    delete: {
      sees: 'No answer came through from the server, so the deletion was not confirmed. Check your connection, then press Delete account again: it is safe.',
      error: ConnectionError,
      outcome: 'unknown',
    },
  },
  {
    fault: 'a timeout',
    reply: hang,
    client: { timeout: SHORT_TIMEOUT },
    check: { sees: 'The server took too long to answer. Check again.', error: RequestTimeoutError, gets: 1 },
    delete: {
      sees: 'The server took too long to answer, so the deletion was not confirmed. Press Delete account again: it is safe.',
      error: RequestTimeoutError,
      outcome: 'unknown',
    },
  },
];

/** The alert's words as a user reads them (white space collapsed, its buttons left out), or '' when there is none. */
export function alertText(el: HTMLElement): string {
  const alert = el.shadowRoot!.querySelector('[role="alert"]');
  if (!alert) return '';
  const words = alert.cloneNode(true) as Element;
  for (const button of words.querySelectorAll('button')) button.remove();
  return words.textContent!.replace(/\s+/g, ' ').trim();
}

/** Words for a person: no markup, no code, no stack, no placeholders left unfilled. */
export function expectPlainWords(words: string): void {
  expect(words, 'markup').not.to.match(/<\/?[a-z!][^>]*>?/i);
  expect(words, 'a stack trace').not.to.match(/\bat \S+ \(|\bat \S+:\d+:\d+|@\S+:\d+:\d+/);
  expect(words, 'an error class name').not.to.match(/\b\w*Error\b|DOMException|AbortSignal/);
  expect(words, 'an unfilled value').not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\[object /);
}

/** Puts the page's address back as it was before a redirect to a hash. */
export function resetLocation(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
