/**
 * Every answer the handler gives, in the shapes of the OpenAPI contract: JSON:API errors
 * (`{"errors": [{status, code, title, detail}]}`), the v3 endpoint's `{"detail": …}` for a refusal of
 * the deletion, and the precondition body. Answers are kept as plain parts first, so that a request
 * waiting on the same Idempotency-Key can be given a copy.
 */
import type { AccountInfo, Check } from './types.js';

/** An answer before it becomes a `Response`: what a waiting duplicate receives a copy of. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null for a 204. */
  body: string | null;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function noContent(): Answer {
  return { status: 204, headers: {}, body: null };
}

/** The v4 shape, which every answer of the handler's own uses. */
export function jsonApiError(
  status: number,
  error: { code: string; title: string; detail: string; source?: Record<string, string>; meta?: Record<string, unknown> },
  headers?: Record<string, string>,
): Answer {
  return json(status, { errors: [{ status: String(status), ...error }] }, headers);
}

/** The v3 shape Azion's delete endpoint answers a refusal with, as the console reads it. */
export function detail(status: number, text: string): Answer {
  return json(status, { detail: text });
}

export const notFound = (): Answer =>
  jsonApiError(404, { code: 'not_found', title: 'Not found', detail: 'There is nothing at this address.' });

export const methodNotAllowed = (method: string, allow: string): Answer =>
  jsonApiError(405, { code: 'method_not_allowed', title: 'Method not allowed', detail: `${method} is not allowed here; use ${allow}.` }, { allow });

export const badIdempotencyKey = (sent: boolean): Answer =>
  jsonApiError(400, {
    code: 'invalid_idempotency_key',
    title: 'Invalid Idempotency-Key',
    detail: sent
      ? 'The Idempotency-Key must be 1 to 255 printable ASCII characters, with no space at either end.'
      : 'An Idempotency-Key header is required to delete the account.',
    source: { header: 'Idempotency-Key' },
  });

/** A key still being carried out, here or elsewhere, or whose DELETE went out with no known outcome. */
export const keyInUse = (): Answer =>
  jsonApiError(409, {
    code: 'idempotency_key_in_use',
    title: 'Request already in progress',
    detail: 'A request with this Idempotency-Key is still being carried out, or its outcome is not known, so it is not sent again. Check the account in a moment.',
  });

export const blocked = (checks: Check[]): Answer =>
  jsonApiError(409, {
    code: 'account_has_blockers',
    title: 'Account cannot be deleted yet',
    detail: 'Resolve the items below before deleting this account.',
    meta: { checks },
  });

export const unauthorized = (text: string, code = 'not_authenticated'): Answer =>
  jsonApiError(401, { code, title: 'Not signed in', detail: text });

/** A 403 in the endpoint's own shape: JSON:API on the v4 check, `{"detail"}` on the v3 deletion. */
export const forbidden = (text: string, v3: boolean): Answer =>
  v3 ? detail(403, text) : jsonApiError(403, { code: 'permission_denied', title: 'Not allowed', detail: text });

/** The upstream asked for fewer requests: nothing was carried out, and `Retry-After` says when to try again. */
export const rateLimited = (text: string, retryAfter: number | undefined): Answer =>
  jsonApiError(429, { code: 'rate_limited', title: 'Too many requests', detail: text }, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });

export const badGateway = (text: string): Answer =>
  jsonApiError(502, { code: 'bad_gateway', title: 'Upstream failure', detail: text });

export const gatewayTimeout = (text: string): Answer =>
  jsonApiError(504, { code: 'gateway_timeout', title: 'Upstream timeout', detail: text });

export const internalError = (): Answer =>
  jsonApiError(500, { code: 'internal_error', title: 'Server error', detail: 'The server failed to answer this request.' });

export const storeUnavailable = (): Answer =>
  jsonApiError(503, {
    code: 'idempotency_store_unavailable',
    title: 'Service unavailable',
    detail: 'The server could not make sure this deletion runs only once, so it did not start it. Try again shortly.',
  });

export function preconditions(account: AccountInfo, checks: Check[], checkedAt: Date): Answer {
  return json(200, {
    data: {
      account: account.kind === undefined ? { id: account.id, name: account.name } : { id: account.id, name: account.name, kind: account.kind },
      // Vacuous truth must never delete: no checks, no permission.
      deletable: checks.length > 0 && checks.every((check) => check.status === 'passed'),
      checked_at: checkedAt.toISOString(),
      checks,
    },
  });
}

/** The parts as a `Response`, with this request's id and headers no answer may lack. */
export function toResponse(answer: Answer, requestId: string): Response {
  const headers = new Headers(answer.headers);
  headers.set('x-request-id', requestId);
  // Every answer is about this user now: a cached check could unlock Delete, a cached 204 could lie.
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  return new Response(answer.body, { status: answer.status, headers });
}
