/**
 * Node HTTP adapters: the fake API and its control API as `(req, res, next?)` handlers for `node:http`,
 * Connect, Express or Vite's dev server. `req` and `res` are typed structurally so the kit's types
 * need no `@types/node` (which would clash with the DOM types the rest of the kit is checked against).
 */
import type { FakeBackend } from './backend.js';
import { runControl } from './control.js';
import type { FakeAnswer } from './types.js';

/** The part of Node's `IncomingMessage` the handlers read. */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  /** Set by Express and Connect when the handler is mounted below a path; preferred over `url`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The part of Node's `ServerResponse` the handlers use. */
export interface NodeResponseLike {
  statusCode: number;
  readonly writableEnded: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
  /** Destroys the socket: how the fake makes a network failure over real HTTP. */
  destroy(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** A Node/Connect/Express handler. Without `next`, a request outside its base answers 404. */
export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void) => void;

export interface FakeBackendHandlerOptions {
  /** The path the API is served under. Default `/api`. */
  apiBase?: string;
}

export interface ControlHandlerOptions {
  /** The path the control API is served under. Default `/__backend`. */
  base?: string;
}

const MAX_CONTROL_BODY = 16 * 1024;

/** The path below `base` (`/api`), or undefined when `url` is not under it. */
function pathBelow(url: string, base: string): string | undefined {
  const prefix = base.replace(/\/+$/, '');
  const [pathname = '', query] = url.split(/\?(.*)/s, 2);
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  return (pathname.slice(prefix.length) || '/') + (query === undefined ? '' : `?${query}`);
}

function send(res: NodeResponseLike, answer: Extract<FakeAnswer, { type: 'response' }>): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  // An explicit no-store keeps a browser or proxy from answering a re-check from cache.
  res.setHeader('cache-control', 'no-store');
  res.end(answer.body === '' ? undefined : answer.body);
}

function sendJson(res: NodeResponseLike, status: number, body: unknown): void {
  send(res, { type: 'response', status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Serves the fake API below `apiBase`. A `network-error` fault destroys the socket; since browsers repeat a
 * request once when a reused keep-alive connection closes unanswered, a server that wants that fault seen
 * sends `Connection: close` on its responses (as the demo server does).
 *
 * ```js
 * import http from 'node:http';
 * const backend = createFakeBackend();
 * const api = createFakeBackendHandler(backend, { apiBase: '/api' });
 * http.createServer((req, res) => api(req, res, () => serveStatic(req, res))).listen(8000);
 * ```
 */
export function createFakeBackendHandler(backend: FakeBackend, options: FakeBackendHandlerOptions = {}): NodeHandler {
  const apiBase = options.apiBase ?? '/api';
  return (req, res, next) => {
    const path = pathBelow(req.originalUrl ?? req.url ?? '/', apiBase);
    if (path === undefined) {
      if (next) next();
      else sendJson(res, 404, { detail: 'Not found.' });
      return;
    }
    // A browser that gives up (abort, timeout, closed tab) closes the connection: the fake then does
    // nothing, as `handle()` promises for an aborted signal.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    backend.handle({ method: req.method ?? 'GET', path, headers: req.headers }, gone.signal).then(
      (answer) => {
        if (answer.type === 'network-error') res.destroy();
        else if (!res.writableEnded) send(res, answer);
      },
      (error: unknown) => {
        if (gone.signal.aborted) return;
        if (next) next(error);
        else res.destroy();
      },
    );
  };
}

function readBody(req: NodeRequestLike): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder();
    let text = '';
    req.on('data', (chunk) => {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text.length > MAX_CONTROL_BODY) reject(new RangeError('The body is too large.'));
    });
    req.on('end', () => resolve(text + decoder.decode()));
    req.on('error', reject);
  });
}

async function answerControl(backend: FakeBackend, req: NodeRequestLike, res: NodeResponseLike, method: string, path: string) {
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    sendJson(res, 400, { detail: error instanceof RangeError ? error.message : 'The body is not JSON.' });
    return;
  }
  try {
    const answer = runControl(backend, method, path, body);
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    sendJson(res, 500, { detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Serves the control API below `base` (see `CONTROL_ROUTES`), each route answering with a `ControlSnapshot`.
 * Changes must be sent as `Content-Type: application/json`: a cross-site page cannot send that without a
 * CORS preflight, so another site open in the same browser cannot steer the fake.
 */
export function createFakeBackendControlHandler(backend: FakeBackend, options: ControlHandlerOptions = {}): NodeHandler {
  const base = options.base ?? '/__backend';
  return (req, res, next) => {
    const path = pathBelow(req.originalUrl ?? req.url ?? '/', base);
    if (path === undefined) {
      if (next) next();
      else sendJson(res, 404, { detail: 'Not found.' });
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = String(req.headers['content-type'] ?? '');
    if (method !== 'GET' && !/^application\/json\b/i.test(contentType)) {
      sendJson(res, 415, { detail: 'Send control requests as application/json.' });
      return;
    }
    void answerControl(backend, req, res, method, path);
  };
}
