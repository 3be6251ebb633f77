import { expect } from '@open-wc/testing';
import { ConflictError, ConnectionError, createAccountDeletionClient } from '../src/index.js';
import { createFakeBackendOverAzion, createFakeFetch, runControl, type ControlSnapshot } from '../testing/index.js';

function setUp() {
  const backend = createFakeBackendOverAzion();
  const sdk = createAccountDeletionClient({ apiBase: '/api', fetch: createFakeFetch(backend), retry: { limit: 0 } });
  return { backend, sdk };
}

describe('the fake backend over the fake Azion API (the server half in between)', () => {
  it('reads the checks the server half built from Azion\'s answers', async () => {
    const { sdk, backend } = setUp();
    const preconditions = await sdk.getPreconditions();
    expect(preconditions.deletable).to.equal(false);
    expect(preconditions.checks.map((check) => `${check.type} ${check.status} ${check.count}`)).to.deep.equal([
      'dns_zones blocking 2',
      'edge_applications blocking 1',
      'debts blocking 1',
    ]);
    expect(backend.upstream.requests.map((r) => r.endpoint)).to.have.members(['account', 'user', 'dns_zones', 'applications', 'payments']);
    // Its request log carries the handler's own request id.
    expect(backend.requests[0]?.requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it('shows the state as the demo controls know it, and is steered the same way', async () => {
    const { backend } = setUp();
    expect(backend.state.debt).to.deep.equal({ value: '120.50', currency: 'USD' });
    expect(backend.state.dnsZones.map((zone) => zone.name)).to.deep.equal(['acme.com', 'acme.dev']);
    backend.disableZone(81);
    backend.removeApplication('acme-storefront');
    backend.payDebt();
    expect(backend.state.dnsZones.map((zone) => zone.active)).to.deep.equal([false, true]);
    expect(backend.state.edgeApplications[0]?.removed).to.equal(true);
    expect(backend.state.debt).to.equal(null);
    backend.restoreDebt({ value: '9.90', currency: 'EUR' });
    expect(backend.state.debt).to.deep.equal({ value: '9.90', currency: 'EUR' });
  });

  it('a race fault brings a blocker back in Azion, and the handler\'s own re-check refuses with 409', async () => {
    const { sdk, backend } = setUp();
    backend.resolveAll();
    backend.failNext('race');
    const error = await sdk.deleteAccount(1234).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).checks?.[0]?.items.map((item) => item.name)).to.deep.equal(['acme.com']);
    expect(backend.upstream.requests.filter((r) => r.method === 'DELETE')).to.have.length(0);
  });

  it('a lost answer: Azion deleted, the repeat with the same key answers 204 from the handler\'s store', async () => {
    const { sdk, backend } = setUp();
    backend.resolveAll();
    backend.failNext('lost-answer');
    const lost = await sdk.deleteAccount(1234, { idempotencyKey: 'k-1' }).catch((e: unknown) => e);
    expect(lost).to.be.instanceOf(ConnectionError);
    expect(backend.state.deleted).to.equal(true);
    const calls = backend.upstream.requests.length;
    const repeat = await sdk.deleteAccount(1234, { idempotencyKey: 'k-1' });
    expect(repeat.alreadyDeleted).to.equal(false);
    expect(backend.upstream.requests.length, 'Azion was not asked again').to.equal(calls);
  });

  it('takes Azion-side faults through the control API and hides credentials in its snapshot', async () => {
    const { sdk, backend } = setUp();
    backend.resolveAll();
    const queued = runControl(backend, 'POST', '/upstream/faults', { kind: 'server-error', on: 'payments' });
    expect(queued.status).to.equal(200);
    const preconditions = await sdk.getPreconditions();
    expect(preconditions.deletable).to.equal(false);
    expect(preconditions.checks[2]?.status).to.equal('unavailable');
    const snapshot = runControl(backend, 'GET', '/state', undefined).body as ControlSnapshot;
    expect(snapshot.upstream?.requests.length).to.be.greaterThan(0);
    expect(snapshot.upstream?.requests.every((r) => r.headers['authorization'] === '(hidden)')).to.equal(true);
    expect(runControl(backend, 'POST', '/upstream/faults', { kind: 'melt-down' }).status).to.equal(400);
  });

  it('reset brings back the account, its faults, its log and fresh keys', async () => {
    const { sdk, backend } = setUp();
    backend.resolveAll();
    await sdk.deleteAccount(1234, { idempotencyKey: 'k-2' });
    backend.reset();
    expect(backend.state.deleted).to.equal(false);
    expect(backend.requests).to.have.length(0);
    expect(backend.upstream.requests).to.have.length(0);
    backend.resolveAll();
    // The key's record went with the reset: the same key deletes the fresh account again.
    await sdk.deleteAccount(1234, { idempotencyKey: 'k-2' });
    expect(backend.upstream.requests.filter((r) => r.method === 'DELETE')).to.have.length(1);
  });
});
