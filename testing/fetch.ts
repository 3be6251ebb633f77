/**
 * A `fetch` that answers from the fake backend instead of the network, with real `Response` objects,
 * so an integrator's unit test runs the real SDK (or the panel) with no server.
 */
import type { FakeBackend } from './backend.js';
import { notFound } from './answers.js';

export interface FakeFetchOptions {
  /** The API base the SDK was given. Default `/api`. Requests outside it answer 404. */
  apiBase?: string;
  /** What relative URLs resolve against. Default the page's address, or `http://localhost/` outside a page. */
  baseUrl?: string;
}

function pageUrl(): string {
  const location = (globalThis as { location?: { href?: string } }).location;
  return location?.href ?? 'http://localhost/';
}

/** The path below `base`, or undefined when `url` is not under it. */
function pathBelow(url: URL, base: URL): string | undefined {
  if (url.origin !== base.origin) return undefined;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return undefined;
  return (url.pathname.slice(prefix.length) || '/') + url.search;
}

/**
 * Makes a `fetch`-compatible function backed by `backend`, for the SDK's `fetch` option:
 *
 * ```ts
 * const backend = createFakeBackend();
 * const client = createAccountDeletionClient({ apiBase: '/api', fetch: createFakeFetch(backend) });
 * ```
 *
 * It honours the request's `AbortSignal` (rejecting with its reason, as fetch does) and the backend's
 * latency; a `network-error` fault rejects with a `TypeError`, as fetch does when no answer comes.
 */
export function createFakeFetch(backend: FakeBackend, options: FakeFetchOptions = {}): typeof globalThis.fetch {
  return async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const baseUrl = options.baseUrl ?? pageUrl();
    // Request does the merging of `input` and `init` (headers, method, signal) exactly as fetch would.
    const request = new Request(input instanceof Request ? input : new URL(String(input), baseUrl), init);
    if (request.signal.aborted) throw request.signal.reason;

    const apiBase = options.apiBase ?? '/api';
    const path = pathBelow(new URL(request.url), new URL(apiBase, baseUrl));
    // A URL outside the base is a test's set-up mistake; say so in the body instead of a bare 404.
    const answer =
      path === undefined
        ? notFound(`The fake backend only answers below ${apiBase}; it was asked for ${request.url}.`)
        : await backend.handle({ method: request.method, path, headers: request.headers }, request.signal);
    if (answer.type === 'network-error') throw new TypeError('Failed to fetch');
    const nullBody = request.method === 'HEAD' || answer.status === 204 || answer.status === 205 || answer.status === 304;
    // The same headers as the HTTP server of the demo sends (node-handler.ts).
    const headers = { ...answer.headers, 'cache-control': 'no-store' };
    return new Response(nullBody ? null : answer.body, { status: answer.status, headers });
  };
}
