/**
 * The fake Azion API over real HTTP, for a server half that reaches it by URL (`azion({ apiBase,
 * ssoBase })` pointed at a local port). A withheld answer destroys the socket, as a network failure does.
 */
import type { NodeHandler } from '../node-handler.js';
import { NoAnswer, type FakeAzionApi } from './api.js';

/**
 * `(req, res)` for `node:http`:
 *
 * ```js
 * const upstream = createFakeAzionApi();
 * http.createServer(createFakeAzionApiHandler(upstream)).listen(0, '127.0.0.1');
 * ```
 */
export function createFakeAzionApiHandler(api: FakeAzionApi): NodeHandler {
  return (req, res) => {
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name.startsWith(':')) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const request = new Request(new URL(req.url ?? '/', 'http://fake-azion.invalid'), { method: req.method ?? 'GET', headers, signal: gone.signal });
    api.handle(request).then(
      async (response) => {
        const body = await response.text();
        if (res.writableEnded) return;
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.end(body === '' ? undefined : body);
      },
      (error: unknown) => {
        if (error instanceof NoAnswer || gone.signal.aborted) res.destroy();
        else {
          res.statusCode = 500;
          res.end(JSON.stringify({ detail: String(error) }));
        }
      },
    );
  };
}
