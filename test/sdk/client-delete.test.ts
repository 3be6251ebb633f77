import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  AccountDeletionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  createAccountDeletionClient,
  isIdempotencyKey,
  newIdempotencyKey,
} from '../../src/index.js';
import { outcomeOf } from '../../src/flow/index.js';
import { PROXY_HTML, breakingOff, conflictBody, fakeNetwork, json, raw, rejectionOf, stalling } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deleteAccount', () => {
  afterEach(() => sinon.restore());

  describe('the answer: only a 204 (or 410) says deleted', () => {
    it('deletes the account on 204 and says it was not deleted before', async () => {
      const net = fakeNetwork(raw(null, 204, { 'X-Request-Id': 'req-204' }));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234);

      expect(result).to.deep.include({ accountId: 1234, alreadyDeleted: false, requestId: 'req-204' });
      expect(result.idempotencyKey).to.match(UUID);
    });

    it('sends DELETE to the v3 account path with the key it reports', async () => {
      const net = fakeNetwork(raw(null, 204));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234);

      const [request] = net.requests;
      expect(request!.method).to.equal('DELETE');
      expect(request!.url).to.equal(`${location.origin}/api/v3/account/1234`);
      expect(request!.headers.get('idempotency-key')).to.equal(result.idempotencyKey);
    });

    it('accepts the account object from getPreconditions', async () => {
      const net = fakeNetwork(raw(null, 204));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount({ id: 77 });
      expect(result.accountId).to.equal(77);
      expect(net.requests[0]!.url).to.match(/\/api\/v3\/account\/77$/);
    });


    it('treats 410 as success: the account was already deleted', async () => {
      const net = fakeNetwork(json({ detail: 'Gone.' }, 410, { 'X-Request-Id': 'req-410' }));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { idempotencyKey: 'k-1' });
      expect(result).to.deep.equal({ accountId: 1234, alreadyDeleted: true, idempotencyKey: 'k-1', requestId: 'req-410' });
    });

    it('treats an empty 410 from a proxy as already deleted too', async () => {
      const net = fakeNetwork(raw('', 410));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234);
      expect(result.alreadyDeleted).to.equal(true);
      expect(result.requestId).to.equal(undefined);
    });

    for (const [what, body, type] of [
      ["a gateway's HTML page", '<html><body>410 Gone - nginx</body></html>', 'text/html'],
      ['plain text', 'Gone', 'text/plain'],
      ['broken JSON', '{"detail": "Go', 'application/json'],
    ] as const) {
      it(`refuses to call a 410 with ${what} "already deleted": the outcome is unknown`, async () => {
        const net = fakeNetwork(raw(body, 410, { 'content-type': type }));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(410);
        expect(error.message).to.include('may not have been deleted');
        expect(outcomeOf('delete', error)).to.equal('unknown');
      });
    }

    for (const [what, answer] of [
      ['breaks off', () => breakingOff('<html><body>502 Bad Gat', 410, { 'content-type': 'text/html' })],
      ['stalls', () => stalling('<html><body>502 Bad Gat', 410, { 'content-type': 'text/html' })],
    ] as const) {
      it(`refuses to call a 410 whose body ${what} "already deleted": a body cut off is no empty one`, async () => {
        // Before: the body that could not be read counted as none, and the 410 as the API's empty one.
        const net = fakeNetwork(answer());
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 100 }).deleteAccount(1234))) as InvalidResponseError;

        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(410);
        expect(outcomeOf('delete', error)).to.equal('unknown');
      });
    }

    it('refuses to call a gateway HTML page a deletion, even with status 200', async () => {
      const net = fakeNetwork(raw(PROXY_HTML, 200, { 'content-type': 'text/html; charset=utf-8' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

      expect(error).to.be.instanceOf(InvalidResponseError);
      expect(error.status).to.equal(200);
      expect(error.message).to.include('may not have been deleted');
      expect(error.message).not.to.include('<');
    });

    for (const [what, body, type] of [
      ['cut-off JSON', '{"data": {"id": 12', 'application/json'],
      ['plain text', 'OK', 'text/plain'],
      ['JSON sent as text', '{"ok": true}', 'text/plain'],
    ] as const) {
      it(`refuses to call a 200 with ${what} a deletion`, async () => {
        const net = fakeNetwork(raw(body, 200, { 'content-type': type }));
        const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234));
        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(net.requests).to.have.length(1);
      });
    }

    for (const [what, answer] of [
      ['a 200 with a JSON body', () => json({ data: { id: 1234 } }, 200)],
      ['a 200 carrying an error body', () => json(conflictBody(), 200)],
      ['a 200 with no body', () => raw(null, 200)],
      ['a 202 (accepted, not done)', () => raw('', 202)],
      ['a 205', () => raw(null, 205)],
    ] as const) {
      it(`refuses to call ${what} a deletion: only 204 says deleted`, async () => {
        const response = answer();
        const net = fakeNetwork(response);
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(response.status);
        expect(error.message).to.include('may not have been deleted');
        expect(net.requests).to.have.length(1);
      });
    }

    it('refuses to call a 204 reached through a redirect a deletion', async () => {
      const redirected = raw(null, 204);
      Object.defineProperty(redirected, 'redirected', { value: true });
      const net = fakeNetwork(redirected);
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

      expect(error).to.be.instanceOf(InvalidResponseError);
      expect(error.message).to.equal('The server answered 204 after a redirect; the account may not have been deleted.');
    });

    it('refuses to call a 410 or a 409 reached through a redirect an answer of the API', async () => {
      // A custom fetch that follows redirects, though the DELETE asked it not to: what answers at the end
      // (a sign-in page's 410, say) is not the API telling of this account.
      for (const status of [410, 409]) {
        const redirected = json({ detail: 'Gone.' }, status);
        Object.defineProperty(redirected, 'redirected', { value: true });
        const net = fakeNetwork(redirected);
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

        expect(error, String(status)).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(status);
        expect(error.message).to.include('a redirect');
        expect(error.message).to.include('may not have been carried out');
      }
    });

    describe('a redirect', () => {
      it('asks the browser not to follow a redirect', async () => {
        const net = fakeNetwork(raw(null, 204));
        await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234);
        expect(net.requests[0]!.redirect).to.equal('manual');
      });

      it('calls a 3xx handed over by a custom fetch an unknown outcome', async () => {
        const net = fakeNetwork(raw(null, 307, { Location: '/elsewhere' }));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;

        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(307);
        expect(error.message).to.include('redirect (status 307)');
      });

      for (const code of [301, 302, 303, 307, 308]) {
        it(`sends no second DELETE when a real server answers ${code}`, async () => {
          const run = `sdk-${code}-${newIdempotencyKey()}`;
          const client = createAccountDeletionClient({ apiBase: `/real/${run}/redirect-${code}` });
          const error = (await rejectionOf(client.deleteAccount(1234))) as InvalidResponseError;
          const log = (await (await fetch(`/real/${run}/log`)).json()) as string[];

          expect(log).to.deep.equal([`DELETE /real/${run}/redirect-${code}/v3/account/1234`]);
          expect(error).to.be.instanceOf(InvalidResponseError);
          expect(error.message).to.equal('The server answered with a redirect; the request may not have been carried out.');
        });
      }
    });

    describe('a status the API does not send', () => {
      it('calls a 304 an unknown outcome, not a redirect', async () => {
        const net = fakeNetwork(raw(null, 304));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as InvalidResponseError;
        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(304);
        expect(error.message).to.equal('The server answered with a status the API does not send (status 304); the request may not have been carried out.');
      });

      // Status lines a browser reads as 600, 1000 or 2: never "refused" nor "server error", which would say more than is known.
      // Some engines keep such an answer back instead (Firefox and WebKit do with "1000 Odd" and "2x4 Odd"):
      // the page then gets the network error a broken connection gives, and the SDK cannot say more
      // than it says of one, a ConnectionError. Either way the outcome of the DELETE is unknown.
      for (const line of ['600 Odd', '1000 Odd', '2x4 Odd']) {
        it(`calls the real status line "${line}" an unknown outcome`, async () => {
          const run = `sdk-status-${newIdempotencyKey()}`;
          const apiBase = `/real/${run}/status-${encodeURIComponent(line)}`;
          const seenByThePage = await fetch(`${apiBase}/v3/account/1234`, { method: 'DELETE' }).then(
            (response) => response.status,
            () => 'a network error',
          );
          const error = (await rejectionOf(createAccountDeletionClient({ apiBase }).deleteAccount(1234))) as AccountDeletionError;
          if (seenByThePage === 'a network error') {
            expect(error).to.be.instanceOf(ConnectionError);
          } else {
            expect(error).to.be.instanceOf(InvalidResponseError);
            expect(error.message).to.include('a status the API does not send');
          }
          expect(error).not.to.be.instanceOf(ApiError);
          expect(outcomeOf('delete', error)).to.equal('unknown');
        });
      }
    });

    it('reports a 500 whose body stalls by its status, within the timeout', async () => {
      const net = fakeNetwork(stalling('{"detail": "Upstr', 500, { 'content-type': 'application/json' }));
      const started = performance.now();
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 100 }).deleteAccount(1234))) as ServerError;

      expect(error).to.be.instanceOf(ServerError);
      expect(error.status).to.equal(500);
      expect(performance.now() - started).to.be.below(1000);
    });

    it('reports a 500 whose body breaks off by its status', async () => {
      const net = fakeNetwork(breakingOff('{"detail": "Upstr', 500, { 'content-type': 'application/json' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as ServerError;
      expect(error).to.be.instanceOf(ServerError);
      expect(error.status).to.equal(500);
    });
  });

  describe('the idempotency key', () => {
    it('makes a fresh random key for every call when none is given', async () => {
      const net = fakeNetwork(raw(null, 204), raw(null, 204));
      const client = createAccountDeletionClient({ fetch: net.fetch });
      const first = await client.deleteAccount(1234);
      const second = await client.deleteAccount(1234);

      const sent = net.requests.map((r) => r.headers.get('idempotency-key'));
      expect(sent[0]).to.match(UUID);
      expect(sent[1]).to.match(UUID);
      expect(sent[0]).not.to.equal(sent[1]);
      expect([first.idempotencyKey, second.idempotencyKey]).to.deep.equal(sent);
    });

    it('makes random version 4 UUIDs on a page without crypto.randomUUID (plain http)', async () => {
      sinon.stub(crypto, 'randomUUID').value(undefined);
      const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).to.match(UUID);
      expect(new Set(keys).size).to.equal(50);

      const net = fakeNetwork(raw(null, 204));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234);
      expect(result.idempotencyKey).to.match(UUID);
      expect(net.requests[0]!.headers.get('idempotency-key')).to.equal(result.idempotencyKey);
    });

    it("reuses the caller's key exactly, so a 'try again' is safe on the server", async () => {
      const key = newIdempotencyKey();
      const net = fakeNetwork(raw('', 503), raw(null, 204));
      const client = createAccountDeletionClient({ fetch: net.fetch });

      await rejectionOf(client.deleteAccount(1234, { idempotencyKey: key }));
      const result = await client.deleteAccount(1234, { idempotencyKey: key });

      expect(net.requests.map((r) => r.headers.get('idempotency-key'))).to.deep.equal([key, key]);
      expect(result.idempotencyKey).to.equal(key);
    });

    it('keeps a caller key that is not a UUID as given', async () => {
      const net = fakeNetwork(raw(null, 204));
      await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { idempotencyKey: 'order-42/attempt-1' });
      expect(net.requests[0]!.headers.get('idempotency-key')).to.equal('order-42/attempt-1');
    });

    it('newIdempotencyKey gives a different UUID each time', () => {
      const keys = new Set(Array.from({ length: 20 }, newIdempotencyKey));
      expect(keys.size).to.equal(20);
      for (const key of keys) expect(key).to.match(UUID);
    });
  });

  describe('the request', () => {
    it('sends the token, the cookie and every header with the deletion', async () => {
      const token = sinon.spy(async () => 'delete-token');
      const net = fakeNetwork(raw(null, 204));
      const client = createAccountDeletionClient({ fetch: net.fetch, token, scheme: 'Bearer', headers: { 'X-Client': 'console' } });
      await client.deleteAccount(1234, { headers: { 'X-Trace': 'abc' }, idempotencyKey: 'k' });

      const headers = net.requests[0]!.headers;
      expect(token.callCount).to.equal(1);
      expect(headers.get('authorization')).to.equal('Bearer delete-token');
      expect(headers.get('x-client')).to.equal('console');
      expect(headers.get('x-trace')).to.equal('abc');
      expect(headers.get('idempotency-key')).to.equal('k');
      expect(net.requests[0]!.credentials).to.equal('include');
    });

    it('sends the client-wide headers when the call adds none', async () => {
      const net = fakeNetwork(raw(null, 204));
      await createAccountDeletionClient({ fetch: net.fetch, headers: { 'X-Client': 'console' } }).deleteAccount(1234);
      expect(net.requests[0]!.headers.get('x-client')).to.equal('console');
    });

    for (const [what, key] of [
      ['an empty key', ''],
      ['a key of spaces', '   '],
      ['a key of 256 characters', 'k'.repeat(256)],
      ['a key with a line break', 'a\nb'],
      ['a key outside printable ASCII', 'chave-é'],
      ['a key with a space at either end', ' k1 '],
    ] as const) {
      it(`refuses ${what} without calling the server`, async () => {
        const net = fakeNetwork(raw(null, 204));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { idempotencyKey: key }))) as Error;
        expect(error).to.be.instanceOf(TypeError);
        expect(error.message).to.include('idempotency key');
        expect(net.requests).to.have.length(0);
        expect(isIdempotencyKey(key), 'isIdempotencyKey says the same').to.equal(false);
      });
    }

    it('sends a key with spaces inside it as it is', async () => {
      const net = fakeNetwork(raw(null, 204));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { idempotencyKey: 'try 1 of k' });
      expect(net.requests[0]!.headers.get('idempotency-key')).to.equal('try 1 of k');
      expect(result.idempotencyKey).to.equal('try 1 of k');
      expect(isIdempotencyKey('try 1 of k')).to.equal(true);
    });

    it('sends a key of exactly 255 characters, the API limit', async () => {
      const net = fakeNetwork(raw(null, 204));
      await createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { idempotencyKey: 'k'.repeat(255) });
      expect(net.requests[0]!.headers.get('idempotency-key')).to.have.length(255);
      expect(isIdempotencyKey('k'.repeat(255))).to.equal(true);
      expect(isIdempotencyKey(newIdempotencyKey())).to.equal(true);
      expect(isIdempotencyKey(undefined)).to.equal(false);
    });

    for (const bad of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      it(`refuses account id ${bad} without calling the server`, async () => {
        const net = fakeNetwork(raw(null, 204));
        const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(bad));
        expect(error).to.be.instanceOf(TypeError);
        expect(net.requests).to.have.length(0);
      });
    }
  });

  describe('refusals', () => {
    it('asks for a fresh sign-in on 401 reauthentication_required', async () => {
      const body = { errors: [{ status: '401', code: 'reauthentication_required', title: 'Sign in again', detail: 'Sign in again to delete this account.' }] };
      const net = fakeNetwork(json(body, 401, { 'X-Request-Id': 'req-reauth' }));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234));

      expect(error).to.be.instanceOf(ReauthenticationRequiredError);
      expect(error).to.include({
        status: 401,
        code: 'reauthentication_required',
        detail: 'Sign in again to delete this account.',
        requestId: 'req-reauth',
      });
      expect((error as ApiError).body).to.deep.equal(body);
    });

    it('says the user is not signed in on a plain 401', async () => {
      const error = await rejectionOf(createAccountDeletionClient({ fetch: fakeNetwork(raw('', 401)).fetch }).deleteAccount(1234));
      expect(error).to.be.instanceOf(AuthenticationError);
      expect(error).not.to.be.instanceOf(ReauthenticationRequiredError);
      expect((error as Error).message).to.equal('The server refused the request (status 401).');
    });

    it("passes on the server's reason for a 403", async () => {
      const net = fakeNetwork(json({ detail: 'This account is not allowed to be deleted.' }, 403));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234));

      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error).to.include({ status: 403, code: undefined, detail: 'This account is not allowed to be deleted.' });
      expect((error as Error).message).to.equal('This account is not allowed to be deleted.');
    });

    it('reports an unknown account on 404', async () => {
      const error = await rejectionOf(createAccountDeletionClient({ fetch: fakeNetwork(json({ detail: 'Not found.' }, 404)).fetch }).deleteAccount(9));
      expect(error).to.be.instanceOf(NotFoundError);
      expect(error).to.include({ status: 404, detail: 'Not found.' });
    });

    it('hands back the current checks when a 409 says something still blocks', async () => {
      const net = fakeNetwork(json(conflictBody(), 409));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as ConflictError;

      expect(error).to.be.instanceOf(ConflictError);
      expect(error).to.include({ status: 409, code: 'account_has_blockers', detail: 'Resolve the items below before deleting this account.' });
      expect(error.checks!.map((c) => [c.type, c.status, c.count])).to.deep.equal([
        ['dns_zones', 'blocking', 1],
        ['edge_applications', 'passed', 0],
        ['debts', 'passed', 0],
      ]);
      expect(error.checks![0]!.items).to.deep.equal([{ id: 81, name: 'acme.com' }]);
    });

    it('still reports a 409 as a conflict when its checks cannot be read', async () => {
      const body = conflictBody();
      (body.errors[0]!.meta as { checks: unknown }).checks = 'dns_zones';
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: fakeNetwork(json(body, 409)).fetch }).deleteAccount(1234))) as ConflictError;
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.checks).to.equal(undefined);
      expect(error.detail).to.equal('Resolve the items below before deleting this account.');
    });

    it('tells how long to wait on 429', async () => {
      const net = fakeNetwork(json({ detail: 'Too many requests.' }, 429, { 'Retry-After': '30' }));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234));
      expect(error).to.be.instanceOf(RateLimitError);
      expect(error).to.include({ status: 429, retryAfter: 30 });
    });

    for (const status of [500, 502, 503, 504]) {
      it(`reports a server failure on ${status}`, async () => {
        const error = await rejectionOf(createAccountDeletionClient({ fetch: fakeNetwork(json({ detail: 'Upstream failed.' }, status)).fetch }).deleteAccount(1234));
        expect(error).to.be.instanceOf(ServerError);
        expect(error).to.include({ status, detail: 'Upstream failed.' });
      });
    }

    it("shows a plain sentence, never the page, for a proxy's HTML error", async () => {
      const net = fakeNetwork(raw(PROXY_HTML, 502, { 'content-type': 'text/html' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234))) as ServerError;
      expect(error).to.be.instanceOf(ServerError);
      expect(error.message).to.equal('The server could not complete the request (status 502).');
      expect(error.detail).not.to.include('<');
    });
  });

  describe('never repeated by the client', () => {
    const once: [string, () => Response | 'network-error'][] = [
      ['a 500', () => raw('', 500)],
      ['a 503 with Retry-After: 0', () => json({ detail: 'Busy.' }, 503, { 'Retry-After': '0' })],
      ['a 429 with Retry-After: 0', () => json({ detail: 'Slow down.' }, 429, { 'Retry-After': '0' })],
      ['a network error', () => 'network-error'],
    ];
    for (const [what, answer] of once) {
      it(`sends the deletion exactly once after ${what}`, async () => {
        const net = fakeNetwork(answer(), raw(null, 204), raw(null, 204));
        const client = createAccountDeletionClient({ fetch: net.fetch, retry: { limit: 2, delay: () => 0 } });
        const error = await rejectionOf(client.deleteAccount(1234));

        expect(error).to.be.instanceOf(what === 'a network error' ? ConnectionError : ApiError);
        expect(net.requests).to.have.length(1);
      });
    }
  });

  describe('cancelling and timing out', () => {
    it('reports a deletion cancelled before it started as aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const net = fakeNetwork(raw(null, 204));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { signal: controller.signal }));
      expect(error).to.be.instanceOf(RequestAbortedError);
    });

    it('reports a deletion cancelled while waiting for the answer as aborted', async () => {
      const controller = new AbortController();
      const net = fakeNetwork('hang');
      const pending = createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { signal: controller.signal });
      await waitUntil(() => net.requests.length === 1, 'the request was not sent');
      controller.abort();
      expect(await rejectionOf(pending)).to.be.instanceOf(RequestAbortedError);
      expect(net.requests).to.have.length(1);
    });

    it('gives up with a timeout error, once, when the server never answers', async () => {
      const net = fakeNetwork('hang', raw(null, 204));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 50 }).deleteAccount(1234));
      expect(error).to.be.instanceOf(RequestTimeoutError);
      expect((error as RequestTimeoutError).timeout).to.equal(50);
      expect(net.requests).to.have.length(1);
    });

    it('lets one deletion set its own timeout', async () => {
      const net = fakeNetwork('hang');
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).deleteAccount(1234, { timeout: 50 }));
      expect(error).to.be.instanceOf(RequestTimeoutError);
    });
  });
});
