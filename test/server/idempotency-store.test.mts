// The idempotency store behind DELETE: stores that fail, hang or hold nonsense, stores without add,
// what is kept per key, and what one instance remembers when its store fails it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore, type IdempotencyStore } from '../../src/server/index.ts';
import { checkAnswer } from './openapi.mts';
import { bodyOf, deleteAccount, setUp, upstreamDeletes } from './helpers.mts';

async function contractBody(response: Response) {
  const verdict = await checkAnswer('/v3/account/{account_id}', 'DELETE', response);
  assert.deepEqual(verdict.problems, []);
  return verdict.body as any;
}

describe('the idempotency store', () => {
  const failing: [string, IdempotencyStore][] = [
    ['throws', { get: () => Promise.reject(new Error('redis down')), set: () => undefined }],
    ['holds what is not a record', { get: () => 'done', set: () => undefined }],
    ['hangs', { get: () => new Promise(() => undefined), set: () => undefined }],
    ['answers add with neither true nor false', { get: () => undefined, set: () => undefined, add: () => 'OK' as never }],
  ];
  for (const [name, store] of failing) {
    it(`a store that ${name} is a 503 and nothing is asked upstream`, async () => {
      const { handler, upstream, errors } = setUp({ resolved: true, handler: { idempotency: store, checkTimeout: 50 } });
      const response = await handler(deleteAccount(1234, 'key-1'));
      assert.equal(response.status, 503);
      assert.equal((await contractBody(response)).errors[0].code, 'idempotency_store_unavailable');
      assert.equal(upstream.requests.length, 0);
      assert.ok(errors.some((e) => e.step === 'idempotency store'), 'onError heard of it');
    });
  }

  it('keeps a succeeded key 24 hours as a plain JSON record', async () => {
    const kept: [string, unknown, number][] = [];
    const store = memoryStore();
    const spy: IdempotencyStore = { get: (k) => store.get(k), set: (k, v, ttl) => (kept.push([k, v, ttl]), store.set(k, v, ttl)), add: (k, v, ttl) => store.add(k, v, ttl) };
    const { handler } = setUp({ resolved: true, handler: { idempotency: spy } });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    const [key, value, ttl] = kept.at(-1) ?? [];
    assert.equal(key, 'account-deletion:1234:key-1');
    assert.equal((value as { state: string }).state, 'done');
    assert.equal(ttl, 86400);
    assert.deepEqual(JSON.parse(JSON.stringify(value)), value);
  });

  it('a claim outlives the longest way to the DELETE, so no other instance can claim the key meanwhile', async () => {
    // Before: with checkTimeout 100 s the claim lived 460 s, while its store write, the account, the
    // checks, a wait for another tab's DELETE (twice the limit) and the write of "sent" may take 600 s.
    for (const checkTimeout of [3_000, 100_000, 600_000]) {
      const claims: number[] = [];
      const store = memoryStore();
      const spy: IdempotencyStore = { get: (k) => store.get(k), set: (k, v, t) => store.set(k, v, t), add: (k, v, t) => (claims.push(t), store.add(k, v, t)) };
      const { handler } = setUp({ resolved: true, handler: { idempotency: spy, checkTimeout } });
      assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
      assert.equal(claims.length, 1);
      assert.ok(claims[0]! >= (6 * checkTimeout) / 1000 + 60, `${claims[0]} s for checkTimeout ${checkTimeout} ms`);
    }
  });

  it('works with a store that has no add', async () => {
    const store = memoryStore();
    const { handler, upstream } = setUp({ resolved: true, handler: { idempotency: { get: (k) => store.get(k), set: (k, v, t) => store.set(k, v, t) } } });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('without add, two instances may both claim a key (as documented), but the loser never erases the winner\'s done', async () => {
    const shared = memoryStore();
    const noAdd: IdempotencyStore = { get: (k) => shared.get(k), set: (k, v, t) => shared.set(k, v, t) };
    const a = setUp({ resolved: true, handler: { idempotency: noAdd } });
    const b = createDeletionHandler({ ...azion({ auth: 'forward', fetch: a.upstream.fetch }), idempotency: noAdd, checkTimeout: 200 });
    const [first, second] = await Promise.all([a.handler(deleteAccount(1234, 'race-key')), b(deleteAccount(1234, 'race-key'))]);
    assert.deepEqual([first.status, second.status].sort(), [204, 401]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((shared.get('account-deletion:1234:race-key') as { state: string }).state, 'done');
    const calls = a.upstream.requests.length;
    assert.equal((await b(deleteAccount(1234, 'race-key'))).status, 204);
    assert.equal(a.upstream.requests.length, calls, 'the repeat asked no one');
  });

  it('reads what a store handed back as JSON text only through its own get (a store that forgets to parse fails closed)', async () => {
    const raw = new Map<string, string>();
    const careless: IdempotencyStore = { get: (k) => raw.get(k), set: (k, v) => void raw.set(k, JSON.stringify(v)) };
    const { handler, upstream } = setUp({ resolved: true, handler: { idempotency: careless } });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    // Another instance on the same store: only the store can tell it the key is done.
    const other = createDeletionHandler({ ...azion({ auth: 'forward', fetch: upstream.fetch }), idempotency: careless, checkTimeout: 200 });
    const repeat = await other(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 503);
    assert.equal((await bodyOf(repeat)).errors[0].code, 'idempotency_store_unavailable');
  });

  it('a store that fails at the one write of the done record: this instance still answers the repeat 204 and never deletes again, even after the claim would have expired', async () => {
    let clock = Date.now();
    const inner = memoryStore({ now: () => clock });
    let failDone = true;
    const store: IdempotencyStore = {
      get: (k) => inner.get(k),
      set: (k, v, t) => {
        // A network blip on exactly the write that records the deletion.
        if (failDone && (v as { state?: string }).state === 'done') {
          failDone = false;
          throw new Error('ECONNRESET');
        }
        return inner.set(k, v, t);
      },
      add: (k, v, t) => inner.add(k, v, t),
    };
    let deletes = 0;
    const handler = createDeletionHandler({
      account: () => ({ id: 1234, name: 'Acme Corp' }),
      checks: [{ type: 'x', evaluate: () => ({ type: 'x', status: 'passed' }) }],
      deleteAccount: () => void deletes++,
      idempotency: store,
      checkTimeout: 100,
    });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    // The client lost the 204 and repeats a couple of minutes later (the key is kept 24 hours).
    clock += 120_000;
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 204);
    assert.equal(deletes, 1);
  });
});
