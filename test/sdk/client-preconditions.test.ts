import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  AccountDeletionError,
  AuthenticationError,
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
} from '../../src/index.js';
import { NO_DELAY, PROXY_HTML, blockedBody, breakingOff, clearBody, fakeNetwork, json, raw, rejectionOf, stalling } from './helpers.js';

describe('getPreconditions', () => {
  afterEach(() => sinon.restore());

  describe('reading the answer', () => {
    it('reads the blocked example of the spec into camelCase values', async () => {
      const net = fakeNetwork(json(blockedBody(), 200, { 'X-Request-Id': 'req-1' }));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();

      expect(result.account).to.deep.equal({ id: 1234, name: 'Acme Corp', kind: 'client' });
      expect(result.deletable).to.equal(false);
      expect(result.checkedAt).to.equal('2026-11-28T10:00:00Z');
      expect(result.checks.map((c) => [c.type, c.status, c.count])).to.deep.equal([
        ['dns_zones', 'blocking', 2],
        ['edge_applications', 'passed', 0],
        ['debts', 'blocking', 1],
      ]);
      expect(result.checks[0]!.items).to.deep.equal([
        { id: 81, name: 'acme.com' },
        { id: 82, name: 'acme.dev' },
      ]);
      expect(result.checks[0]!.resolveUrl).to.equal('https://console.azion.com/edge-dns');
      expect(result.checks[2]!.amount).to.deep.equal({ value: '120.50', currency: 'USD' });
      expect(result.checks[2]!.resolveUrl).to.equal('https://console.azion.com/billing');
    });

    it('reads the clear example of the spec as deletable', async () => {
      const net = fakeNetwork(json(clearBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();

      expect(result.deletable).to.equal(true);
      expect(result.checks.every((c) => c.status === 'passed')).to.equal(true);
      expect(result.checks[2]!.items).to.deep.equal([]);
      expect(result.checkedAt).to.equal('2026-11-28T10:05:00Z');
    });

    for (const status of [201, 203, 206]) {
      it(`refuses a ${status}, even with a body that says deletable: only a 200 carries the checks`, async () => {
        const net = fakeNetwork(json(clearBody(), status));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions())) as InvalidResponseError;

        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.status).to.equal(status);
        expect(error.message).to.equal(`The server answered ${status} instead of 200; the checks were not read.`);
        expect(net.requests).to.have.length(1);
      });
    }

    it('hands back values the app cannot change by accident', async () => {
      const net = fakeNetwork(json(blockedBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();

      expect(Object.isFrozen(result)).to.equal(true);
      expect(Object.isFrozen(result.checks)).to.equal(true);
      expect(Object.isFrozen(result.checks[0])).to.equal(true);
    });
  });

  describe('the request', () => {
    for (const apiBase of [
      '/api?v=2',
      '/api#top',
      'https://user:secret@api.example/',
      ' https://user:secret@api.example/',
      'https:user:secret@api.example/',
      '//user:secret@api.example/',
      'https:\\\\user:secret@api.example/',
    ]) {
      it(`refuses the apiBase ${apiBase} before anything is sent, without quoting it`, () => {
        expect(() => createAccountDeletionClient({ apiBase })).to.throw(TypeError, /without a query \(\?\), a fragment \(#\) or credentials/);
        expect(() => createAccountDeletionClient({ apiBase })).not.to.throw(/secret/);
      });
    }

    it('asks the server every time, never the browser cache', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();
      expect(net.requests[0]!.cache).to.equal('no-store');

      const run = `sdk-cache-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const client = createAccountDeletionClient({ apiBase: `/real/${run}/cached` });
      expect((await client.getPreconditions()).deletable).to.equal(true);
      expect((await client.getPreconditions()).deletable, 'the second answer is the server’s, not the cached first').to.equal(false);
      const log = (await (await fetch(`/real/${run}/log`)).json()) as string[];
      expect(log).to.have.length(2);
    });

    it('takes an absolute apiBase, and one with a user name only in its path', async () => {
      const net = fakeNetwork(json(clearBody()), json(clearBody()));
      await createAccountDeletionClient({ apiBase: 'https://api.example/v1', fetch: net.fetch }).getPreconditions();
      await createAccountDeletionClient({ apiBase: 'https://api.example/users/@me', fetch: net.fetch }).getPreconditions();
      expect(net.requests.map((request) => request.url)).to.deep.equal([
        'https://api.example/v1/v4/account/deletion/preconditions',
        'https://api.example/users/@me/v4/account/deletion/preconditions',
      ]);
    });

    it('asks the same-origin /api proxy by default, for JSON', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();

      const [request] = net.requests;
      expect(net.requests).to.have.length(1);
      expect(request!.method).to.equal('GET');
      expect(request!.url).to.equal(`${location.origin}/api/v4/account/deletion/preconditions`);
      expect(request!.headers.get('accept')).to.equal('application/json');
    });

    it('asks the API base it was given, with or without a trailing slash', async () => {
      for (const apiBase of ['https://api.example.test/v', 'https://api.example.test/v/']) {
        const net = fakeNetwork(json(clearBody()));
        await createAccountDeletionClient({ fetch: net.fetch, apiBase }).getPreconditions();
        expect(net.requests[0]!.url).to.equal('https://api.example.test/v/v4/account/deletion/preconditions');
      }
    });

    it('sends the session cookie by default', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();
      expect(net.requests[0]!.credentials).to.equal('include');
    });

    it('keeps cookies to the same origin when asked to', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, credentials: 'same-origin' }).getPreconditions();
      expect(net.requests[0]!.credentials).to.equal('same-origin');
    });

    it('sends no Authorization header for a cookie session', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();
      expect(net.requests[0]!.headers.has('authorization')).to.equal(false);
    });

    it('sends a personal token with the Token scheme by default', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, token: 'azion-personal-token' }).getPreconditions();
      expect(net.requests[0]!.headers.get('authorization')).to.equal('Token azion-personal-token');
    });

    it('sends a JWT with the Bearer scheme when asked to', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, token: 'eyJ.jwt.sig', scheme: 'Bearer' }).getPreconditions();
      expect(net.requests[0]!.headers.get('authorization')).to.equal('Bearer eyJ.jwt.sig');
    });

    it('reads a token from a plain function', async () => {
      const net = fakeNetwork(json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, token: () => 'sync-token' }).getPreconditions();
      expect(net.requests[0]!.headers.get('authorization')).to.equal('Token sync-token');
    });

    it('reads an async token before every request, so a refreshed token is used at once', async () => {
      let n = 0;
      const token = sinon.spy(async () => `token-${++n}`);
      const net = fakeNetwork(json(clearBody()), json(clearBody()));
      const client = createAccountDeletionClient({ fetch: net.fetch, token });

      await client.getPreconditions();
      await client.getPreconditions();

      expect(token.callCount).to.equal(2);
      expect(net.requests.map((r) => r.headers.get('authorization'))).to.deep.equal(['Token token-1', 'Token token-2']);
    });

    it('reads the token again before each repeat of a failed request', async () => {
      let n = 0;
      const token = sinon.spy(async () => `token-${++n}`);
      const net = fakeNetwork(raw('', 503), 'network-error', json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, token, retry: NO_DELAY }).getPreconditions();

      expect(token.callCount).to.equal(3);
      expect(net.requests.map((r) => r.headers.get('authorization'))).to.deep.equal([
        'Token token-1',
        'Token token-2',
        'Token token-3',
      ]);
    });

    it('stops sending the token once the token function says there is none', async () => {
      const tokens = ['first-token', null];
      const net = fakeNetwork(raw('', 503), json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, token: async () => tokens.shift(), retry: NO_DELAY }).getPreconditions();

      expect(net.requests[0]!.headers.get('authorization')).to.equal('Token first-token');
      expect(net.requests[1]!.headers.has('authorization')).to.equal(false);
    });

    it('fails without calling the server when the token cannot be read', async () => {
      const net = fakeNetwork(json(clearBody()));
      const client = createAccountDeletionClient({
        fetch: net.fetch,
        token: async () => {
          throw new Error('session store is locked');
        },
      });

      const error = await rejectionOf(client.getPreconditions());
      expect(error).to.be.instanceOf(AccountDeletionError);
      expect((error as Error).message).to.equal('The sign-in token could not be read or is not a valid header value.');
      expect(net.requests).to.have.length(0);
    });

    it('fails without calling the server or retrying when the token is not a valid header value', async () => {
      const net = fakeNetwork(json(clearBody()));
      let reads = 0;
      const client = createAccountDeletionClient({
        fetch: net.fetch,
        token: () => {
          reads += 1;
          return 'secret\nX-Injected: yes';
        },
      });

      const error = await rejectionOf(client.getPreconditions());
      expect(error).to.be.instanceOf(AccountDeletionError);
      expect(error).not.to.be.instanceOf(ConnectionError);
      expect((error as Error).message).not.to.include('secret');
      expect(reads).to.equal(1);
      expect(net.requests).to.have.length(0);
    });

    it('sends nothing when the signal was aborted before the call, even through a fetch that ignores signals', async () => {
      let calls = 0;
      const client = createAccountDeletionClient({
        fetch: async () => {
          calls += 1;
          return json(clearBody());
        },
      });
      const controller = new AbortController();
      controller.abort();

      const error = await rejectionOf(client.getPreconditions({ signal: controller.signal }));
      expect(error).to.be.instanceOf(RequestAbortedError);
      expect(calls).to.equal(0);
    });

    it('sends the client-wide extra headers and the per-call headers together', async () => {
      const net = fakeNetwork(json(clearBody()), json(clearBody()));
      const client = createAccountDeletionClient({ fetch: net.fetch, headers: { 'X-Client': 'console' } });

      await client.getPreconditions({ headers: { 'X-Trace': 'abc' } });
      await client.getPreconditions();

      expect(net.requests[0]!.headers.get('x-client')).to.equal('console');
      expect(net.requests[0]!.headers.get('x-trace')).to.equal('abc');
      expect(net.requests[1]!.headers.get('x-client')).to.equal('console');
      expect(net.requests[1]!.headers.has('x-trace')).to.equal(false);
    });
  });

  describe('error answers', () => {
    const client = (net: ReturnType<typeof fakeNetwork>) =>
      createAccountDeletionClient({ fetch: net.fetch, retry: { ...NO_DELAY, limit: 0 } });

    it('says the user is not signed in on 401', async () => {
      const net = fakeNetwork(json({ detail: 'Authentication credentials were not provided.' }, 401, { 'X-Request-Id': 'r-401' }));
      const error = await rejectionOf(client(net).getPreconditions());

      expect(error).to.be.instanceOf(AuthenticationError);
      expect(error).not.to.be.instanceOf(ReauthenticationRequiredError);
      expect(error).to.include({ status: 401, detail: 'Authentication credentials were not provided.', requestId: 'r-401' });
    });

    it('tells a fresh sign-in apart from no sign-in on 401 reauthentication_required', async () => {
      const body = { errors: [{ status: '401', code: 'reauthentication_required', detail: 'Sign in again to continue.' }] };
      const error = await rejectionOf(client(fakeNetwork(json(body, 401))).getPreconditions());

      expect(error).to.be.instanceOf(ReauthenticationRequiredError);
      expect(error).to.be.instanceOf(AuthenticationError);
      expect(error).to.include({ status: 401, code: 'reauthentication_required', detail: 'Sign in again to continue.' });
    });

    it('passes on the reason for a 403', async () => {
      const error = await rejectionOf(client(fakeNetwork(json({ detail: 'You do not have permission.' }, 403))).getPreconditions());
      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect((error as Error).message).to.equal('You do not have permission.');
    });

    it('reports a missing endpoint on 404', async () => {
      const error = await rejectionOf(client(fakeNetwork(json({ detail: 'Not found.' }, 404))).getPreconditions());
      expect(error).to.be.instanceOf(NotFoundError);
      expect(error).to.include({ status: 404 });
    });

    for (const status of [500, 502, 503, 504]) {
      it(`reports a server failure on ${status}`, async () => {
        const error = await rejectionOf(client(fakeNetwork(json({ detail: 'Upstream failed.' }, status))).getPreconditions());
        expect(error).to.be.instanceOf(ServerError);
        expect(error).to.include({ status, detail: 'Upstream failed.' });
      });
    }

    it('shows a plain sentence, never the page, when a proxy answers with HTML', async () => {
      const net = fakeNetwork(raw(PROXY_HTML, 502, { 'content-type': 'text/html' }));
      const error = (await rejectionOf(client(net).getPreconditions())) as ServerError;

      expect(error).to.be.instanceOf(ServerError);
      expect(error.message).to.equal('The server could not complete the request (status 502).');
      expect(error.detail).to.equal(error.message);
      expect(error.message).not.to.include('<');
    });

    it('reports an unreachable server as a connection problem', async () => {
      const error = await rejectionOf(client(fakeNetwork('network-error')).getPreconditions());
      expect(error).to.be.instanceOf(ConnectionError);
      expect((error as Error).message).to.equal('No answer came through from the server. Check the connection and try again.');
    });
  });

  describe('repeating a failed read', () => {
    it('tries again after a network error', async () => {
      const net = fakeNetwork('network-error', json(clearBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions();
      expect(result.deletable).to.equal(true);
      expect(net.requests).to.have.length(2);
    });

    for (const status of [500, 502, 503, 504]) {
      it(`tries again after a ${status}`, async () => {
        const net = fakeNetwork(raw('', status), json(clearBody()));
        const result = await createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions();
        expect(result.deletable).to.equal(true);
        expect(net.requests).to.have.length(2);
      });
    }

    it('tries again after a 503 with Retry-After: 0', async () => {
      const net = fakeNetwork(json({ detail: 'Busy.' }, 503, { 'Retry-After': '0' }), json(clearBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch }).getPreconditions();
      expect(result.account.id).to.equal(1234);
      expect(net.requests).to.have.length(2);
    });

    it('waits as long as a 429 Retry-After asks before trying again', async () => {
      // The delay option would answer at once: only Retry-After can explain the wait.
      const net = fakeNetwork(json({ detail: 'Slow down.' }, 429, { 'Retry-After': '1' }), json(clearBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions();

      expect(result.deletable).to.equal(true);
      expect(net.requests).to.have.length(2);
      expect(net.times[1]! - net.times[0]!).to.be.at.least(900);
    });

    it('gives up at once with the wait when Retry-After is longer than maxRetryAfter', async () => {
      const net = fakeNetwork(json({ detail: 'Slow down.' }, 429, { 'Retry-After': '120' }), json(clearBody()));
      const started = performance.now();
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: { maxRetryAfter: 10 } }).getPreconditions());

      expect(error).to.be.instanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).to.equal(120);
      expect(net.requests).to.have.length(1);
      expect(performance.now() - started).to.be.below(500);
    });

    for (const [header, value] of [
      ['Retry-After', '12.5'],
      ['RateLimit-Reset', '3600'],
      ['X-RateLimit-Reset', 'soon'],
    ] as const) {
      it(`gives up at once on a 429 with ${header}: ${value}, a wait it cannot read or longer than maxRetryAfter`, async () => {
        const net = fakeNetwork(json({ detail: 'Slow down.' }, 429, { [header]: value }), json(clearBody()));
        const started = performance.now();
        const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions());

        expect(error).to.be.instanceOf(RateLimitError);
        expect(net.requests).to.have.length(1);
        expect(performance.now() - started).to.be.below(500);
      });
    }

    for (const value of ['5, 10', '12/31', '-1']) {
      it(`gives up at once on a 429 with Retry-After: ${value}, a wait it cannot read`, async () => {
        const net = fakeNetwork(...[1, 2, 3].map(() => json({ detail: 'Slow down.' }, 429, { 'Retry-After': value })));
        const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions())) as RateLimitError;

        expect(error).to.be.instanceOf(RateLimitError);
        expect(error.retryAfter).to.equal(undefined);
        expect(net.requests).to.have.length(1);
      });
    }

    it('tells how long to wait from a rate-limit header when Retry-After is missing', async () => {
      const net = fakeNetwork(json({ detail: 'Slow down.' }, 429, { 'RateLimit-Reset': '60' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions())) as RateLimitError;
      expect(error).to.be.instanceOf(RateLimitError);
      expect(error.retryAfter).to.equal(60);
    });

    it('waits for a rate-limit header other than Retry-After when it is short enough', async () => {
      const net = fakeNetwork(json({ detail: 'Busy.' }, 503, { 'RateLimit-Reset': '1' }), json(clearBody()));
      const result = await createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions();

      expect(result.deletable).to.equal(true);
      expect(net.times[1]! - net.times[0]!).to.be.at.least(900);
    });

    it('honours a custom maxRetryAfter', async () => {
      const net = fakeNetwork(json({ detail: 'Slow down.' }, 429, { 'Retry-After': '2' }));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: { maxRetryAfter: 1 } }).getPreconditions());
      expect(error).to.be.instanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).to.equal(2);
      expect(net.requests).to.have.length(1);
    });

    it('tries at most twice more, then reports the last failure', async () => {
      const net = fakeNetwork(raw('', 500), raw('', 502), json({ detail: 'Still down.' }, 503), json(clearBody()));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions());

      expect(error).to.be.instanceOf(ServerError);
      expect(error).to.include({ status: 503, detail: 'Still down.' });
      expect(net.requests).to.have.length(3);
    });

    it('gives up after the retries on a network that stays down', async () => {
      const net = fakeNetwork('network-error', 'network-error', 'network-error', json(clearBody()));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions());
      expect(error).to.be.instanceOf(ConnectionError);
      expect(net.requests).to.have.length(3);
    });

    it('waits the delay the caller chose between tries', async () => {
      const delay = sinon.spy((attempt: number) => attempt * 5);
      const net = fakeNetwork(raw('', 500), raw('', 500), json(clearBody()));
      await createAccountDeletionClient({ fetch: net.fetch, retry: { delay } }).getPreconditions();
      expect(delay.args.map(([attempt]) => attempt)).to.deep.equal([1, 2]);
    });

    it('does not repeat when the retry limit is 0', async () => {
      const net = fakeNetwork(raw('', 503), json(clearBody()));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: { limit: 0 } }).getPreconditions());
      expect(error).to.be.instanceOf(ServerError);
      expect(net.requests).to.have.length(1);
    });

    for (const status of [401, 403, 404]) {
      it(`does not repeat a ${status}, which another try cannot fix`, async () => {
        const net = fakeNetwork(json({ detail: 'No.' }, status), json(clearBody()));
        await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, retry: NO_DELAY }).getPreconditions());
        expect(net.requests).to.have.length(1);
      });
    }
  });

  describe('cancelling and timing out', () => {
    it('reports a request cancelled before it started as aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const net = fakeNetwork(json(clearBody()));
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions({ signal: controller.signal }));
      expect(error).to.be.instanceOf(RequestAbortedError);
    });

    it('reports a request cancelled while waiting for the answer as aborted', async () => {
      const controller = new AbortController();
      const net = fakeNetwork('hang');
      const pending = createAccountDeletionClient({ fetch: net.fetch }).getPreconditions({ signal: controller.signal });
      await waitUntil(() => net.requests.length === 1, 'the request was not sent');
      controller.abort();

      const error = await rejectionOf(pending);
      expect(error).to.be.instanceOf(RequestAbortedError);
      expect((error as Error).message).to.equal('The request was cancelled.');
    });

    it('stops waiting to try again once cancelled', async () => {
      const controller = new AbortController();
      const net = fakeNetwork(json({ detail: 'Busy.' }, 503, { 'Retry-After': '5' }), json(clearBody()));
      const pending = createAccountDeletionClient({ fetch: net.fetch }).getPreconditions({ signal: controller.signal });
      await waitUntil(() => net.requests.length === 1, 'the request was not sent');
      controller.abort();

      expect(await rejectionOf(pending)).to.be.instanceOf(RequestAbortedError);
      expect(net.requests).to.have.length(1);
    });

    it('gives up with a timeout error when the server never answers', async () => {
      const net = fakeNetwork('hang');
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 50 }).getPreconditions());

      expect(error).to.be.instanceOf(RequestTimeoutError);
      expect((error as RequestTimeoutError).timeout).to.equal(50);
      expect(net.requests[0]!.signal.aborted, 'the hanging request was left open').to.equal(true);
    });

    it('gives up with a timeout error when the body stalls after the headers, and ends the download', async () => {
      const net = fakeNetwork(stalling('{"data": {"account": ', 200, { 'content-type': 'application/json' }));
      const started = performance.now();
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 100 }).getPreconditions());

      expect(error).to.be.instanceOf(RequestTimeoutError);
      expect(performance.now() - started).to.be.below(1000);
      expect(net.requests[0]!.signal.aborted, 'the stalled download was left open').to.equal(true);
    });

    it('gives up with a timeout error when a real server stalls the body, though ending the download breaks the body', async () => {
      const run = `sdk-stall-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const started = performance.now();
      const error = await rejectionOf(createAccountDeletionClient({ apiBase: `/real/${run}/stall`, timeout: 300 }).getPreconditions());

      expect(error).to.be.instanceOf(RequestTimeoutError);
      expect(performance.now() - started).to.be.below(2000);
    });

    for (const [what, answer] of [
      ['the body', () => stalling('{"data": ', 200, { 'content-type': 'application/json' })],
      ['an error body', () => stalling('{"detail": "Upstr', 403, { 'content-type': 'application/json' })],
    ] as const) {
      it(`reports a request cancelled while ${what} arrives as aborted`, async () => {
        const controller = new AbortController();
        const net = fakeNetwork(answer());
        const pending = createAccountDeletionClient({ fetch: net.fetch }).getPreconditions({ signal: controller.signal });
        await waitUntil(() => net.requests.length === 1, 'the request was not sent');
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.abort();

        expect(await rejectionOf(pending)).to.be.instanceOf(RequestAbortedError);
      });
    }

    it('reports a body that breaks off as unreadable, with the status', async () => {
      const net = fakeNetwork(breakingOff('{"data": {"account": ', 200, { 'content-type': 'application/json' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions())) as InvalidResponseError;

      expect(error).to.be.instanceOf(InvalidResponseError);
      expect(error.message).to.include('broke off');
      expect(error.status).to.equal(200);
    });

    it('reports an error answer whose body stalls by its status, within the timeout', async () => {
      const net = fakeNetwork(stalling('{"detail": "Maint', 403, { 'content-type': 'application/json' }));
      const started = performance.now();
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch, timeout: 100 }).getPreconditions())) as PermissionDeniedError;

      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error.detail).to.equal('The server refused the request (status 403).');
      expect(performance.now() - started).to.be.below(1000);
    });

    it('reports an error answer whose body breaks off by its status', async () => {
      const net = fakeNetwork(breakingOff('{"detail": "No', 403, { 'content-type': 'application/json' }));
      const error = (await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions())) as PermissionDeniedError;
      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error.status).to.equal(403);
    });

    it('lets one call set its own timeout', async () => {
      const net = fakeNetwork('hang');
      const error = await rejectionOf(createAccountDeletionClient({ fetch: net.fetch }).getPreconditions({ timeout: 50 }));
      expect(error).to.be.instanceOf(RequestTimeoutError);
      expect((error as RequestTimeoutError).timeout).to.equal(50);
    });
  });
});
