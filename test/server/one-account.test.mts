// One account's DELETEs on one instance, however they arrive: with two keys (two tabs), or with one
// key from requests that differ (another cookie, another session), each one's reads passing before
// the other's deletion. A portal whose session ends on deletion, as the contract says: the account
// is deleted once, and a request that comes after is told so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDeletionHandler, memoryStore, UpstreamError, type IdempotencyStore } from '../../src/server/index.ts';
import { checkAnswer } from './openapi.mts';
import { deleteAccount } from './helpers.mts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A portal's own hooks; a request with `x-slow` has its check's answer come back 150 ms late. */
function portal(store: IdempotencyStore, options: { failDeletes?: boolean; checkTimeout?: number; deleteMs?: number } = {}) {
  let deleted = false;
  let deletes = 0;
  const handler = createDeletionHandler({
    account: () => {
      if (deleted) throw new UpstreamError(401, 'Your session has ended.');
      return { id: 1234, name: 'Acme Corp' };
    },
    checks: [
      {
        type: 'debts',
        evaluate: async ({ request }) => {
          const signedIn = !deleted;
          if (request.headers.get('x-slow')) await pause(150);
          if (!signedIn) throw new UpstreamError(401, 'Your session has ended.');
          return { type: 'debts', status: 'passed', count: 0 };
        },
      },
    ],
    deleteAccount: async () => {
      deletes++;
      await pause(options.deleteMs ?? 20);
      if (options.failDeletes) throw new UpstreamError(502, 'The deletion failed.');
      deleted = true;
    },
    idempotency: store,
    checkTimeout: options.checkTimeout ?? 1000,
    onError: () => undefined,
  });
  return { handler, deletes: () => deletes };
}

describe('one account on one instance', () => {
  it('one key, a store without add, the repeat with one more cookie whose reads passed before the deletion: deleted once, both 204', async () => {
    const inner = memoryStore();
    const { handler, deletes } = portal({ get: (key) => inner.get(key), set: (key, value, ttl) => inner.set(key, value, ttl) });
    const answers = await Promise.all([
      handler(deleteAccount(1234, 'same-key', { cookie: 'sid=u1' })),
      handler(deleteAccount(1234, 'same-key', { cookie: 'sid=u1; _ga=GA1.2.3', 'x-slow': '1' })),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status), [204, 204]);
    assert.equal(deletes(), 1);
  });

  it('two keys (two tabs), the second tab\'s reads passing before the first one\'s deletion ended: deleted once, both 204', async () => {
    const { handler, deletes } = portal(memoryStore());
    const answers = await Promise.all([handler(deleteAccount(1234, 'tab-1-key', { cookie: 'sid=u1' })), handler(deleteAccount(1234, 'tab-2-key', { cookie: 'sid=u1', 'x-slow': '1' }))]);
    assert.deepEqual(answers.map((answer) => answer.status), [204, 204]);
    assert.equal(deletes(), 1);
  });

  it('five tabs whose deletions all fail: the last answers within a deletion\'s time of its own reads, not one wait per tab before it', async () => {
    // Each deletion fails after 190 ms, within its own limit of 200 ms.
    const { handler } = portal(memoryStore(), { failDeletes: true, checkTimeout: 100, deleteMs: 190 });
    const started = Date.now();
    const answers = await Promise.all(['1', '2', '3', '4', '5'].map((tab) => handler(deleteAccount(1234, `tab-${tab}-key`, { cookie: 'sid=u1' }))));
    const took = Date.now() - started;
    assert.ok(took < 600, `the last answered after ${took} ms`);
    for (const answer of answers) {
      assert.ok([502, 409].includes(answer.status), String(answer.status));
      assert.deepEqual((await checkAnswer('/v3/account/{account_id}', 'DELETE', answer)).problems, []);
    }
  });
});

describe('a request with a key another session carries out, the session in a portal\'s own header', () => {
  it('is not told that session\'s answer: the stranger gets its own 401, not the owner\'s blockers', async () => {
    const handler = createDeletionHandler({
      // The portal's session travels in X-Session, neither a cookie nor Authorization.
      account: async ({ request }) => {
        await pause(30);
        if (request.headers.get('x-session') !== 'owner') throw new UpstreamError(401, 'Not signed in.');
        return { id: 1234, name: 'Acme Corp' };
      },
      checks: [{ type: 'dns_zones', evaluate: () => ({ type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'secret-zone.example' }] }) }],
      deleteAccount: () => undefined,
      idempotency: memoryStore(),
      onError: () => undefined,
    });
    const owner = handler(deleteAccount(1234, 'shared-key', { 'x-session': 'owner' }));
    await pause(5);
    const stranger = await handler(deleteAccount(1234, 'shared-key', { 'x-session': 'stranger' }));
    assert.equal((await owner).status, 409);
    assert.equal(stranger.status, 401);
    assert.doesNotMatch(await stranger.text(), /secret-zone/);
  });
});

describe('an UpstreamError made by another copy of the kit, read by its shape', () => {
  const handlerThrowing = (error: unknown, where: 'account' | 'deleteAccount') =>
    createDeletionHandler({
      account: () => {
        if (where === 'account') throw error;
        return { id: 1234, name: 'Acme Corp' };
      },
      checks: [{ type: 'dns_zones', evaluate: () => ({ type: 'dns_zones', status: 'passed', count: 0, items: [] }) }],
      deleteAccount: () => {
        throw error;
      },
      idempotency: memoryStore(),
      onError: () => undefined,
    });

  it('a 401 whose code is not a string answers the contract, with the kit\'s own code', async () => {
    const foreign = Object.assign(new Error('x'), { name: 'UpstreamError', status: 401, detail: 'Sign in again.', code: 4011 });
    const response = await handlerThrowing(foreign, 'account')(deleteAccount(1234, 'key-1'));
    const verdict = await checkAnswer('/v3/account/{account_id}', 'DELETE', response);
    assert.deepEqual(verdict.problems, []);
    assert.equal((verdict.body as any).errors[0].code, 'not_authenticated');
  });

  it('a 429 whose retryAfter is not a whole number of seconds goes without Retry-After', async () => {
    const foreign = Object.assign(new Error('x'), { name: 'UpstreamError', status: 429, detail: 'Slow down.', retryAfter: -2.5 });
    const response = await handlerThrowing(foreign, 'deleteAccount')(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), null);
    assert.deepEqual((await checkAnswer('/v3/account/{account_id}', 'DELETE', response)).problems, []);
  });
});
