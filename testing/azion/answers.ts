/**
 * What the fake Azion API answers, in the shapes Azion's own services use: the SSO and the v3 API
 * answer `{"detail": …}` (field errors top level, or nested under `detail` on the account deletion),
 * the v4 workspace API JSON:API `{"errors": [{…}]}`, the payments service `{"errors": ["…"]}`; in front
 * of them, gateways answer HTML. Lists come in the v4 paging envelope.
 */
import type { AzionEndpoint, AzionFaultKind } from './types.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function json(status: number, body: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const noContent = (): Answer => ({ status: 204, headers: {}, body: '' });

function html(status: number, title: string): Answer {
  const body = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

type Shape = 'detail' | 'json-api' | 'sentences';

const SHAPES: Record<AzionEndpoint, Shape> = {
  account: 'detail',
  user: 'detail',
  dns_zones: 'json-api',
  applications: 'json-api',
  payments: 'sentences',
  delete: 'detail',
};

/** An error in the shape `endpoint` answers with (or `detail` for a path the fake does not know). */
export function error(endpoint: AzionEndpoint | undefined, status: number, code: string, title: string, text: string): Answer {
  const shape = endpoint ? SHAPES[endpoint] : 'detail';
  if (shape === 'json-api') return json(status, { errors: [{ status: String(status), code, title, detail: text }] });
  if (shape === 'sentences') return json(status, { errors: [text] });
  return json(status, { detail: text });
}

export const notAuthenticated = (endpoint: AzionEndpoint | undefined, ended = false): Answer =>
  error(endpoint, 401, 'not_authenticated', 'Not authenticated', ended ? 'Your session has ended.' : 'Authentication credentials were not provided.');

export const notFound = (endpoint?: AzionEndpoint, text = 'Not found.'): Answer => error(endpoint, 404, 'not_found', 'Not found', text);

/** The v4 paging envelope over `all`, for the page the query asks; a 400 or 404 for a bad page. */
export function envelope(endpoint: AzionEndpoint, url: URL, all: unknown[]): Answer {
  const pageParam = url.searchParams.get('page') ?? '1';
  const sizeParam = url.searchParams.get('page_size') ?? '10';
  if (!/^[1-9]\d*$/.test(pageParam) || !/^[1-9]\d*$/.test(sizeParam)) {
    return error(endpoint, 400, 'invalid_parameter', 'Invalid parameter', 'page and page_size must be whole numbers of at least 1.');
  }
  const pageSize = Math.min(Number(sizeParam), 100);
  const page = Number(pageParam);
  const totalPages = Math.max(1, Math.ceil(all.length / pageSize));
  if (page > totalPages) return error(endpoint, 404, 'not_found', 'Not found', 'Invalid page.');
  const link = (to: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(to));
    return next.href;
  };
  return json(200, {
    count: all.length,
    total_pages: totalPages,
    page,
    page_size: pageSize,
    next: page < totalPages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: all.slice((page - 1) * pageSize, page * pageSize),
  });
}

const WRONG_SHAPES: Record<AzionEndpoint, unknown> = {
  account: { id: '1234', name: 'Acme Corp' },
  user: { is_account_owner: true },
  dns_zones: { count: 0 },
  applications: { count: 0, data: [] },
  payments: { results: [] },
  delete: { deleted: true },
};

/** The answer a fault gives instead of the normal one (not `slow`, `network-error` or `lost-answer`). */
export function faultAnswer(kind: AzionFaultKind, endpoint: AzionEndpoint | undefined): Answer {
  switch (kind) {
    case 'server-error':
      return error(endpoint, 500, 'internal_error', 'Internal server error', 'A server error occurred.');
    case 'unavailable':
      return html(503, '503 Service Temporarily Unavailable');
    case 'html':
      return html(200, 'Sign in to Azion');
    case 'unauthorized':
      return notAuthenticated(endpoint);
    case 'forbidden':
      return endpoint === 'delete'
        ? json(403, { detail: 'This account is not allowed to be deleted.' })
        : error(endpoint, 403, 'permission_denied', 'Permission denied', 'You do not have permission to perform this action.');
    case 'refused':
      return endpoint === 'delete'
        ? json(400, { detail: { account: ['This account cannot be deleted while it has an open contract.'] } })
        : json(400, { non_field_errors: ['The request could not be processed.'] });
    case 'cut-off':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"count": 3, "results": [{"id": 81, "na' };
    case 'wrong-shape':
      return json(200, endpoint ? WRONG_SHAPES[endpoint] : {});
    case 'rate-limited':
      return { ...json(429, { detail: 'Request was throttled. Expected available in 30 seconds.' }), headers: { 'content-type': 'application/json', 'retry-after': '30' } };
    case 'gone':
      return json(410, { detail: 'Account already deleted.' });
    default:
      throw new RangeError(`The fault ${kind} has no answer of its own.`);
  }
}
