import { expect } from '@open-wc/testing';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  createAccountDeletionClient,
  type ClientOptions,
} from '../src/index.js';
import {
  createFakeBackend,
  createFakeBackendHandler,
  createFakeFetch,
  runControl,
  type FakeBackend,
  type FakeBackendOptions,
  type NodeRequestLike,
  type NodeResponseLike,
} from '../testing/index.js';

function setUp(options: FakeBackendOptions = {}, client: ClientOptions = {}) {
  const backend = createFakeBackend(options);
  const fetch = createFakeFetch(backend);
  // Fault tests want to see each fault, not the SDK riding it out with a repeat.
  const sdk = createAccountDeletionClient({ apiBase: '/api', fetch, retry: { limit: 0 }, ...client });
  return { backend, fetch, sdk };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it fulfilled');
}

function byType<T extends { type: string }>(checks: readonly T[]): Record<string, T | undefined> {
  return Object.fromEntries(checks.map((check) => [check.type, check]));
}

describe('fake backend, driven through the real SDK', () => {
  describe('checks', () => {
    it('starts with Acme Corp blocked by two DNS zones, an edge application and a debt', async () => {
      const { sdk } = setUp();
      const { account, deletable, checks, checkedAt } = await sdk.getPreconditions();
      expect(account).to.deep.equal({ id: 1234, name: 'Acme Corp', kind: 'client' });
      expect(deletable).to.equal(false);
      expect(checkedAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const { dns_zones, edge_applications, debts } = byType(checks);
      expect(dns_zones).to.include({ status: 'blocking', count: 2, resolveUrl: 'https://console.azion.com/edge-dns' });
      expect(dns_zones?.items).to.deep.equal([
        { id: 81, name: 'acme.com' },
        { id: 82, name: 'acme.dev' },
      ]);
      expect(edge_applications).to.include({ status: 'blocking', count: 1 });
      expect(debts).to.include({ status: 'blocking', count: 1 });
      expect(debts?.amount).to.deep.equal({ value: '120.50', currency: 'USD' });
    });

    it('sends the snake_case body of the spec', async () => {
      const { fetch } = setUp();
      const response = await fetch('/api/v4/account/deletion/preconditions');
      const body = await response.json();
      expect(response.headers.get('content-type')).to.equal('application/json');
      expect(Object.keys(body.data)).to.have.members(['account', 'deletable', 'checked_at', 'checks']);
      expect(body.data.checks[2]).to.deep.equal({
        type: 'debts',
        status: 'blocking',
        count: 1,
        amount: { value: '120.50', currency: 'USD' },
        resolve_url: 'https://console.azion.com/billing',
      });
    });

    it('becomes deletable only once every blocker is resolved, one at a time', async () => {
      const { backend, sdk } = setUp();
      const steps: [string, (b: FakeBackend) => void][] = [
        ['acme.com', (b) => b.disableZone('acme.com')],
        ['acme.dev', (b) => b.disableZone(82)],
        ['application', (b) => b.removeApplication('acme-storefront')],
      ];
      for (const [name, resolve] of steps) {
        resolve(backend);
        expect((await sdk.getPreconditions()).deletable, `after ${name}`).to.equal(false);
      }
      backend.payDebt();
      const { deletable, checks } = await sdk.getPreconditions();
      expect(deletable).to.equal(true);
      expect(checks.map((c) => [c.type, c.status, c.count])).to.deep.equal([
        ['dns_zones', 'passed', 0],
        ['edge_applications', 'passed', 0],
        ['debts', 'passed', 0],
      ]);
    });

    it('sees a blocker that comes back on the next check', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.enableZone('acme.dev');
      const { deletable, checks } = await sdk.getPreconditions();
      expect(deletable).to.equal(false);
      expect(byType(checks).dns_zones?.items).to.deep.equal([{ id: 82, name: 'acme.dev' }]);
    });

    it('lists at most 50 blocking resources while count stays the total', async () => {
      const dnsZones = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, name: `zone${i + 1}.example`, active: true }));
      const { sdk } = setUp({ initialState: { dnsZones } });
      const zones = byType((await sdk.getPreconditions()).checks).dns_zones;
      expect(zones?.count).to.equal(60);
      expect(zones?.items).to.have.length(50);
    });
  });

  describe('deletion', () => {
    it('deletes an account with nothing blocking, answers 204 and ends the session', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      const result = await sdk.deleteAccount(1234);
      expect(result.alreadyDeleted).to.equal(false);
      expect(result.requestId).to.match(/^fake-\d+$/);
      expect(backend.state.deleted).to.equal(true);
      expect(backend.requests.at(-1)?.status).to.equal(204);

      const afterwards = await rejection(sdk.getPreconditions());
      expect(afterwards).to.be.instanceOf(AuthenticationError);
      expect(afterwards).not.to.be.instanceOf(ReauthenticationRequiredError);
    });

    it('refuses to delete with 409 and the current checks while anything blocks', async () => {
      const { backend, sdk } = setUp();
      backend.disableZone('acme.com');
      backend.removeApplication('acme-storefront');
      const error = await rejection(sdk.deleteAccount(1234));
      expect(error).to.be.instanceOf(ConflictError);
      const checks = byType((error as ConflictError).checks ?? []);
      expect(checks.dns_zones?.items).to.deep.equal([{ id: 82, name: 'acme.dev' }]);
      expect(checks.edge_applications?.status).to.equal('passed');
      expect(checks.debts?.status).to.equal('blocking');
      expect(backend.state.deleted).to.equal(false);
    });

    it('answers a repeat with the same Idempotency-Key with 204 again', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      await sdk.deleteAccount(1234, { idempotencyKey: 'try-1' });
      const repeat = await sdk.deleteAccount(1234, { idempotencyKey: 'try-1' });
      expect(repeat).to.include({ alreadyDeleted: false, idempotencyKey: 'try-1' });
      expect(backend.requests.map((r) => [r.method, r.idempotencyKey, r.status])).to.deep.equal([
        ['DELETE', 'try-1', 204],
        ['DELETE', 'try-1', 204],
      ]);
    });

    it('answers 410 to a deletion with another key after the account is gone', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      await sdk.deleteAccount(1234, { idempotencyKey: 'first' });
      const second = await sdk.deleteAccount(1234, { idempotencyKey: 'second' });
      expect(second.alreadyDeleted).to.equal(true);
      expect(backend.requests.at(-1)?.status).to.equal(410);
    });

    it('does not honour a key whose deletion was refused', async () => {
      const { backend, sdk } = setUp();
      expect(await rejection(sdk.deleteAccount(1234, { idempotencyKey: 'k' }))).to.be.instanceOf(ConflictError);
      backend.resolveAll();
      expect((await sdk.deleteAccount(1234, { idempotencyKey: 'k' })).alreadyDeleted).to.equal(false);
      expect(backend.state.deleted).to.equal(true);
    });

    it('answers 404 for another account and for paths it does not serve', async () => {
      const { backend, fetch } = setUp();
      backend.resolveAll();
      expect((await fetch('/api/v3/account/999', { method: 'DELETE' })).status).to.equal(404);
      expect((await fetch('/api/v4/nothing')).status).to.equal(404);
      const outside = await fetch('/elsewhere/v4/account/deletion/preconditions');
      expect(outside.status).to.equal(404);
      expect((await outside.json()).detail).to.contain('only answers below /api');
      expect(backend.state.deleted).to.equal(false);
    });

    it('serves the paths of the contract exactly: no trailing slash on either', async () => {
      const { backend, fetch } = setUp();
      backend.resolveAll();
      expect((await fetch('/api/v4/account/deletion/preconditions/')).status).to.equal(404);
      expect((await fetch('/api/v3/account/1234/', { method: 'DELETE' })).status).to.equal(404);
      expect(backend.state.deleted).to.equal(false);
    });

    it('answers a HEAD with no body and every answer with cache-control: no-store, as its HTTP server does', async () => {
      const { fetch } = setUp();
      const head = await fetch('/api/v4/account/deletion/nothing', { method: 'HEAD' });
      expect(await head.text()).to.equal('');
      expect(head.headers.get('cache-control')).to.equal('no-store');
      expect((await fetch('/api/v4/account/deletion/preconditions')).headers.get('cache-control')).to.equal('no-store');
    });

    it('refuses a starting state or a debt the contract could not carry, with a clear error', () => {
      expect(() => createFakeBackend({ initialState: { account: { id: 0, name: 'Acme', kind: 'client' } } })).to.throw(TypeError, /account\.id/);
      expect(() => createFakeBackend({ initialState: { account: { id: 1, name: ' ', kind: 'client' } } })).to.throw(TypeError, /account\.name/);
      expect(() => createFakeBackend({ initialState: { debt: { value: '12,50', currency: 'USD' } } })).to.throw(TypeError, /initialState\.debt/);
      const backend = createFakeBackend();
      expect(() => backend.restoreDebt({ value: 12.5 as unknown as string, currency: 'US' })).to.throw(TypeError, /restoreDebt/);
      expect(backend.state.debt, 'the debt is unchanged').to.deep.equal({ value: '120.50', currency: 'USD' });
    });

    it('answers 405 with Allow for a method an endpoint does not take', async () => {
      const { fetch } = setUp();
      const response = await fetch('/api/v4/account/deletion/preconditions', { method: 'POST' });
      expect(response.status).to.equal(405);
      expect(response.headers.get('allow')).to.equal('GET');
    });
  });

  describe('faults', () => {
    it('fails the next request with a 500 that the SDK reads as a ServerError, then recovers', async () => {
      const { backend, sdk } = setUp();
      backend.failNext('server-error');
      const error = await rejection(sdk.getPreconditions());
      expect(error).to.be.instanceOf(ServerError);
      expect(error).to.include({ status: 500 });
      expect((await sdk.getPreconditions()).account.name).to.equal('Acme Corp');
    });

    it('answers a 503 with a gateway HTML page', async () => {
      const { backend, sdk, fetch } = setUp();
      backend.failNext('unavailable', { times: 2 });
      expect(await rejection(sdk.getPreconditions())).to.include({ status: 503 });
      const raw = await fetch('/api/v4/account/deletion/preconditions');
      expect(raw.headers.get('content-type')).to.contain('text/html');
    });

    it('refuses with 403 and the v3 detail "This account is not allowed to be deleted."', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.failNext('forbidden');
      const error = await rejection(sdk.deleteAccount(1234));
      expect(error).to.be.instanceOf(PermissionDeniedError);
      expect(error).to.include({ status: 403, detail: 'This account is not allowed to be deleted.' });
      expect(backend.state.deleted).to.equal(false);
    });

    it('demands a fresh sign-in with 401 reauthentication_required once, then lets the retry through', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.failNext('reauthentication-required', { on: 'delete' });
      const error = await rejection(sdk.deleteAccount(1234));
      expect(error).to.be.instanceOf(ReauthenticationRequiredError);
      expect(error).to.include({ status: 401, code: 'reauthentication_required' });
      expect(backend.state.deleted).to.equal(false);
      expect((await sdk.deleteAccount(1234)).alreadyDeleted).to.equal(false);
    });

    it('races: a blocker comes back between the check and the delete, so the delete answers 409', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      expect((await sdk.getPreconditions()).deletable).to.equal(true);
      backend.failNext('race');
      const error = await rejection(sdk.deleteAccount(1234));
      expect(error).to.be.instanceOf(ConflictError);
      const zones = byType((error as ConflictError).checks ?? []).dns_zones;
      expect(zones).to.include({ status: 'blocking', count: 1 });
      expect(backend.state.deleted).to.equal(false);
      expect((await sdk.getPreconditions()).deletable, 'the blocker stays until resolved').to.equal(false);
    });

    it('waits with a race for the next DELETE, letting checks through meanwhile', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.failNext('race');
      expect((await sdk.getPreconditions()).deletable).to.equal(true);
      expect(await rejection(sdk.deleteAccount(1234))).to.be.instanceOf(ConflictError);
    });

    it('answers a cut-off JSON body that the SDK refuses to read, failing closed', async () => {
      const { backend, sdk } = setUp();
      backend.failNext('malformed-json');
      const error = await rejection(sdk.getPreconditions());
      expect(error).to.be.instanceOf(InvalidResponseError);
    });

    it('answers JSON of the wrong shape claiming deletable, which the SDK still refuses', async () => {
      const { backend, sdk } = setUp();
      backend.failNext('wrong-shape');
      expect(await rejection(sdk.getPreconditions())).to.be.instanceOf(InvalidResponseError);
    });

    it('answers a 200 HTML page, as a captive portal would, which the SDK refuses', async () => {
      const { backend, sdk } = setUp();
      backend.failNext('html');
      expect(await rejection(sdk.getPreconditions())).to.be.instanceOf(InvalidResponseError);
      backend.resolveAll();
      backend.failNext('html', { on: 'delete' });
      expect(await rejection(sdk.deleteAccount(1234))).to.be.instanceOf(InvalidResponseError);
      expect(backend.state.deleted).to.equal(false);
    });

    it('keeps the account when a deletion is answered with a malformed body', async () => {
      const { backend, fetch } = setUp();
      backend.resolveAll();
      backend.failNext('malformed-json', { on: 'delete' });
      const response = await fetch('/api/v3/account/1234', { method: 'DELETE' });
      expect(response.status).to.equal(200);
      // A SyntaxError by name: WebKit rejects with a DOMException of that name, not a JavaScript SyntaxError.
      expect(await rejection(response.json())).to.have.property('name', 'SyntaxError');
      expect(backend.state.deleted).to.equal(false);
    });

    it('rate-limits with 429 and Retry-After', async () => {
      const { backend, sdk } = setUp();
      backend.failNext('rate-limited');
      const error = await rejection(sdk.getPreconditions());
      expect(error).to.be.instanceOf(RateLimitError);
      expect(error).to.include({ retryAfter: 1 });
    });

    it('fails the network like fetch does: a TypeError, which the SDK reads as a ConnectionError', async () => {
      const { backend, sdk, fetch } = setUp();
      backend.failNext('network-error', { times: 2 });
      expect(await rejection(fetch('/api/v4/account/deletion/preconditions'))).to.be.instanceOf(TypeError);
      expect(await rejection(sdk.getPreconditions())).to.be.instanceOf(ConnectionError);
      expect(backend.requests.map((r) => [r.fault, r.status])).to.deep.equal([
        ['network-error', undefined],
        ['network-error', undefined],
      ]);
    });

    it('applies a fault only to the requests it names, first in first out', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.failNext('forbidden', { on: 'delete' });
      backend.failNext('server-error', { on: 'preconditions' });
      expect(await rejection(sdk.getPreconditions())).to.be.instanceOf(ServerError);
      expect(backend.faults).to.deep.equal([{ kind: 'forbidden', on: 'delete', remaining: 1 }]);
      expect((await sdk.getPreconditions()).deletable).to.equal(true);
      expect(await rejection(sdk.deleteAccount(1234))).to.be.instanceOf(PermissionDeniedError);
      expect(backend.faults).to.deep.equal([]);
    });

    it("lets the SDK's repeat of a check ride out a single 500", async () => {
      const { backend, sdk } = setUp({}, { retry: { limit: 2, delay: () => 0 } });
      backend.failNext('server-error');
      expect((await sdk.getPreconditions()).deletable).to.equal(false);
      expect(backend.requests.map((r) => r.status)).to.deep.equal([500, 200]);
    });

    it('loses the answer of a deletion it carried out, and a repeat with the same key answers 204', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      backend.failNext('lost-answer', { on: 'any' });
      expect((await sdk.getPreconditions()).deletable, 'a check goes through').to.equal(true);
      expect(await rejection(sdk.deleteAccount(1234, { idempotencyKey: 'k-lost' }))).to.be.instanceOf(ConnectionError);
      expect(backend.state.deleted, 'deleted all the same').to.equal(true);
      expect((await sdk.deleteAccount(1234, { idempotencyKey: 'k-lost' })).alreadyDeleted).to.equal(false);
      expect((await sdk.deleteAccount(1234, { idempotencyKey: 'k-other' })).alreadyDeleted).to.equal(true);
      expect(backend.requests.filter((r) => r.method === 'DELETE').map((r) => [r.fault, r.status])).to.deep.equal([
        ['lost-answer', undefined],
        [undefined, 204],
        [undefined, 410],
      ]);
    });

    it('races only a DELETE it would act on: not one refused for its token or for another account', async () => {
      const { backend, fetch } = setUp({ token: 't' });
      backend.resolveAll();
      backend.failNext('race', { times: 2 });
      expect((await fetch('/api/v3/account/1234', { method: 'DELETE' })).status).to.equal(401);
      expect((await fetch('/api/v3/account/999', { method: 'DELETE', headers: { Authorization: 'Token t' } })).status).to.equal(404);
      expect(byType(backend.checks()).dns_zones?.status, 'no blocker came back').to.equal('passed');
    });

    it('keeps a fault for the requests of the contract: a stray path or method neither fails nor uses it', async () => {
      const { backend, fetch, sdk } = setUp();
      backend.failNext('server-error');
      expect((await fetch('/api/v4/nothing')).status).to.equal(404);
      expect((await fetch('/api/v4/account/deletion/preconditions', { method: 'POST' })).status).to.equal(405);
      expect(backend.faults).to.have.length(1);
      expect(await rejection(sdk.getPreconditions())).to.be.instanceOf(ServerError);
    });

    it('refuses on the check in the v4 JSON:API shape', async () => {
      const { backend, fetch } = setUp();
      backend.failNext('forbidden', { on: 'preconditions' });
      const response = await fetch('/api/v4/account/deletion/preconditions');
      expect(response.status).to.equal(403);
      expect(await response.json()).to.deep.equal({
        errors: [{ status: '403', code: 'permission_denied', title: 'Not allowed', detail: 'This account is not allowed to be deleted.' }],
      });
    });

    it('refuses an unknown fault, target or count', () => {
      const backend = createFakeBackend();
      expect(() => backend.failNext('teapot' as never)).to.throw(RangeError);
      expect(() => backend.failNext('server-error', { on: 'put' as never })).to.throw(RangeError);
      expect(() => backend.failNext('server-error', { times: 0 })).to.throw(RangeError);
    });
  });

  describe('request log', () => {
    it('records each request with its method, path, headers, Idempotency-Key, time and answer', async () => {
      const { backend, sdk } = setUp({ now: () => new Date('2026-11-28T10:00:00Z') }, { token: 'tok' });
      await sdk.getPreconditions();
      backend.resolveAll();
      await sdk.deleteAccount(1234, { idempotencyKey: 'key-1' });
      const [check, deletion] = backend.requests;
      expect(check).to.include({ seq: 1, method: 'GET', path: '/v4/account/deletion/preconditions', status: 200, aborted: false });
      expect(check?.time).to.equal('2026-11-28T10:00:00.000Z');
      expect(check?.headers).to.include({ accept: 'application/json', authorization: 'Token tok' });
      expect(deletion).to.include({ method: 'DELETE', path: '/v3/account/1234', idempotencyKey: 'key-1', status: 204 });
      expect(deletion?.headers['idempotency-key']).to.equal('key-1');
    });

    it('sends a distinct X-Request-Id with every answer and logs it', async () => {
      const { backend, fetch } = setUp();
      const first = await fetch('/api/v4/account/deletion/preconditions');
      const second = await fetch('/api/v3/account/1234', { method: 'DELETE' });
      const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
      expect(ids[0]).to.not.equal(ids[1]);
      expect(backend.requests.map((r) => r.requestId)).to.deep.equal(ids);
    });

    it('starts over on reset: fresh account, session, faults, latency, log and request ids', async () => {
      const { backend, sdk } = setUp();
      backend.resolveAll();
      await sdk.deleteAccount(1234);
      backend.failNext('server-error');
      backend.latency = 500;
      backend.reset();
      expect(backend.requests).to.deep.equal([]);
      expect(backend.faults).to.deep.equal([]);
      expect(backend.latency).to.equal(0);
      const { deletable, checks } = await sdk.getPreconditions();
      expect(deletable).to.equal(false);
      expect(checks.every((c) => c.status === 'blocking')).to.equal(true);
      expect(backend.requests[0]?.requestId, 'request ids count from 1 again').to.equal('fake-000001');
    });
  });

  describe('token', () => {
    it('accepts every request when no token is configured, as with a session cookie', async () => {
      const { sdk } = setUp();
      expect((await sdk.getPreconditions()).account.id).to.equal(1234);
    });

    it('requires the configured token as Token or Bearer', async () => {
      const backend = createFakeBackend({ token: 's3cret' });
      const fetch = createFakeFetch(backend);
      const client = (options: ClientOptions) => createAccountDeletionClient({ fetch, retry: { limit: 0 }, ...options });
      expect(await rejection(client({}).getPreconditions())).to.be.instanceOf(AuthenticationError);
      expect(await rejection(client({ token: 'wrong' }).getPreconditions())).to.be.instanceOf(AuthenticationError);
      expect((await client({ token: 's3cret' }).getPreconditions()).account.id).to.equal(1234);
      expect((await client({ token: () => 's3cret', scheme: 'Bearer' }).getPreconditions()).account.id).to.equal(1234);
    });
  });

  describe('latency', () => {
    it('waits the set latency before answering', async () => {
      const { backend, sdk } = setUp({ latency: 150 });
      const started = performance.now();
      await sdk.getPreconditions();
      expect(performance.now() - started).to.be.at.least(140);
      backend.latency = 0;
      expect(() => (backend.latency = -1)).to.throw(RangeError);
    });

    it('stops waiting when the request is aborted, and deletes nothing', async () => {
      const { backend, sdk } = setUp({ latency: 5000 });
      backend.resolveAll();
      const controller = new AbortController();
      const started = performance.now();
      const pending = rejection(sdk.deleteAccount(1234, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      expect(await pending).to.be.instanceOf(RequestAbortedError);
      expect(performance.now() - started).to.be.below(1000);
      expect(backend.state.deleted).to.equal(false);
      expect(backend.requests[0]).to.include({ aborted: true, status: undefined });
    });

    it("gives the SDK's timeout something to time out", async () => {
      const { backend, sdk } = setUp({ latency: 2000 });
      backend.resolveAll();
      expect(await rejection(sdk.deleteAccount(1234, { timeout: 100 }))).to.be.instanceOf(RequestTimeoutError);
      expect(backend.state.deleted).to.equal(false);
    });

    it('rejects at once for a signal that is already aborted', async () => {
      const { backend, fetch } = setUp();
      const error = await rejection(fetch('/api/v4/account/deletion/preconditions', { signal: AbortSignal.abort() }));
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(backend.requests).to.deep.equal([]);
    });
  });
});

describe('fake backend control routes', () => {
  it('steer the same model as its methods and answer with a snapshot', () => {
    const backend = createFakeBackend();
    const answer = runControl(backend, 'POST', '/dns-zones/acme.com/disable', undefined);
    expect(answer.status).to.equal(200);
    expect(backend.state.dnsZones[0]?.active).to.equal(false);
    runControl(backend, 'POST', '/edge-applications/1001/remove', undefined);
    runControl(backend, 'POST', '/debt/pay', undefined);
    runControl(backend, 'POST', '/latency', { ms: 300 });
    runControl(backend, 'POST', '/faults', { kind: 'race', times: 1 });
    const snapshot = runControl(backend, 'GET', '/state', undefined).body;
    expect(snapshot).to.deep.include({ latency: 300, faults: [{ kind: 'race', on: 'delete', remaining: 1 }] });
    expect(backend.checks().filter((c) => c.status === 'blocking').map((c) => c.type)).to.deep.equal(['dns_zones']);
  });

  it('answer 400 for an unknown zone or a bad body, and 404 for an unknown route', () => {
    const backend = createFakeBackend();
    expect(runControl(backend, 'POST', '/dns-zones/nope.example/disable', undefined).status).to.equal(400);
    expect(runControl(backend, 'POST', '/latency', { ms: 'slow' }).status).to.equal(400);
    expect(runControl(backend, 'POST', '/faults', { kind: 'teapot' }).status).to.equal(400);
    expect(runControl(backend, 'POST', '/nothing', undefined).status).to.equal(404);
  });
});

describe('fake backend Node handler', () => {
  function exchange(url: string, method = 'GET') {
    const req: NodeRequestLike = { method, url, headers: { 'idempotency-key': 'n1' }, on: () => req };
    const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as string | undefined, destroyed: false, passedOn: false };
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    const res: NodeResponseLike = {
      statusCode: 200,
      writableEnded: false,
      setHeader: (name, value) => (sent.headers[name] = value),
      end: (body) => {
        sent.status = res.statusCode;
        sent.body = body;
        done();
      },
      destroy: () => {
        sent.destroyed = true;
        done();
      },
      on: () => res,
    };
    return { req, res, sent, finished, next: () => ((sent.passedOn = true), done()) };
  }

  it('serves the API below its base, passes other requests on, and drops the socket on a network fault', async () => {
    const backend = createFakeBackend();
    const handler = createFakeBackendHandler(backend, { apiBase: '/api' });

    const check = exchange('/api/v4/account/deletion/preconditions?x=1');
    handler(check.req, check.res, check.next);
    await check.finished;
    expect(check.sent.status).to.equal(200);
    expect(JSON.parse(check.sent.body ?? '').data.account.name).to.equal('Acme Corp');
    expect(backend.requests[0]?.path).to.equal('/v4/account/deletion/preconditions?x=1');

    const page = exchange('/apiary/index.html');
    handler(page.req, page.res, page.next);
    await page.finished;
    expect(page.sent.passedOn).to.equal(true);

    backend.failNext('network-error');
    const broken = exchange('/api/v3/account/1234', 'DELETE');
    handler(broken.req, broken.res, broken.next);
    await broken.finished;
    expect(broken.sent.destroyed).to.equal(true);
    expect(backend.requests.at(-1)?.idempotencyKey).to.equal('n1');
  });
});
