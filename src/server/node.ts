/**
 * `toNodeHandler`: the Fetch API handler as a `(req, res, next?)` handler for `node:http`, Express
 * and Connect. A file of its own so the handler's module graph never meets Node. `req` and `res` are
 * typed by the few members used, so no `@types/node` is needed to compile against it.
 */
import { jsonApiError, toResponse } from './answers.js';
import type { DeletionHandler } from './types.js';

/** The part of Node's `IncomingMessage` the adapter reads. */
export interface NodeRequest {
  method?: string | undefined;
  url?: string | undefined;
  /** Set by Express and Connect below a mount path; preferred over `url`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The part of Node's `ServerResponse` the adapter uses. */
export interface NodeResponse {
  statusCode: number;
  readonly writableEnded: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: Uint8Array): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export type NodeHandler = (req: NodeRequest, res: NodeResponse, next?: (error?: unknown) => void) => void;

/** A host header fit for a URL, else `localhost`: the handler reads only the path, hooks may read more. */
function hostOf(req: NodeRequest): string {
  const host = req.headers.host;
  return typeof host === 'string' && /^[\w.-]+(:\d{1,5})?$|^\[[\d:a-fA-F.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
}

/**
 * The request target as a path: the origin form as it is, and the absolute form
 * (`GET http://host/api/… HTTP/1.1`, which RFC 9112 says a server must accept) without its scheme and
 * host, which the handler does not read.
 */
function targetOf(req: NodeRequest): string {
  return (req.originalUrl ?? req.url ?? '/').replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '') || '/';
}

function toRequest(req: NodeRequest, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (`:path`) are not headers a Request may carry.
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  const path = targetOf(req);
  // Joined as text, never resolved against a base: `//elsewhere/api/…` is a path here, not a host.
  const url = `http://${hostOf(req)}${path.startsWith('/') ? path : `/${path}`}`;
  const method = req.method ?? 'GET';
  // Neither endpoint takes a body, so none is read: a DELETE with one is answered all the same.
  try {
    return new Request(url, { method, headers, signal });
  } catch (error) {
    // TRACE, TRACK and CONNECT are methods a Request refuses. A stand-in no route allows carries the
    // request, and it reports its real method, so the handler answers it as any other (405 or 404).
    if (!/^[A-Z]+$/.test(method)) throw error;
    const request = new Request(url, { method: 'OPTIONS', headers, signal });
    return Object.defineProperty(request, 'method', { value: method });
  }
}

/** Writes a Fetch API `Response` to Node's response. */
async function write(res: NodeResponse, response: Response): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  if (res.writableEnded) return;
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(body.byteLength > 0 ? body : undefined);
}

function below(pathname: string, basePath: string): boolean {
  return pathname.startsWith(`${basePath}/`);
}

/**
 * Adapts `handler` to Node:
 *
 * ```js
 * http.createServer(toNodeHandler(handler)).listen(8000);            // node:http
 * app.use(toNodeHandler(handler));                                   // Express, Connect
 * ```
 *
 * With `next` (Express, Connect), requests outside the handler's `basePath` go on to the next
 * middleware; without it they are answered 404 by the handler. A client that closes the connection
 * aborts `request.signal`: the checks stop, a deletion already started does not.
 */
export function toNodeHandler(handler: DeletionHandler): NodeHandler {
  if (typeof handler !== 'function') throw new TypeError('toNodeHandler needs the handler that createDeletionHandler returned.');
  const basePath = typeof handler.basePath === 'string' ? handler.basePath : undefined;
  return (req, res, next) => {
    const pathname = targetOf(req).split(/[?#]/, 1)[0] ?? '/';
    if (next && basePath !== undefined && !below(pathname, basePath)) return next();

    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, gone.signal);
    } catch {
      // With the headers every answer of the handler carries.
      const unread = jsonApiError(400, { code: 'bad_request', title: 'Bad request', detail: 'The request could not be read.' });
      void write(res, toResponse(unread, crypto.randomUUID()));
      return;
    }
    handler(request)
      .then((response) => write(res, response))
      .catch((error: unknown) => {
        if (next) return next(error);
        if (res.writableEnded) return;
        res.statusCode = 500;
        res.end();
      });
  };
}
