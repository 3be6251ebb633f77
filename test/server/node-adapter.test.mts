// toNodeHandler over a real node:http server, with the fake Azion API over real HTTP behind it
// (azion() pointed at it by URL): every byte crosses a socket both ways.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.ts';
import { toNodeHandler } from '../../src/server/node.ts';
import { createFakeAzionApi, createFakeAzionApiHandler } from '../../testing/index.ts';
import { checkAnswer } from './openapi.mts';

const upstream = createFakeAzionApi({ sessionCookie: 'cookie-1' });
let azionServer: http.Server;
let portal: http.Server;
let base: string;
const fellThrough: string[] = [];

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

before(async () => {
  azionServer = http.createServer(createFakeAzionApiHandler(upstream));
  const azionBase = await listen(azionServer);
  const handler = createDeletionHandler({
    basePath: '/api',
    ...azion({ auth: 'forward', apiBase: azionBase, ssoBase: azionBase }),
    idempotency: memoryStore(),
    checkTimeout: 500,
  });
  const api = toNodeHandler(handler);
  // A Connect-style chain: the API first, then the rest of the portal.
  portal = http.createServer((req, res) =>
    api(req, res, () => {
      fellThrough.push(req.url ?? '');
      res.statusCode = 200;
      res.end('the portal page');
    }),
  );
  base = await listen(portal);
});

after(() => {
  portal?.closeAllConnections();
  portal?.close();
  azionServer?.closeAllConnections();
  azionServer?.close();
});

const cookie = { cookie: 'azsid=cookie-1' };

/** One request over a raw socket, for what fetch refuses to send (TRACE, a path that starts with //). */
function raw(url: string, method: string, path: string, headers: http.OutgoingHttpHeaders = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A node:http server with the handler alone (no next), over the fake Azion API called in process. */
async function alone() {
  const fake = createFakeAzionApi({ sessionCookie: 'cookie-1' });
  fake.resolveAll();
  const handler = createDeletionHandler({ ...azion({ auth: 'forward', fetch: fake.fetch }), idempotency: memoryStore(), checkTimeout: 500 });
  const server = http.createServer(toNodeHandler(handler));
  const url = await listen(server);
  return { url, fake, [Symbol.asyncDispose]: async () => void (server.closeAllConnections(), server.close()) };
}

describe('toNodeHandler over HTTP, with Azion over HTTP', () => {
  it('answers the check over real sockets, in the contract\'s shape', async () => {
    upstream.reset();
    const response = await fetch(`${base}/api/v4/account/deletion/preconditions`, { headers: cookie });
    assert.equal(response.status, 200);
    const verdict = await checkAnswer('/v4/account/deletion/preconditions', 'GET', response);
    assert.deepEqual(verdict.problems, []);
    assert.equal((verdict.body as any).data.account.name, 'Acme Corp');
    assert.ok(upstream.requests.every((r) => r.headers['cookie'] === 'azsid=cookie-1'));
  });

  it('deletes once and answers 204 with no body; the repeat answers 204 again', async () => {
    upstream.reset();
    upstream.resolveAll();
    const send = () => fetch(`${base}/api/v3/account/1234`, { method: 'DELETE', headers: { ...cookie, 'idempotency-key': 'http-key' } });
    const first = await send();
    assert.equal(first.status, 204);
    assert.equal(await first.text(), '');
    assert.equal((await send()).status, 204);
    assert.equal(upstream.requests.filter((r) => r.method === 'DELETE').length, 1);
    assert.equal(upstream.state.deleted, true);
  });

  it('passes requests outside its base path on to the next handler, and answers 404 inside it', async () => {
    const page = await fetch(`${base}/settings`);
    assert.equal(await page.text(), 'the portal page');
    assert.deepEqual(fellThrough.slice(-1), ['/settings']);
    const missing = await fetch(`${base}/api/nothing`);
    assert.equal(missing.status, 404);
    assert.deepEqual((await checkAnswer(undefined, 'GET', missing)).problems, []);
  });

  it('TRACE, a method a Request refuses, on either known path: 405 with Allow and the headers of every answer', async () => {
    upstream.reset();
    const method = 'TRACE';
    for (const [path, allow] of [
      ['/api/v4/account/deletion/preconditions', 'GET'],
      ['/api/v3/account/1234', 'DELETE'],
    ] as const) {
      const answer = await raw(base, method, path, cookie);
      assert.deepEqual(
        { status: answer.status, allow: answer.headers.allow, cache: answer.headers['cache-control'], nosniff: answer.headers['x-content-type-options'] },
        { status: 405, allow, cache: 'no-store', nosniff: 'nosniff' },
        `${method} ${path} answered ${answer.status} ${answer.body}`,
      );
      assert.match(String(answer.headers['x-request-id']), /^[0-9a-f-]{36}$/);
      const body = JSON.parse(answer.body);
      assert.equal(body.errors[0].code, 'method_not_allowed');
      assert.match(body.errors[0].detail, new RegExp(`^${method} is not allowed here`));
    }
    assert.equal(upstream.requests.length, 0);
  });

  it('a path that starts with // is a path, not a host: //elsewhere/api/… is not below /api, so it goes on to the next handler', async () => {
    upstream.reset();
    const answer = await raw(base, 'GET', '//elsewhere/api/v4/account/deletion/preconditions', cookie);
    assert.equal(answer.body, 'the portal page');
    assert.deepEqual(fellThrough.slice(-1), ['//elsewhere/api/v4/account/deletion/preconditions']);
    assert.equal(upstream.requests.length, 0);
  });

  it('with no next handler, //elsewhere/api/… is a 404 and Azion is not asked', async () => {
    await using server = await alone();
    const answer = await raw(server.url, 'GET', '//elsewhere/api/v4/account/deletion/preconditions', cookie);
    assert.equal(answer.status, 404, answer.body);
    assert.equal(answer.headers['cache-control'], 'no-store');
    assert.equal(server.fake.requests.length, 0);
  });

  it('a request target in absolute form (GET http://host/api/… HTTP/1.1, RFC 9112) is answered by the handler, not passed on', async () => {
    upstream.reset();
    upstream.resolveAll();
    const before = fellThrough.length;
    const answer = await raw(base, 'GET', `${base}/api/v4/account/deletion/preconditions`, cookie);
    assert.equal(answer.status, 200, answer.body);
    assert.equal(JSON.parse(answer.body).data.deletable, true);
    assert.equal(fellThrough.length, before);
  });

  it('with no next handler, the absolute form is answered too', async () => {
    await using server = await alone();
    const answer = await raw(server.url, 'GET', `${server.url}/api/v4/account/deletion/preconditions`, cookie);
    assert.equal(answer.status, 200, answer.body);
  });

  it('a network failure of Azion (its socket destroyed) makes that check unavailable', async () => {
    upstream.reset();
    upstream.resolveAll();
    upstream.failNext('network-error', { on: 'applications' });
    const response = await fetch(`${base}/api/v4/account/deletion/preconditions`, { headers: cookie });
    const data = ((await response.json()) as any).data;
    assert.equal(data.deletable, false);
    assert.equal(data.checks[1].status, 'unavailable');
    assert.match(data.checks[1].message, /could not be reached/);
  });

  it('a client that hangs up aborts the checks it asked for', async () => {
    upstream.reset();
    upstream.setLatency(400);
    const controller = new AbortController();
    const pending = fetch(`${base}/api/v4/account/deletion/preconditions`, { headers: cookie, signal: controller.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 100));
    upstream.setLatency(0);
    assert.ok(upstream.requests.length > 0);
    assert.ok(upstream.requests.every((r) => r.aborted), JSON.stringify(upstream.requests.map((r) => [r.endpoint, r.aborted])));
  });

  it('mounted below a path (Express app.use(\'/api\', …)), it reads originalUrl', async () => {
    const handler = createDeletionHandler({
      basePath: '/api',
      account: () => ({ id: 1, name: 'Mounted' }),
      checks: [{ type: 'x', evaluate: () => ({ type: 'x', status: 'passed' }) }],
      deleteAccount: () => undefined,
      idempotency: memoryStore(),
    });
    const api = toNodeHandler(handler);
    const mounted = http.createServer((req, res) => {
      // What Express does for app.use('/api', api): url below the mount, originalUrl whole.
      const originalUrl = req.url ?? '/';
      api(Object.assign(req, { url: originalUrl.slice('/api'.length), originalUrl }), res, () => res.end('next'));
    });
    const url = await listen(mounted);
    try {
      const response = await fetch(`${url}/api/v4/account/deletion/preconditions`);
      assert.equal(((await response.json()) as any).data.account.name, 'Mounted');
    } finally {
      mounted.closeAllConnections();
      mounted.close();
    }
  });
});
