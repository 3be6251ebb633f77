/**
 * The answers the fake sends, in the shapes the real API uses: the v3 endpoint speaks `{"detail": …}`,
 * the v4 endpoint JSON:API `{"errors": […]}`, field errors come as `{"field": ["…"]}`, and what stands
 * in front of the API (gateways, portals) answers HTML.
 */
import type { FakeAnswer, FaultKind } from './types.js';

export type Route = 'preconditions' | 'delete' | 'other';

/** The kinds of fault that replace the answer outright (`race`, `network-error` and `lost-answer` are not answers). */
export type AnsweringFault = Exclude<FaultKind, 'race' | 'network-error' | 'lost-answer'>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeAnswer {
  return { type: 'response', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function noContent(): FakeAnswer {
  return { type: 'response', status: 204, headers: {}, body: '' };
}

function html(status: number, title: string): FakeAnswer {
  const body = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><hr><p>gateway</p></body></html>`;
  return { type: 'response', status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

/** v3 shape. */
export function detail(status: number, text: string, headers?: Record<string, string>): FakeAnswer {
  return json(status, { detail: text }, headers);
}

/** v4 JSON:API shape. */
export function jsonApiError(
  status: number,
  error: { code: string; title: string; detail: string; meta?: Record<string, unknown> },
  headers?: Record<string, string>,
): FakeAnswer {
  return json(status, { errors: [{ status: String(status), ...error }] }, headers);
}

/** Each version answers in its own shape. */
function errorFor(route: Route, status: number, code: string, title: string, text: string, headers?: Record<string, string>): FakeAnswer {
  return route === 'preconditions' ? jsonApiError(status, { code, title, detail: text }, headers) : detail(status, text, headers);
}

export const sessionEnded = (): FakeAnswer =>
  jsonApiError(401, {
    code: 'not_authenticated',
    title: 'Not signed in',
    detail: 'Your session has ended. Sign in to continue.',
  });

export const badToken = (route: Route): FakeAnswer =>
  errorFor(route, 401, 'not_authenticated', 'Not signed in', 'Authentication credentials were not provided or are invalid.');

export const notFound = (text = 'Not found.'): FakeAnswer => detail(404, text);

export const methodNotAllowed = (method: string, allow: string): FakeAnswer =>
  detail(405, `Method "${method}" not allowed.`, { allow });

export const keyTooLong = (): FakeAnswer =>
  json(400, { idempotency_key: ['Ensure this field has no more than 255 characters.'] });

export function blocked(checks: unknown[]): FakeAnswer {
  return jsonApiError(409, {
    code: 'account_has_blockers',
    title: 'Account cannot be deleted yet',
    detail: 'Resolve the items below before deleting this account.',
    meta: { checks },
  });
}

export function faultAnswer(kind: AnsweringFault, route: Route): FakeAnswer {
  switch (kind) {
    case 'server-error':
      return errorFor(route, 500, 'internal_error', 'Internal server error', 'A server error occurred.');
    case 'unavailable':
      return html(503, '503 Service Temporarily Unavailable');
    case 'forbidden':
      return errorFor(route, 403, 'permission_denied', 'Not allowed', 'This account is not allowed to be deleted.');
    case 'reauthentication-required':
      return jsonApiError(401, {
        code: 'reauthentication_required',
        title: 'Sign in again',
        detail: 'For your security, sign in again before deleting this account.',
      });
    case 'rate-limited':
      return errorFor(route, 429, 'throttled', 'Too many requests', 'Request was throttled. Expected available in 1 second.', {
        'retry-after': '1',
      });
    case 'malformed-json':
      return { type: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: '{"data": {"account": {"id": 1234, "na' };
    case 'wrong-shape':
      return json(200, { deletable: true, checks: [], account: 'Acme Corp' });
    case 'html':
      return html(200, 'Sign in to continue');
  }
}
