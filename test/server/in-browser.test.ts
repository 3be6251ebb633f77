// The server half, unchanged, in Chromium: the same module a Node backend imports. A Node built-in
// anywhere in its module graph would fail this file's import before any test ran.
import { expect } from '@open-wc/testing';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.js';
import { createFakeAzionApi } from '../../testing/index.js';

const base = 'https://portal.example/api';

function setUp() {
  const upstream = createFakeAzionApi({ token: 'browser-token' });
  const handler = createDeletionHandler({
    basePath: '/api',
    ...azion({ auth: 'forward', fetch: upstream.fetch }),
    idempotency: memoryStore(),
    checkTimeout: 500,
  });
  return { upstream, handler };
}

const headers = { authorization: 'Token browser-token' };

describe('the server half in a browser', () => {
  it('answers the check with every blocker, as in Node', async () => {
    const { handler } = setUp();
    const response = await handler(new Request(`${base}/v4/account/deletion/preconditions`, { headers }));
    expect(response.status).to.equal(200);
    const { data } = await response.json();
    expect(data.deletable).to.equal(false);
    expect(data.checks.map((check: { type: string; count: number }) => `${check.type}:${check.count}`)).to.deep.equal(['dns_zones:2', 'edge_applications:1', 'debts:1']);
  });

  it('refuses while anything blocks, then deletes once per key', async () => {
    const { handler, upstream } = setUp();
    const remove = () => handler(new Request(`${base}/v3/account/1234`, { method: 'DELETE', headers: { ...headers, 'idempotency-key': 'browser-key' } }));
    const blocked = await remove();
    expect(blocked.status).to.equal(409);
    expect((await blocked.json()).errors[0].code).to.equal('account_has_blockers');
    upstream.resolveAll();
    expect((await remove()).status).to.equal(204);
    expect((await remove()).status).to.equal(204);
    expect(upstream.requests.filter((r) => r.method === 'DELETE').length).to.equal(1);
  });

  it('fails closed on an upstream fault here too', async () => {
    const { handler, upstream } = setUp();
    upstream.resolveAll();
    upstream.failNext('html', { on: 'dns_zones' });
    const { data } = await (await handler(new Request(`${base}/v4/account/deletion/preconditions`, { headers }))).json();
    expect(data.deletable).to.equal(false);
    expect(data.checks[0].status).to.equal('unavailable');
  });
});
